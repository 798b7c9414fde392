"""The Chinese tables the sample data is drawn from: the organisation and its stores,
names, donors and employers, goods by category, and the kinds of activity."""

from __future__ import annotations

from dataclasses import dataclass

from models.organisation import SetupRequest, StoreSpec

# Seconds, for the epoch-second arithmetic everywhere in the generator.
DAY = 86_400
HOUR = 3_600
DEMO_STAFF = "demo"  # who the demo's own records name

DEMO_SETUP = SetupRequest(
    name="绿芽公益服务中心",
    code="GREEN",
    stores=(
        StoreSpec("S01", "静安旗舰店", "上海市静安区余姚路 128 号"),
        StoreSpec("S02", "徐汇店", "上海市徐汇区天钥桥路 56 号"),
        StoreSpec("S03", "浦东店", "上海市浦东新区崂山路 301 号"),
        StoreSpec("S04", "杨浦社区店", "上海市杨浦区国权路 77 号"),
    ),
    rate_fen_per_hour=100_00,
    time_zone="Asia/Shanghai",
    staff_name="王老师",
)
DEMO_STORE_STAFF = ("李静", "陈晓峰", "赵敏", "孙丽娟")

# Common surnames, most common first, and given-name characters, each with its
# pinyin initial at the same position (for name_initials: 张三 -> ZS).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙"
)
SURNAME_INITIALS = (
    "WLZLCYHZWZXSMZHGHGLLZLXSTXHFDCPZXTDYPYJCYDYCSWLDRSYLJCZTLWFJSLJXWFFBZMXQQJYXDLHL"
)
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚华玉萍红建文辉宇浩欣怡婷雪琳晨阳佳思子"
    "梓涵轩博睿泽瑞晓慧颖倩鹏飞俊凯志国海雨嘉一诗若安欢乐宁蕾薇璐楠琪昊天然可心悦彤帆"
)
GIVEN_INITIALS = "WFNMJLQLJYYYJJTMCXXPGHYPHJWHYHXYTXLCYJSZZHXBRZRXHYQPFJKZGHYJYSRAHLNLWLNQHTRKXYTF"
SURNAME_WEIGHTS = tuple(1.0 / (1 + i / 8) for i in range(len(SURNAMES)))
MOBILE_PREFIXES = tuple(
    str(n) for n in (*range(130, 140), *range(150, 160), 166, *range(170, 179), *range(180, 190))
)

CORPORATE_DONORS = (
    ("星辰科技有限公司", "上海市浦东新区张江路 88 号"),
    ("云栖数据科技有限公司", "上海市徐汇区漕河泾开发区"),
    ("恒远物流集团有限公司", "上海市宝山区蕰川路 1200 号"),
    ("瑞丰保险上海分公司", "上海市黄浦区南京东路 99 号"),
    ("启明软件技术有限公司", "上海市闵行区紫竹科学园区"),
    ("蓝海咨询有限公司", "上海市静安区南京西路 1266 号"),
    ("新程汽车零部件有限公司", "上海市嘉定区安亭镇"),
    ("华章文化传媒有限公司", "上海市长宁区愚园路 546 号"),
    ("绿野服饰有限公司", "上海市松江区九亭镇"),
    ("优品家居用品有限公司", "上海市普陀区真北路 3000 号"),
    ("童趣玩具有限公司", "上海市青浦区赵巷镇"),
    ("申城电子商务有限公司", "上海市杨浦区政立路 485 号"),
)
# Employers in the corporate volunteering programme.
PROGRAMME_EMPLOYERS = (
    "星辰科技有限公司",
    "云栖数据科技有限公司",
    "瑞丰保险上海分公司",
    "启明软件技术有限公司",
    "蓝海咨询有限公司",
    "恒远物流集团有限公司",
)
OTHER_EMPLOYERS = ("复旦大学", "同济大学", "社区居民", "自由职业", "退休")
SKILLS = ("搬运", "分拣", "收银", "陈列", "摄影", "讲故事", "英语", "手工", "财务", "电脑维修")
CONSENT_NOTES = ("纸质同意书已存档", "线上报名时勾选同意", "企业志愿项目统一签署")

CLOTHING_SIZES = ("S码", "M码", "L码", "XL码")
KIDS_SIZES = ("90cm", "110cm", "130cm", "150cm")
SHOE_SIZES = ("36码", "37码", "38码", "39码", "40码", "41码", "42码", "43码")
COLOURS = ("", "", "黑色", "灰色", "藏青色", "米白色", "红色", "卡其色", "浅蓝色")

# Leaf category -> (nouns, sizes, typical value in fen of a grade-A piece).
CATEGORY_GOODS: dict[str, tuple[tuple[str, ...], tuple[str, ...], int]] = {
    "上衣": (
        ("羊毛开衫", "纯棉T恤", "格子衬衫", "针织毛衣", "卫衣", "雪纺衬衫"),
        CLOTHING_SIZES,
        3500,
    ),
    "裤装": (("牛仔裤", "休闲裤", "运动裤", "西裤", "阔腿裤"), CLOTHING_SIZES, 3500),
    "裙装": (("连衣裙", "半身裙", "百褶裙", "针织裙"), CLOTHING_SIZES, 4500),
    "外套": (
        ("羽绒服", "风衣", "呢子大衣", "牛仔外套", "冲锋衣", "西装外套"),
        CLOTHING_SIZES,
        9000,
    ),
    "童装": (("儿童卫衣", "婴儿连体衣", "儿童羽绒服", "校服外套", "儿童T恤"), KIDS_SIZES, 2500),
    "其他服装": (("睡衣套装", "运动服套装", "旗袍", "汉服"), CLOTHING_SIZES, 4000),
    "鞋": (("运动鞋", "皮鞋", "帆布鞋", "短靴", "凉鞋"), SHOE_SIZES, 5000),
    "包": (("双肩包", "手提包", "帆布袋", "钱包", "拉杆行李箱"), (), 6000),
    "帽子围巾": (("羊绒围巾", "毛线帽", "遮阳帽", "棒球帽"), (), 2500),
    "首饰配饰": (("手链", "项链", "胸针", "发饰", "石英手表"), (), 3000),
    "儿童图书": (("儿童绘本 10本", "儿童绘本 5本", "少儿百科全书", "拼音故事书 3本"), (), 2000),
    "文学": (("长篇小说", "散文集", "诗歌选集", "名著 精装"), (), 1500),
    "教材教辅": (("高中数学教辅", "英语词汇书", "考研资料 一套", "小学语文练习册"), (), 800),
    "其他图书": (("家常菜谱", "旅游指南", "摄影画册", "历史读物"), (), 1500),
    "音像制品": (("音乐CD", "电影DVD", "黑胶唱片", "英语听力光盘"), (), 1200),
    "厨具餐具": (("不锈钢炒锅", "陶瓷餐具套装", "玻璃杯 6只", "保温杯"), (), 3500),
    "床品布艺": (("纯棉四件套", "羊毛毯", "抱枕 一对", "窗帘 一幅", "桌布"), (), 4500),
    "装饰摆件": (("陶瓷花瓶", "相框", "木雕摆件", "台灯", "装饰挂画"), (), 3500),
    "收纳": (("收纳箱", "置物架", "衣架 10个", "收纳篮"), (), 1800),
    "小家电": (("电水壶", "吹风机", "榨汁机", "电风扇", "电熨斗"), (), 9000),
    "手机电脑": (("旧款智能手机", "平板电脑", "笔记本电脑", "无线键盘鼠标"), (), 40000),
    "其他数码": (("蓝牙音箱", "数码相机", "头戴耳机", "移动电源"), (), 7000),
    "玩具": (("积木 一盒", "毛绒玩具", "拼图 500片", "遥控车", "过家家玩具套装"), (), 2500),
    "文具": (("彩色铅笔 36色", "笔记本 5本", "书包", "文具套装"), (), 1200),
    "体育用品": (("羽毛球拍 一对", "篮球", "瑜伽垫", "乒乓球拍"), (), 3500),
    "婴儿用品": (("奶瓶", "婴儿背带", "婴儿床铃", "辅食碗套装"), (), 3000),
    "童车座椅": (("婴儿推车", "儿童安全座椅", "儿童自行车", "学步车"), (), 18000),
    "其他": (("手工艺品", "口琴", "长柄雨伞", "杂项小物"), (), 1200),
}
# How often a personal donation holds something of a top-level category.
TOP_WEIGHTS = {
    "服装": 6.0,
    "鞋包配饰": 2.0,
    "图书音像": 3.0,
    "家居用品": 2.0,
    "电器数码": 0.8,
    "玩具文具": 1.5,
    "母婴用品": 1.0,
}
# What companies tend to give in bulk.
CORPORATE_LEAVES = ("上衣", "童装", "儿童图书", "文具", "玩具", "外套", "其他图书", "厨具餐具")
GRADE_FACTOR = {"A": 1.0, "B": 0.65, "C": 0.35, "X": 0.05}
PERSONAL_GRADES = (("A", 0.2), ("B", 0.42), ("C", 0.25), ("X", 0.13))
CORPORATE_GRADES = (("A", 0.5), ("B", 0.33), ("C", 0.12), ("X", 0.05))
# Chance that a shelved item of a grade sells, and the mean days it takes.
SELL_CHANCE = {"A": 0.9, "B": 0.8, "C": 0.6}
SELL_MEAN_SECONDS = {"A": 12 * DAY, "B": 20 * DAY, "C": 30 * DAY}
PASSED_ON_TO = ("社区困难家庭", "山区小学", "敬老院", "外来务工人员子女学校", "流浪动物救助站")
RECYCLE_NOTES = ("纺织品回收", "纸类回收", "电子废弃物回收")
DISCARD_NOTES = ("严重破损", "霉变污渍", "缺件无法使用")


@dataclass(frozen=True)
class Template:
    title: str
    kind: str
    at_store: bool
    minutes: int
    capacity: tuple[int, int]
    beneficiaries: str
    work_done: str
    outcome: str  # {n}: people served


ACTIVITY_TEMPLATES = (
    Template(
        "社区旧衣分拣日",
        "分拣",
        True,
        240,
        (15, 30),
        "门店及受助家庭",
        "分拣捐赠衣物并按品类、等级装箱",
        "完成约 {n} 件衣物分拣，可售衣物已上架",
    ),
    Template(
        "周末义卖",
        "义卖",
        True,
        300,
        (8, 16),
        "社区居民",
        "协助收银、陈列和顾客咨询",
        "义卖收入用于社区助学项目，接待顾客约 {n} 人次",
    ),
    Template(
        "儿童阅读陪伴",
        "阅读陪伴",
        False,
        120,
        (10, 20),
        "社区儿童",
        "为孩子们讲绘本故事并带领手工活动",
        "陪伴 {n} 名儿童阅读，发放捐赠图书",
    ),
    Template(
        "门店陈列整理",
        "门店服务",
        True,
        180,
        (6, 12),
        "门店顾客",
        "整理货架、更换季节陈列、清点库存",
        "整理货架并完成换季陈列，服务顾客约 {n} 人次",
    ),
    Template(
        "旧衣回收环保宣传",
        "环保宣传",
        False,
        180,
        (10, 25),
        "社区居民",
        "在社区广场讲解旧衣回收和垃圾分类",
        "发放宣传资料，约 {n} 位居民参与互动",
    ),
    Template(
        "企业志愿者分拣专场",
        "分拣",
        True,
        240,
        (20, 40),
        "门店及受助学校",
        "企业员工集中分拣企业捐赠物资",
        "分拣打包物资，预计惠及 {n} 名山区学生",
    ),
    Template(
        "长者智能手机课堂",
        "社区服务",
        False,
        120,
        (8, 15),
        "社区老年人",
        "一对一教老人使用手机支付、挂号和视频通话",
        "{n} 位老人学会至少一项手机操作",
    ),
    Template(
        "图书整理与上架",
        "分拣",
        True,
        180,
        (8, 15),
        "门店读者",
        "按类别整理捐赠图书、贴标签并上架",
        "整理上架图书，服务读者约 {n} 人次",
    ),
)
OFFSITE_LOCATIONS = (
    "曹家渡街道社区图书室",
    "长风公园西门广场",
    "静安寺街道养老服务中心",
    "国权路社区活动中心",
)
PROGRAMME_TAGS = ("2026春季公益月", "企业志愿者日", "社区伙伴计划")
START_TIMES = ((9, 0), (9, 30), (13, 30), (14, 0))
PROBLEMS = (
    "部分志愿者迟到，签到时段排队较长",
    "扫码设备一度无法识别手机屏幕上的二维码，改用扫码枪",
    "物资较多，分拣场地偏小",
    "",
    "",
)
WAIVE_REASONS = ("活动因天气原因缩短，与项目办确认无需反馈", "内部培训活动，无需提交反馈")
SUPPLEMENTAL_REASONS = (
    "手机没电无法出示二维码，现场负责人确认全程参与",
    "签到设备故障，以纸质签到表为准",
    "提前到场布置场地，未扫码签到",
    "忘记签到，有活动照片为证",
)
UNKNOWN_PAYLOADS = ("WIFI:T:WPA;S:GREEN-GUEST;;", "HTTPS://U.WECHAT.COM/ABC123", "6901234567892")
