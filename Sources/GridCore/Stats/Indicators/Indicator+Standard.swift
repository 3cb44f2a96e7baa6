extension Indicator {
    /// The indicators the platform computes from events (domain.md §7), in display order.
    public static let events: [Indicator] = [
        Indicator(
            id: "reported", name: LocalizedText(zh: "上报数", en: "Reported"),
            definition: LocalizedText(zh: "统计期内上报的事件数（按上报日）", en: "Events reported in the period (by report day)"),
            kind: .count(.reported), unit: nil),
        Indicator(
            id: "valid", name: LocalizedText(zh: "有效上报数", en: "Valid reports"),
            definition: LocalizedText(
                zh: "统计期内上报、已立案（含立案后作废、就地解决）的事件数", en: "Reported in the period and taken up (accepted, voided after acceptance, or solved on the spot)"),
            kind: .count(.valid), unit: nil),
        Indicator(
            id: "valid_rate", name: LocalizedText(zh: "有效上报率", en: "Valid-report rate"),
            definition: LocalizedText(zh: "有效上报数 ÷ 上报数（立案 + 作废）/ 上报数", en: "Valid reports ÷ reported ((accepted + voided) ÷ reported)"),
            kind: .rate(.valid, over: .reported), unit: nil),
        Indicator(
            id: "rejected", name: LocalizedText(zh: "不予立案数", en: "Rejected"),
            definition: LocalizedText(zh: "统计期内上报、被认定无效、重复或不属受理范围的事件数", en: "Reported in the period and refused as invalid, duplicate or out of scope"),
            kind: .count(.rejected), unit: nil),
        Indicator(
            id: "flow_rate", name: LocalizedText(zh: "流转率", en: "Flow rate"),
            definition: LocalizedText(
                zh: "流出社区（上报街道或区、派遣部门）的有效事件 ÷ 有效上报数", en: "Valid events that left the community (escalated, or dispatched to a department) ÷ valid reports"),
            kind: .rate(.flowed, over: .valid), unit: nil),
        Indicator(
            id: "acceptance_hours", name: LocalizedText(zh: "平均受理时长", en: "Mean acceptance time"),
            definition: LocalizedText(zh: "从上报到立案或不予立案的平均小时数", en: "Mean hours from report to acceptance or refusal"),
            kind: .mean(.triageMinutes, over: .triaged, scale: 1.0 / 60), unit: LocalizedText(zh: "小时", en: "h")),
        Indicator(
            id: "due", name: LocalizedText(zh: "应结案数", en: "Due to close"),
            definition: LocalizedText(zh: "办理期限截止日落在统计期内的有效事件数（不含作废、合并）", en: "Valid events whose handling deadline fell in the period (voided and merged left out)"),
            kind: .count(.due), unit: nil),
        Indicator(
            id: "closure_rate", name: LocalizedText(zh: "结案率", en: "Closure rate"),
            definition: LocalizedText(zh: "结案数 ÷ 应结案数", en: "Closed ÷ due to close"),
            kind: .rate(.closed, over: .due), unit: nil),
        Indicator(
            id: "on_time_rate", name: LocalizedText(zh: "按期结案率", en: "On-time closure rate"),
            definition: LocalizedText(zh: "按期结案数（期限内处置并结案）÷ 应结案数", en: "Closed and handled before the deadline ÷ due to close"),
            kind: .rate(.closedOnTime, over: .due), unit: nil),
        Indicator(
            id: "rework_rate", name: LocalizedText(zh: "返工率", en: "Rework rate"),
            definition: LocalizedText(zh: "返工数（核查不通过次数）÷ 应结案数", en: "Failed verifications ÷ due to close"),
            kind: .rate(.rework, over: .due), unit: nil),
        Indicator(
            id: "return_rate", name: LocalizedText(zh: "退回率", en: "Return rate"),
            definition: LocalizedText(zh: "退回数 ÷ 派遣数（按上报日）", en: "Dispatches refused ÷ dispatches (by report day)"),
            kind: .rate(.returned, over: .dispatched), unit: nil),
        Indicator(
            id: "discovery_stars", name: LocalizedText(zh: "平均发现星级", en: "Mean discovery stars"),
            definition: LocalizedText(zh: "已评发现星级之和 ÷ 已评事件数", en: "Discovery stars ÷ events rated"),
            kind: .mean(.discoveryStars, over: .discoveryRated, scale: 1), unit: LocalizedText(zh: "星", en: "★")),
        Indicator(
            id: "disposal_stars", name: LocalizedText(zh: "平均处置星级", en: "Mean disposal stars"),
            definition: LocalizedText(zh: "已评处置星级之和 ÷ 已评事件数", en: "Disposal stars ÷ events rated"),
            kind: .mean(.disposalStars, over: .disposalRated, scale: 1), unit: LocalizedText(zh: "星", en: "★")),
        Indicator(
            id: "satisfaction_rate", name: LocalizedText(zh: "满意率", en: "Satisfaction"),
            definition: LocalizedText(zh: "比较满意与非常满意 ÷ 表达意见的事件数", en: "Fairly or very satisfied ÷ events with an opinion"),
            kind: .rate(.satisfied, over: .satisfactionRated), unit: nil),
        Indicator(
            id: "solved_on_spot", name: LocalizedText(zh: "就地解决数", en: "Solved on the spot"),
            definition: LocalizedText(zh: "统计期内上报时已就地解决的事件数", en: "Reported in the period as already solved on the spot"),
            kind: .count(.solvedOnSpot), unit: nil),
    ]
}
