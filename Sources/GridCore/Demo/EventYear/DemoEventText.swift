import Foundation

/// The words of the demo year: report descriptions built from the item, the place and its
/// attributes; attribute values; and the notes, reasons and feedback of each step, as operators
/// in a Chinese grid centre write them.
enum DemoEventText {
    // MARK: Attributes

    /// Values for every required attribute of `type` and about half the optional ones, each
    /// valid for its specification.
    static func attributes(for type: EventType, address: DemoAddress, roads: [String], dice: inout DemoDice) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        for spec in type.requiredAttributes where spec.required || dice.chance(0.5) {
            values[spec.key] = value(for: spec, type: type, address: address, roads: roads, dice: &dice)
        }
        return values
    }

    private static func value(
        for spec: AttributeSpec, type: EventType, address: DemoAddress, roads: [String], dice: inout DemoDice
    ) -> JSONValue {
        switch spec.key {
        case "people_involved": return .number(Double(type.code == "B0101" ? dice.int(2...6) : dice.int(2...9)))
        case "vulnerable_involved": return .bool(dice.chance(0.18))
        case "area_m2": return .number(Double(type.code == "B0403" ? dice.int(8...120) : dice.int(1...20)))
        case "stall_count": return .number(Double(dice.int(1...12)))
        case "lamp_number": return .string("LD-\(dice.int(1000...9999))")
        case "plate_number":
            let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
            return .string("川A\(dice.pick(letters))\(dice.int(1000...9999))")
        case "room_address":
            return .string("\(dice.pick(roads))\(dice.int(1...300))号\(dice.int(1...18))栋\(dice.int(1...4))单元\(dice.int(1...12))0\(dice.int(1...4))室")
        case "occupants": return .number(Double(type.code == "B0901" ? dice.int(8...26) : dice.int(1...6)))
        case "damage_area_m2": return .number(Double(dice.int(1...30)))
        case "business_name":
            let kinds = ["小吃店", "烧烤店", "便利店", "水果店", "副食店", "火锅店", "面馆", "药房", "卤菜店", "早餐店"]
            return .string("\(dice.pick(DemoNames.surnames))记\(dice.pick(kinds))")
        case "household_size": return .number(Double(dice.int(1...6)))
        default: break
        }
        switch spec.type {
        case .integer: return .number(Double(dice.int(1...10)))
        case .boolean: return .bool(dice.chance(0.5))
        case .choice(let options): return .string(dice.pick(options))
        case .text: return .string("\(address.text)")
        }
    }

    // MARK: Descriptions

    /// The report's description: the item in the reporter's words at the place.
    static func description(
        for type: EventType, channel: DemoEventChannel, place: String, attributes: [String: JSONValue], dice: inout DemoDice
    ) -> String {
        func number(_ key: String, _ fallback: Int) -> Int { attributes[key]?.doubleValue.map { Int($0) } ?? fallback }
        func text(_ key: String, _ fallback: String) -> String { attributes[key]?.stringValue ?? fallback }
        let people = number("people_involved", dice.int(2...5))
        let body: String
        switch type.code {
        case "A01": body = "\(place)\(people)人因\(dice.pick(["楼上漏水", "生活噪音", "公共楼道堆放杂物", "宠物扰民", "车位占用", "赡养老人"]))发生纠纷，双方情绪激动"
        case "A02": body = "\(place)某\(dice.pick(["建筑工地", "装修公司", "餐饮企业", "物流公司"]))拖欠\(people)名务工人员工资约\(dice.int(2...40))万元"
        case "A03": body = "\(place)租户与房东因\(dice.pick(["押金退还", "提前退租", "房屋维修"]))发生纠纷，涉及\(people)人"
        case "A04": body = "\(place)\(people)名业主反映开发商\(dice.pick(["延期交房", "未按约定办理产权证", "房屋质量问题"]))"
        case "A05": body = "\(place)小区业主与物业因\(dice.pick(["物业费上涨", "电梯长期故障", "停车收费", "公共收益未公开"]))发生纠纷，涉及\(people)人"
        case "A06": body = "\(place)群众对\(dice.pick(["拆迁补偿标准", "低保评定结果", "道路改造施工安排"]))有意见，涉及\(people)人"
        case "A07": body = "\(place)当事人对判决执行不满，多次到场反映，涉及\(people)人"
        case "A08": body = "\(place)居民反映周边在建项目影响采光通风，涉及\(people)户"
        case "A09": body = "\(place)村民对集体经济组织分红方案有异议，涉及\(people)人"
        case "A10": body = "\(place)\(people)人因\(dice.pick(["借款", "合伙经营", "货款结算"]))纠纷发生争执"
        case "A11": body = "\(place)发现有人员聚集反映诉求苗头，涉及\(people)人，需关注"
        case "A12": body = "群众反映\(place)附近村（社区）干部作风问题，涉及\(people)人"
        case "B01": body = "\(place)夜间有不明人员聚集滋扰"
        case "B0101": body = "\(place)有\(people)人发生肢体冲突"
        case "B0102": body = "\(place)某出租屋疑似有聚众赌博情况"
        case "B02": body = "\(place)商铺食品、药品经营不规范"
        case "B0201": body = "\(place)“\(text("business_name", "某小吃店"))”无营业执照经营"
        case "B0202": body = "\(place)“\(text("business_name", "某餐饮店"))”后厨卫生差，发现过期食品"
        case "B03": body = "\(place)交通设施存在安全隐患"
        case "B0301": body = "\(place)机动车\(attributes["plate_number"]?.stringValue.map { "（\($0)）" } ?? "")违规停放在人行道上，影响通行"
        case "B0302": body = "\(place)路面破损坑洼，面积约\(number("damage_area_m2", dice.int(2...15)))平方米"
        case "B0303": body = "\(place)交通护栏被撞损坏约\(dice.int(3...30))米"
        case "B0304": body = "\(place)路口交通信号灯不亮，车辆通行混乱"
        case "B04": body = "\(place)\(dice.pick(["乱堆乱放", "沿街晾晒", "店外经营", "绿地毁损"]))，影响市容"
        case "B0401":
            body = dice.chance(0.5)
                ? "\(place)暴露垃圾堆放，约\(number("area_m2", dice.int(1...8)))平方米，未及时清运"
                : "\(place)生活垃圾满溢，散落地面，约\(dice.int(1...3))立方米"
        case "B0402": body = "\(place)有\(number("stall_count", dice.int(2...8)))个流动摊贩占道经营，影响行人通行"
        case "B0403": body = "\(place)有住户在屋顶违章搭建\(text("structure", "彩钢板"))结构房屋，面积约\(number("area_m2", 30))平方米"
        case "B0404": body = "\(place)墙面、电杆张贴小广告\(dice.int(5...40))处"
        case "B0405": body = "\(place)\(text("manhole_type", "雨水"))井盖缺失，已设置临时警示"
        case "B0406": body = "\(place)路灯不亮\(attributes["lamp_number"]?.stringValue.map { "（灯杆编号\($0)）" } ?? "")，夜间出行不便"
        case "B0407": body = "\(place)分类垃圾桶破损\(dice.int(1...4))个，需更换"
        case "B0408": body = "\(place)渣土车运输撒漏，路面约\(dice.int(10...200))米污染"
        case "B05": body = "\(place)\(dice.pick(["商铺超量存放易燃物", "楼道安全出口指示灯损坏"]))"
        case "B0501": body = "\(place)消防通道被\(text("blocked_by", "车辆"))堵塞"
        case "B0502": body = "\(place)居民楼私拉电线\(attributes["ebike_charging"]?.boolValue == true ? "为电动车充电" : "，存在触电隐患")"
        case "B0503": body = "\(place)楼道消火栓箱损坏，灭火器过期"
        case "B0504": body = "\(place)餐饮店液化气钢瓶存放不规范，存在泄漏风险"
        case "B0505": body = "\(place)某仓库违规存放油漆、稀释剂等危化品"
        case "B06": body = "\(place)\(dice.pick(["河道漂浮物较多", "裸土未覆盖扬尘"]))"
        case "B0601": body = "\(place)某企业违规排放\(text("pollutant", "污水"))"
        case "B0602": body = "\(place)餐饮店油烟直排，周边居民反映强烈"
        case "B0603":
            let night = attributes["at_night"]?.boolValue == true ? "，夜间持续" : ""
            body = "\(place)\(text("noise_source", "商业经营"))噪声扰民\(night)"
        case "B07": body = "\(place)\(dice.pick(["雨水口堵塞", "供水管道漏水"]))"
        case "B0701": body = "\(place)下水道堵塞，污水外溢"
        case "B0702": body = "\(place)在建工地围挡破损，存在高空坠物风险"
        case "B0703": body = "\(place)老旧房屋墙体开裂，存在倒塌风险"
        case "B08": body = "\(place)育龄群众咨询生育登记及奖励扶助政策"
        case "B09": body = "\(place)实有人口信息变动，需核实登记"
        case "B0901": body = "\(text("room_address", place))群租，居住约\(number("occupants", 10))人，存在消防隐患"
        case "B0902": body = "\(text("room_address", place))出租房屋未登记，居住\(number("occupants", 2))人"
        case "B10": body = "\(place)校园周边存在安全隐患"
        case "B1001": body = "\(place)学校门口上下学时段车辆乱停、摊贩聚集"
        case "B11": body = "\(place)群众反映惠民项目推进缓慢"
        case "C01": body = "\(place)一户困难家庭（\(number("household_size", 3))人）申请临时救助"
        case "C02": body = "\(place)独居老人身体不适，需上门关怀"
        case "C03": body = "\(place)残疾人家庭申请辅助器具适配"
        case "C04": body = "\(place)居民咨询\(dice.pick(["医保缴费", "养老保险", "低保申请", "老旧小区改造", "子女入学"]))政策"
        default: body = "\(place)\(type.name)"
        }
        switch channel {
        case .hotline: return "12345热线转办：市民反映" + body
        case .video: return "视频巡查发现：" + body
        case .department: return "部门巡查发现：" + body
        case .resident, .gridWorker: return body
        }
    }

    // MARK: Steps

    static let rejectReasons = [
        "经核实，现场未发现所述问题", "重复上报，同一问题已有事件在办", "不属于网格事项准入范围，已告知当事人通过其他渠道反映",
        "上报信息不完整，无法核实具体位置",
    ]
    static let checkNotes = ["请网格员到现场核实情况", "请核实事件是否属实"]
    static let checkTrue = ["经现场核实，情况属实", "已核实，情况属实"]
    static let checkFalse = ["经现场核实，情况不属实", "现场核实未发现该问题"]
    static let escalateToStreet = [
        "超出社区处置能力，请街道协调处置", "涉及多个部门，需街道统筹", "需职能部门执法，提请街道派遣",
    ]
    static let escalateToDistrict = ["涉及跨街道事项，提请区指挥中心协调", "需区级部门处置，提请区指挥中心派遣"]
    static let dispatchNotes = ["请于时限内处置并反馈", "请尽快到场核查处置", ""]
    static let returnReasons = ["该事项不属于本单位职责范围，请重新派遣", "经研判应由其他部门主办，予以退回"]
    static let extensionReasons = [
        "需协调多个产权单位，申请延期", "需采购材料维修，申请延期", "当事人暂时无法联系，申请延期", "需等待天气条件允许施工，申请延期",
    ]
    static let voidReasons = ["经核实，问题已由当事人自行整改", "与已立案事件重复，申请作废"]
    static let parkReasons = ["需纳入年度改造计划统一实施，暂无法解决", "涉及历史遗留问题，需专题研究"]
    static let resumeNotes = ["改造计划已下达，恢复办理", "专题会议已明确处置方案，恢复办理"]
    static let denyReasons = ["理由不充分，请按时办结", "请继续办理"]
    static let urgeNotes = ["已超期，请尽快处置", "请加快办理进度并及时反馈"]
    static let superviseNotes = ["列入区级督办，请限期办结并报告", "超期未办结，予以督办"]
    static let reworkNotes = ["现场复查问题仍未彻底解决，请重新处置", "复查发现问题反弹，请重新处置"]
    static let verifyNotes = ["", "现场复查，问题已解决"]
    static let closeNotes = ["", "处置完毕，核查通过，同意结案"]

    /// The handler's feedback (处置反馈) for an item.
    static func feedback(for type: EventType, dice: inout DemoDice) -> String {
        if type.isPolice { return "民警已到场处置，现场秩序恢复正常" }
        if type.riskKind?.category == .dispute {
            return dice.pick(["已组织双方调解，达成一致意见，矛盾已化解", "已约谈双方当事人，签订调解协议"])
        }
        switch type.code {
        case "B04", "B0401", "B0407", "B0408": return dice.pick(["已通知环卫作业单位清运，现场已清理干净", "已安排保洁人员清理完毕"])
        case "B0402": return "执法队员到场劝离摊贩，现场已恢复通行"
        case "B0403": return "已下达限期拆除通知书，违章建筑已拆除"
        case "B0404": return "已组织人员清除小广告"
        case "B0405": return "已更换新井盖，恢复通行"
        case "B0406": return "已安排维修人员更换灯具，路灯恢复正常"
        case "B0301": return "已通知车主挪车，并对违停行为进行教育"
        case "B03", "B0302", "B0303", "B0304": return "已组织养护单位修复完毕"
        case "B0701": return "已安排疏通，排水恢复正常"
        case "B09", "B0901", "B0902": return "已完成租住登记，并对房东进行宣传教育"
        default: break
        }
        switch type.riskKind {
        case .fireSafety: return "已督促整改，隐患已消除"
        case .environment: return "已对经营者进行约谈，责令整改到位"
        case .foodDrugMarket: return "已依法查处，责令停业整改"
        case .constructionWater: return "已督促责任单位设置警示并整改到位"
        default: break
        }
        return type.eventClass == .service ? "已上门走访，落实帮扶和答复措施" : "已处置完毕"
    }

    /// A resident's name as screens show reporters from the public.
    static func resident(dice: inout DemoDice) -> String {
        dice.pick(DemoNames.surnames) + dice.pick(["先生", "女士"])
    }
}
