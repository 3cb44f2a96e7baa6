/// GB/T 2260 county codes the demo's identity numbers are registered in (户籍地).
enum DemoRegions {
    /// 郫都区 (since 2016).
    static let pidu = 510_117
    /// 郫县, Pidu's code before it became a district in 2016: older residents' numbers keep it.
    static let piXian = 510_124

    /// Other counties of Chengdu (成都): people who moved their registration to Pidu.
    static let chengdu = [
        510_104, 510_105, 510_106, 510_107, 510_108, 510_112, 510_113, 510_114, 510_115, 510_116, 510_121, 510_129,
        510_131, 510_181, 510_182, 510_183, 510_184,
    ]

    /// Counties elsewhere in Sichuan (四川): most of Pidu's floating population.
    static let sichuan = [
        510_302, 510_402, 510_502, 510_521, 510_603, 510_681, 510_703, 510_781, 510_802, 510_903, 510_922, 511_002,
        511_025, 511_102, 511_123, 511_302, 511_321, 511_381, 511_402, 511_421, 511_502, 511_524, 511_602, 511_623,
        511_702, 511_722, 511_802, 511_902, 511_921, 512_002, 512_021, 513_221, 513_401, 513_425,
    ]

    /// Counties in other provinces: Chongqing, Yunnan, Guizhou, Shaanxi, Gansu, Hubei, Hunan, Henan…
    static let otherProvinces = [
        500_101, 500_103, 500_106, 500_222, 500_230, 530_102, 530_302, 520_102, 520_203, 610_113, 610_302, 620_102,
        420_106, 420_502, 430_102, 430_602, 410_105, 411_302, 340_104, 360_102, 450_102, 370_102, 130_102, 320_102,
        330_106, 440_106,
    ]
}
