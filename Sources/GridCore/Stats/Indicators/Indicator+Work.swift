extension Indicator {
    /// The grid workers' work besides events (domain.md §5, §7): patrols, household visits and the
    /// basic-data register. Flows come from the indicator tables like the events' figures; the
    /// completeness of the register is a stock read from it at the moment.
    public static let work: [Indicator] = [
        Indicator(
            id: "patrol_hours", name: LocalizedText(zh: "巡查时长", en: "Patrol hours"),
            definition: LocalizedText(
                zh: "统计期内已结束巡查的时长之和（小时），跨零点的巡查按各日实际时长分别计入；未结束的巡查结束后才计入",
                en: "Hours of ended patrols within the period, a patrol past midnight counted on each day for the time patrolled that day; an open patrol counts once it ends"),
            kind: .amount(.patrolSeconds, scale: 1.0 / 3600), unit: LocalizedText(zh: "小时", en: "h")),
        Indicator(
            id: "visits", name: LocalizedText(zh: "走访次数", en: "Visits made"),
            definition: LocalizedText(
                zh: "统计期内记录的入户走访次数（按走访日），同一户多次走访各计一次",
                en: "Household visits recorded in the period (by visit day), each visit counted"),
            kind: .count(.visits), unit: nil),
        Indicator(
            id: "visits_due", name: LocalizedText(zh: "应走访次数", en: "Visits due"),
            definition: LocalizedText(
                zh: "走访期截止日落在统计期内的应走访次数：关爱对象户每月 1 次（以当月 1 日在册为准），其他户每季度 2 次（以当季首日在册为准，计入季末月）；网格员按其所在网格计",
                en: "Visits owed in windows ending in the period: once a month for a household with a member in a monthly care group (registered on the month's first day), twice a quarter for every other household (registered on the quarter's first day, counted in its last month); a worker owes their grid's"),
            kind: .count(.visitsDue), unit: nil),
        Indicator(
            id: "visit_rate", name: LocalizedText(zh: "走访完成率", en: "Visits done vs due"),
            definition: LocalizedText(
                zh: "已完成应走访 ÷ 应走访次数：每户在其走访期内的前 1 次（关爱户，每月）或前 2 次（其他户，每季）走访计为完成，按走访期截止日计",
                en: "Visits that settle an obligation ÷ visits due: a household's first visit in the month (care households) or first two in the quarter (others), dated by the window's last day"),
            kind: .rate(.visitsCounted, over: .visitsDue), unit: nil),
        Indicator(
            id: "records_collected", name: LocalizedText(zh: "采集记录数", en: "Records collected"),
            definition: LocalizedText(
                zh: "统计期内经平台新录入的基础数据记录数（实有人口、房屋、单位；批量导入或审核通过的自主申报新增人员），按录入日计入记录所在网格及录入的网格员",
                en: "Basic-data records (residents, rooms, organisations) entered through the platform in the period — imported, or added by a reviewed self-declaration — by the day entered, in the record's grid and for the worker who entered them"),
            kind: .count(.recordsCollected), unit: nil),
        Indicator(
            id: "completeness", name: LocalizedText(zh: "基础数据完整率", en: "Basic-data completeness"),
            definition: LocalizedText(
                zh: "当前完整记录数 ÷ 当前记录数（现住人口、房屋、单位），必填项缺一即不完整（与数据质量报告同一规则）；为时点数，不随统计期变化；网格员按其所在网格计",
                en: "Complete records ÷ current records (residents living here now, rooms, organisations), a record missing any required field being incomplete (the data-quality report's rule); a figure of the moment, not of the period; a worker has their grid's"),
            kind: .rate(.completeRecords, over: .records), unit: nil),
    ]
}
