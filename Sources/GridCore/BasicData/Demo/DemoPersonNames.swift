/// Names for the demo population: sex-specific given names, foreign names, and the words demo
/// roads, compounds and organisations are named with. Surnames come from `DemoNames`.
enum DemoPersonNames {
    static let maleGiven = (
        "伟 强 磊 军 洋 勇 杰 涛 明 超 刚 平 辉 鹏 华 飞 鑫 波 斌 宇 浩 凯 健 俊 帆 旭 宁 龙 林 峰 毅 成 亮 "
            + "建国 建华 志强 志明 晓东 国强 海涛 文杰 子轩 浩然 宇轩 俊杰 一鸣 天佑 子豪 博文 明轩 家豪 德明 永福"
    ).split(separator: " ").map(String.init)

    static let femaleGiven = (
        "芳 娜 敏 静 丽 艳 娟 霞 玲 燕 婷 雪 琳 倩 颖 洁 慧 莉 萍 红 丹 蕾 英 梅 "
            + "秀英 桂英 秀兰 玉兰 春梅 雪梅 晓红 海燕 淑芬 丽华 欣怡 子涵 梓涵 雨桐 诗琪 可欣 思雨 佳怡 雨欣 若曦"
    ).split(separator: " ").map(String.init)

    static let foreign = [
        "约翰·史密斯", "玛丽亚·加西亚", "金敏俊", "朴智恩", "佐藤健", "铃木美咲", "阮文雄", "安娜·伊万诺娃",
        "大卫·布朗", "穆罕默德·阿里", "索菲亚·米勒", "卢卡斯·马丁", "颂猜·本", "艾米丽·琼斯",
    ]

    static let roadSuffixes = ["路", "街", "巷", "大道", "东路", "西路", "南路", "北路", "中路", "南街", "北街"]
    static let compoundSuffixes = ["小区", "花园", "苑", "家园", "新村", "雅居", "公寓"]
    static let trades = ["科技", "商贸", "建筑工程", "食品", "物流", "餐饮管理", "农业开发", "电子", "家具", "调味品", "文化传媒", "印务", "机械", "环保科技"]
    static let shops = ["面馆", "小吃店", "超市", "便利店", "理发店", "五金店", "水果店", "大药房", "茶馆", "火锅店", "快递驿站", "农资店", "干洗店", "烟酒店", "冒菜馆"]
    static let crops = ["蔬菜种植", "苗木", "大蒜", "蜀绣", "花卉", "水产养殖", "豆瓣"]

    static func given(_ sex: ResidentID.Sex, _ random: inout SeededGenerator) -> String {
        random.pick(sex == .male ? maleGiven : femaleGiven)
    }

    static func surname(_ random: inout SeededGenerator) -> String {
        random.pick(DemoNames.surnames)
    }

    static func person(_ sex: ResidentID.Sex, surname: String? = nil, _ random: inout SeededGenerator) -> String {
        (surname ?? self.surname(&random)) + given(sex, &random)
    }

    static func stem(_ random: inout SeededGenerator) -> String {
        random.pick(DemoHierarchy.stems)
    }
}
