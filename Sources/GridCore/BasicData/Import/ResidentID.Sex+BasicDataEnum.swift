/// Sex cells in import files read like any other choice: `男`, `女`, `male`, `female`.
extension ResidentID.Sex: BasicDataEnum {}
