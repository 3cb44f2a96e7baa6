extension Person: DiffableRecord {
    public var diffFields: [DiffField] {
        [
            .text("name", "姓名", "name", name),
            .choice("idType", "证件类型", "document type", idType),
            .text("idNumber", "证件号码", "document number", idNumber, sensitivity: .idNumber),
            .text("phone", "联系电话", "phone", phone?.value, sensitivity: .phone),
            .choice("residenceKind", "人员类型", "residence", residenceKind),
            .id("roomID", "居住房屋", "room", roomID),
            .id("householdID", "所属户", "household", householdID),
            .id("employerID", "工作单位", "employer", employerID),
            .choice("relationToHead", "与户主关系", "relation to head", relationToHead),
            .described("movedInOn", "迁入日期", "moved in", movedInOn),
            .described("movedOutOn", "迁出日期", "moved out", movedOutOn),
            .choices("careGroups", "关注群体", "care groups", careGroups),
            DiffField(
                key: "tags", label: LocalizedText(zh: "标签", en: "tags"),
                value: tags.isEmpty ? nil : LocalizedText(zh: tags.joined(separator: "、"), en: tags.joined(separator: ", "))),
            .described("gridPath", "所属网格", "grid", gridPath),
            .choice("declaredSex", "性别", "sex", idType == .residentID ? nil : declaredSex),
            .described("declaredBirthDate", "出生日期", "birth date", idType == .residentID ? nil : declaredBirthDate),
        ]
    }
}

extension Room: DiffableRecord {
    public var diffFields: [DiffField] {
        [
            .id("buildingID", "所属楼栋", "building", buildingID),
            .text("unit", "单元", "unit", unit),
            .text("number", "房间号", "room number", number),
            .described("floor", "楼层", "floor", floor),
            .choice("use", "房屋用途", "use", use),
            .text("area", "面积（平方米）", "area (m²)", area.map(BasicDataCSVFormat.decimal)),
            .text("ownerName", "产权人", "owner", ownerName),
            .text("landlordName", "房东姓名", "landlord", landlordName),
            .text("landlordPhone", "房东电话", "landlord's phone", landlordPhone?.value, sensitivity: .phone),
            .flag("isOccupied", "是否有人居住", "occupied", isOccupied),
            .described("gridPath", "所属网格", "grid", gridPath),
        ]
    }
}

extension Building: DiffableRecord {
    public var diffFields: [DiffField] {
        [
            .text("name", "楼栋名称", "name", name),
            .text("address", "地址", "address", address.fullText),
            .described("gridPath", "所属网格", "grid", gridPath),
            .described("location", "位置", "location", location),
            .text("footprint", "轮廓", "footprint", footprint.map { $0.map(\.description).joined(separator: " ") }),
            .text("datum", "坐标系", "datum", datum.rawValue),
            .described("floors", "层数", "floors", floors),
            .choice("use", "楼栋用途", "use", use),
        ]
    }
}

extension Organization: DiffableRecord {
    public var diffFields: [DiffField] {
        [
            .text("name", "单位名称", "name", name),
            .text("creditCode", "统一社会信用代码", "credit code", creditCode?.value),
            .choice("kind", "单位类型", "kind", kind),
            .text("address", "地址", "address", address.fullText),
            .id("roomID", "所在房屋", "room", roomID),
            .text("legalPerson", "法定代表人", "legal representative", legalPerson),
            .text("phone", "联系电话", "phone", phone, sensitivity: .phone),
            .described("employeeCount", "从业人数", "employees", employeeCount),
            .described("gridPath", "所属网格", "grid", gridPath),
        ]
    }
}

extension CityComponent: DiffableRecord {
    public var diffFields: [DiffField] {
        [
            .text("code", "部件编码", "code", code),
            .choice("kind", "部件类型", "kind", kind),
            .text("ownerDepartment", "权属单位", "owner department", ownerDepartment),
            .choice("state", "部件状态", "state", state),
            .text("location", "位置", "location", "\(location.coordinate) \(location.datum.rawValue)"),
            .described("gridPath", "所属网格", "grid", gridPath),
        ]
    }
}
