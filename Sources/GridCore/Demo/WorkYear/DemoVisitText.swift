/// What a demo visit records (走访记录): whom the worker met, a short note, and now and then what
/// the household asked for. Data in Chinese, like the demo's names and addresses — not
/// interface text.
enum DemoVisitText {
    static let met = ["户主本人", "户主及家人", "户主配偶", "户主子女", "家庭成员", "租住人员"]
    /// Care households (关爱对象): mostly the elderly or the person cared for.
    static let metCare = ["老人本人", "老人及子女", "户主本人", "监护人", "家属", "本人及家属"]

    static let notes = [
        "家庭情况正常", "核实居住人员，无变化", "宣传防范电信诈骗", "宣传燃气安全使用", "提醒注意用电安全",
        "宣传垃圾分类", "告知社区服务电话", "了解就业情况", "宣传医保缴费政策", "核对房屋出租信息",
        "更新联系电话", "宣传森林草原防火", "排查消防隐患，未发现问题", "邻里关系和睦", "宣传文明养犬",
    ]
    static let notesCare = [
        "老人身体状况良好", "生活能自理，精神状态好", "查看居家安全，无隐患", "了解用药情况", "子女每周探望",
        "送达慰问品", "核实低保享受情况", "帮助预约家庭医生", "提醒天气变化注意保暖", "了解近期生活需求",
    ]
    static let needs = [
        "希望增设楼道照明", "咨询医保报销", "希望加强小区巡逻", "咨询就业培训", "反映楼上漏水",
        "咨询子女入学", "希望修缮单元门禁", "反映噪音扰民",
    ]
    static let needsCare = [
        "希望提供助餐服务", "咨询高龄补贴", "需要上门测量血压", "希望安装扶手", "咨询临时救助", "需要代办证件",
    ]
    /// The share of visits that record a need.
    static let needChance = 0.15

    static func draw(monthly: Bool, dice: inout DemoDice) -> (met: String, notes: String, needs: String) {
        let need = dice.chance(needChance) ? dice.pick(monthly ? needsCare : needs) : ""
        return (dice.pick(monthly ? metCare : met), dice.pick(monthly ? notesCare : notes), need)
    }
}
