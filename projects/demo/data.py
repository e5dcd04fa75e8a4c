"""The figures and names of the demo boards, from the seed report of the Fuzhou summit."""

from projects.models import Challenge, Claim, Project, Status

PROJECTS_COLLECTED = 53
FUZHOU_JINAN = ("福建省", "福州市", "晋安区")
# Landings recorded down to the town (乡镇/街道) and village (村/社区).
JINAN_HUANXI = (*FUZHOU_JINAN, "宦溪镇", "降虎村")
JINAN_SHOUSHAN = (*FUZHOU_JINAN, "寿山乡", "寿山村")

# The seven highlighted projects: title, expert or poster organisation, claimant
# organisation, fields, status, (province, city, county[, town, village]) of the landing,
# intended investment.
NAMED_PROJECTS = [
    (
        "闸泵站健康状态分析和故障智能诊断技术研发",
        "左明健",
        "四创科技有限公司",
        ["water_conservancy", "artificial_intelligence"],
        Status.LANDED,
        JINAN_HUANXI,
        30_000_000,
    ),
    (
        "“一带一路”梦想驱动成功",
        "福州阿拉丁进出口有限公司",
        "德艺文化创意集团股份有限公司",
        ["cross_border_ecommerce", "cultural_creative"],
        Status.LANDED,
        JINAN_SHOUSHAN,
        12_000_000,
    ),
    (
        "多元信息水域监管系统关键技术及应用",
        "陈思恩",
        "福州柏云信息科技有限公司",
        ["marine_economy", "digital_economy"],
        Status.IN_PROGRESS,
        FUZHOU_JINAN,
        8_000_000,
    ),
    (
        "AI 机器学习模型的应用",
        "王浩",
        "福州柏云信息科技有限公司",
        ["artificial_intelligence", "digital_economy"],
        Status.CLAIMED,
        FUZHOU_JINAN,
        5_000_000,
    ),
    (
        "再生医学中心的建立",
        "齐忠权",
        "福建省妇幼保健院",
        ["medical_care", "biomedicine"],
        Status.LANDED,
        ("福建省", "福州市", "鼓楼区"),
        50_000_000,
    ),
    (
        "吉尔吉斯边境无人机防御系统的推广应用",
        "李晓刚",
        "韦兴有限公司",
        ["unmanned_aerial_vehicle"],
        Status.IN_PROGRESS,
        FUZHOU_JINAN,
        20_000_000,
    ),
    (
        "铝合金绿色制备及数智技术",
        "柯东杰",
        "哈尔滨工业大学",
        ["new_materials", "smart_manufacturing"],
        Status.SOLVED,
        FUZHOU_JINAN,
        40_000_000,
    ),
]

# Generated projects: suffixes appended to an expert's research field.
PROJECT_KINDS = [
    ("产业化项目", Project.Stage.MATURE),
    ("中试平台建设", Project.Stage.PROTOTYPE),
    ("关键技术攻关与成果转化", Project.Stage.PROTOTYPE),
    ("创新团队孵化", Project.Stage.IDEA),
]
# Status of generated projects, cycled: most on the board, some under review or earlier.
PROJECT_STATUSES = [Status.PUBLISHED] * 4 + [
    Status.SUBMITTED,
    Status.DRAFT,
    Status.CLAIMED,
    Status.CLOSED,
]

P = Challenge.ProblemKind
# An enterprise's demand, by its first field: (problem, kind, required expertise).
DEMANDS = {
    "water_conservancy": [
        ("泵站设备故障预警算法优化", P.BOTTLENECK, "故障诊断、机器学习"),
        ("城市供水管网漏损智能监测", P.BOTTLENECK, "智慧水务、传感器"),
    ],
    "artificial_intelligence": [
        ("AI 质检模型小样本训练", P.BOTTLENECK, "机器学习、计算机视觉"),
        ("大模型在客服场景的私有化部署", P.BOTTLENECK, "大模型、自然语言处理"),
    ],
    "cultural_creative": [
        ("文创产品海外品牌建设", P.STARTUP, "品牌营销、跨境电商"),
        ("寿山石文创数字化设计", P.STARTUP, "工业设计、三维建模"),
        ("鼓岭文旅夜游项目策划", P.MANAGEMENT, "文旅策划"),
    ],
    "cross_border_ecommerce": [
        ("跨境电商东南亚物流降本", P.MANAGEMENT, "供应链管理"),
        ("“一带一路”新市场合规出海", P.MANAGEMENT, "国际贸易、合规"),
    ],
    "digital_economy": [
        ("中小企业数字化转型方案", P.STARTUP, "工业互联网、数字孪生"),
        ("海洋大数据平台建设", P.BOTTLENECK, "大数据、云计算"),
        ("台青创业孵化平台数字化运营", P.MANAGEMENT, "平台运营"),
        ("数字孪生城市建模精度提升", P.BOTTLENECK, "数字孪生、GIS"),
    ],
    "medical_care": [
        ("基层医疗骨干培养体系", P.MANAGEMENT, "临床医学、医院管理"),
        ("社区康养服务标准化", P.MANAGEMENT, "康养管理"),
    ],
    "biomedicine": [
        ("抗体药物中试放大", P.BOTTLENECK, "生物制药工艺"),
        ("再生医学临床转化平台", P.BOTTLENECK, "再生医学"),
    ],
    "unmanned_aerial_vehicle": [
        ("无人机反制系统国产化", P.BOTTLENECK, "无线电、飞控"),
        ("边境无人机巡检续航提升", P.BOTTLENECK, "电池、飞控"),
    ],
    "marine_economy": [("深远海养殖网箱抗风浪设计", P.BOTTLENECK, "海洋工程")],
    "smart_manufacturing": [("产线视觉检测良率提升", P.BOTTLENECK, "机器视觉、工业机器人")],
    "new_materials": [
        ("高强铝合金型材热处理工艺", P.BOTTLENECK, "材料科学、热处理"),
        ("锂电正极材料一致性提升", P.BOTTLENECK, "电化学、材料"),
        ("光电薄膜材料国产化", P.BOTTLENECK, "光电材料"),
    ],
    "virtual_reality": [("VR 文旅沉浸式内容制作", P.STARTUP, "虚拟现实、交互设计")],
    "marine_equipment": [("渔船智能化改造", P.BOTTLENECK, "船舶电子、物联网")],
    "precision_instrument": [("光电检测设备国产替代", P.BOTTLENECK, "精密测量、光学")],
    "rural_revitalization": [("生态茶品牌与电商运营", P.STARTUP, "农产品电商")],
    "new_energy": [
        ("储能电池管理系统安全性", P.BOTTLENECK, "电池管理、电力电子"),
        ("锂电配套企业扩产规划", P.MANAGEMENT, "产业规划"),
    ],
    "smart_home_appliance": [("家电语音交互中文识别率", P.BOTTLENECK, "语音识别")],
    "fine_chemicals": [("精细化工安全生产在线监测", P.BOTTLENECK, "化工安全、传感器")],
    "food_processing": [("大蒜深加工与冷链物流", P.STARTUP, "食品工程、冷链")],
}
DEMAND_STATUSES = [Status.PUBLISHED] * 3 + [
    Status.CLAIMED,
    Status.SUBMITTED,
    Status.IN_PROGRESS,
    Status.DRAFT,
]
# Claims on demands, cycled over the claimant experts: statuses in every state.
CLAIM_STATUSES = [Claim.Status.SUBMITTED, Claim.Status.DECLINED, Claim.Status.WITHDRAWN]
CLAIMANT_EXPERTS = ["左明健", "陈思恩", "胡晓惠", "柯东杰", "刘建华", "周立德", "罗振宇", "方俊"]
PROPOSAL = {
    "approach": "组建联合攻关团队，先做现场调研与数据采集，再分阶段研发、试点和推广。",
    "timeline": "3 个月完成方案与原型，12 个月完成试点应用",
    "team": "专家本人牵头，2 名博士、4 名工程师",
    "expected_result": "形成可落地的技术方案和示范工程，关键指标达到行业领先水平。",
}
# Statuses that have been through review, and the ones that have an accepted claim.
REVIEWED = (
    Status.PUBLISHED,
    Status.CLAIMED,
    Status.IN_PROGRESS,
    Status.SOLVED,
    Status.LANDED,
    Status.CLOSED,
)
TAKEN = (Status.CLAIMED, Status.IN_PROGRESS, Status.SOLVED, Status.LANDED)
