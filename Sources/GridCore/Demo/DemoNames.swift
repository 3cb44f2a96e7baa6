import Foundation

/// Plausible Chinese names and mobile numbers for demo staff, deterministic for a generator.
public enum DemoNames {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
    static let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国建华志强志明海燕晓东晓红春梅雪梅丹蕾琳婷浩宇子涵欣怡思远").map(String.init)

    public static func person(_ generator: inout SeededGenerator) -> String {
        let surname = surnames[Int(generator.next() % UInt64(surnames.count))]
        let first = given[Int(generator.next() % UInt64(given.count))]
        let second = generator.next() % 2 == 0 ? given[Int(generator.next() % UInt64(given.count))] : ""
        return surname + first + second
    }

    /// A mainland mobile number (passes `MobileNumber`).
    public static func phone(_ generator: inout SeededGenerator) -> String {
        let prefixes = ["135", "136", "138", "139", "150", "158", "177", "180", "187", "199"]
        let prefix = prefixes[Int(generator.next() % UInt64(prefixes.count))]
        return prefix + String(format: "%08d", Int(generator.next() % 100_000_000))
    }
}
