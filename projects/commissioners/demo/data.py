"""The figures and names of the commissioners' demo, after the seed reports: Qingdao's
"项目吹哨、专员报到" with 568 commissioner services (seed 001) and the ministry's commissioners
from universities and institutes serving firms (seed 003). Names of people and firms are
invented; institutions and industry chains are Qingdao's."""

# ruff: noqa: E501  -- the data tables keep one record per line, however long

from datetime import date

from mentors.models import Organization

OFFICE = (
    "青岛市科技局",
    "山东省青岛市",
    "青岛市科学技术局：选派高校院所科技专员服务企业，“项目吹哨、专员报到”。",
)
MANAGER = ("kjj@demo.talentbridge.cn", "青岛市科技局 刘科长")
# The day the demo's year of service ends: every record lies before it.
SERVICE_YEAR_END = date(2026, 11, 27)
RECORDS = 568
WHISTLES = 40
DRAFTS = 25
ACKNOWLEDGE_HOURS, CLOSE_HOURS = 24, 120

QINGDAO = ("山东省", "青岛市")
COUNTIES = [
    "崂山区",
    "黄岛区",
    "城阳区",
    "李沧区",
    "市南区",
    "市北区",
    "即墨区",
    "胶州市",
    "平度市",
    "莱西市",
]

U, INST = "university", "institute"
# name, kind, county
INSTITUTIONS = [
    ("中国海洋大学", U, "崂山区"),
    ("青岛大学", U, "崂山区"),
    ("山东科技大学", U, "黄岛区"),
    ("青岛科技大学", U, "崂山区"),
    ("青岛理工大学", U, "黄岛区"),
    ("中国石油大学（华东）", U, "黄岛区"),
    ("青岛农业大学", U, "城阳区"),
    ("中国科学院青岛生物能源与过程研究所", INST, "崂山区"),
    ("中国科学院海洋研究所", INST, "市南区"),
    ("自然资源部第一海洋研究所", INST, "崂山区"),
    ("哈尔滨工程大学青岛创新发展基地", INST, "黄岛区"),
    ("山东省科学院海洋仪器仪表研究所", INST, "崂山区"),
]

# name, institution (index), title, fields, research fields
COMMISSIONERS = [
    ("于海涛", 0, "教授", ["marine_equipment", "marine_economy"], "海洋工程装备设计与水下机器人"),
    ("王秀兰", 0, "研究员", ["biomedicine", "marine_economy"], "海洋药物与海洋生物制品"),
    ("孙建国", 0, "副教授", ["food_processing", "marine_economy"], "水产品精深加工与保鲜"),
    ("刘晓燕", 1, "教授", ["smart_home_appliance", "artificial_intelligence"], "家电智能控制与人机交互"),
    ("张立伟", 1, "副教授", ["digital_economy", "artificial_intelligence"], "工业大数据与机器视觉质检"),
    ("李红梅", 1, "教授", ["biomedicine", "medical_care"], "医疗器械与生物材料"),
    ("赵志强", 2, "教授", ["smart_manufacturing", "precision_instrument"], "智能制造装备与工业机器人"),
    ("陈静", 2, "副教授", ["new_energy", "smart_manufacturing"], "矿山装备电动化与储能"),
    ("杨光", 2, "研究员", ["digital_economy"], "工业互联网平台与数字孪生"),
    ("周文斌", 3, "教授", ["new_materials", "fine_chemicals"], "高分子材料与橡胶轮胎工艺"),
    ("吴丽", 3, "副教授", ["fine_chemicals", "new_materials"], "精细化工过程强化"),
    ("徐明", 3, "教授", ["smart_home_appliance", "smart_manufacturing"], "家电结构件成型与模具"),
    ("孙磊", 4, "教授", ["smart_manufacturing", "new_materials"], "装配式建筑与智能建造"),
    ("马俊", 4, "副教授", ["precision_instrument", "digital_economy"], "传感器网络与状态监测"),
    ("朱海燕", 4, "讲师", ["new_energy"], "建筑光伏与能效管理"),
    ("胡斌", 5, "教授", ["new_energy", "fine_chemicals"], "油气装备与氢能储运"),
    ("郭丽娟", 5, "副教授", ["new_materials", "new_energy"], "碳材料与锂电池负极"),
    ("何伟", 5, "研究员", ["artificial_intelligence", "digital_economy"], "油气田智能运维算法"),
    ("高峰", 6, "教授", ["food_processing", "biomedicine"], "农产品加工与功能食品"),
    ("林晓", 6, "副教授", ["food_processing"], "食品安全快速检测"),
    ("罗成", 7, "研究员", ["new_energy", "biomedicine"], "生物基材料与合成生物学"),
    ("梁小红", 7, "副研究员", ["new_materials", "new_energy"], "固态电池与储能材料"),
    ("宋涛", 8, "研究员", ["marine_economy", "biomedicine"], "海水养殖病害防控"),
    ("郑雪", 8, "副研究员", ["marine_equipment", "precision_instrument"], "海洋观测浮标与传感器"),
    ("谢东", 9, "研究员", ["marine_economy", "marine_equipment"], "海洋环境监测与预报"),
    ("韩冰", 9, "副研究员", ["marine_economy", "digital_economy"], "海洋大数据与遥感"),
    ("唐宁", 10, "教授", ["marine_equipment", "smart_manufacturing"], "船舶动力与水下推进"),
    ("冯雷", 10, "副教授", ["unmanned_aerial_vehicle", "marine_equipment"], "无人艇与无人机协同"),
    ("董琳", 11, "研究员", ["precision_instrument", "marine_equipment"], "海洋仪器仪表计量与校准"),
    ("程亮", 11, "副研究员", ["precision_instrument", "artificial_intelligence"], "光电检测与智能仪表"),
]  # fmt: skip

# The industry chains of the firms: fields, name suffix, what such a firm does, and three
# (finding, action, demand title, expertise needed) of the kind a commissioner's visit turns up.
INDUSTRIES = [
    (["smart_home_appliance", "artificial_intelligence"], "智能家电科技有限公司", "智能家电整机与核心部件研发制造", [
        ("变频压缩机噪声超标，整机出口认证受阻", "带学生团队现场测试噪声频谱，提出减振方案", "变频压缩机低噪声设计", "声学仿真、振动控制"),
        ("语音交互模块识别率低，方言场景投诉多", "对接高校语音实验室，提供方言语料采集方案", "家电方言语音识别", "语音识别、边缘计算"),
        ("注塑件良品率低，模具寿命短", "分析模流数据，建议调整浇口与冷却水路", "家电注塑件模流优化", "模具设计、模流分析"),
    ]),
    (["marine_equipment", "marine_economy"], "海洋装备有限公司", "海洋工程装备与船舶配套", [
        ("深海锚链焊缝检测依赖人工，效率低", "演示超声相控阵检测，约定样件试验", "深海锚链焊缝智能检测", "无损检测、机器视觉"),
        ("水下机器人续航不足两小时", "评估电池与推进系统，建议能量管理策略", "水下机器人长续航动力", "电池管理、水下推进"),
        ("海工平台防腐涂层寿命短", "取样送实验室做盐雾试验", "海工平台长效防腐涂层", "腐蚀防护、涂层材料"),
    ]),
    (["smart_manufacturing", "digital_economy"], "智能装备制造有限公司", "智能制造装备与工业机器人集成", [
        ("产线换型时间长，多品种小批量订单难接", "梳理工序，建议快速换模与数字排产", "柔性产线快速换型", "工业工程、数字排产"),
        ("机器人焊接轨迹依赖示教，编程耗时", "介绍离线编程与视觉纠偏方案", "焊接机器人视觉纠偏", "机器人学、机器视觉"),
        ("设备故障停机频繁，缺少预测维护", "部署振动传感器试点，采集三个月数据", "设备预测性维护系统", "故障诊断、工业大数据"),
    ]),
    (["precision_instrument"], "精密仪器有限公司", "精密仪器仪表与计量检测", [
        ("温漂导致测量精度不达标", "做温度标定实验，提出补偿算法", "精密仪表温漂补偿", "传感器标定、误差补偿"),
        ("光谱仪核心光栅依赖进口", "联系研究所光学团队评估国产替代", "光谱仪光栅国产替代", "光学设计、精密加工"),
        ("在线检测数据无法接入客户系统", "梳理通信协议，建议统一数据接口", "仪表数据工业互联网接入", "工业通信、数据接口"),
    ]),
    (["new_energy", "new_materials"], "新能源科技有限公司", "储能、光伏与氢能装备", [
        ("储能电池簇温差大，寿命衰减快", "分析热管理数据，建议液冷改造", "储能电池液冷热管理", "传热、电池管理"),
        ("氢气管道阀门密封泄漏", "做密封材料对比试验", "高压氢阀门密封", "密封材料、氢能储运"),
        ("光伏组件户外衰减高于预期", "现场做EL检测，排查隐裂原因", "光伏组件隐裂检测与抑制", "光伏材料、检测技术"),
    ]),
    (["new_materials", "fine_chemicals"], "新材料科技有限公司", "高分子材料、复合材料与橡胶制品", [
        ("轮胎胎面耐磨性不足，客户退货", "分析配方与硫化工艺，建议白炭黑改性", "高耐磨胎面胶配方", "橡胶配方、材料改性"),
        ("碳纤维复合材料孔隙率高", "观察热压罐工艺，建议调整升温曲线", "复合材料低孔隙成型", "复合材料工艺"),
        ("可降解薄膜强度低，无法量产", "推荐共混改性路线，安排小试", "可降解薄膜增强改性", "高分子改性"),
    ]),
    (["biomedicine", "medical_care"], "生物医药有限公司", "海洋药物、医疗器械与生物制品", [
        ("海藻多糖提取纯度不稳定", "现场查看工艺，建议膜分离纯化", "海藻多糖高纯度提取", "分离纯化、海洋药物"),
        ("医用敷料注册检测项目不清", "讲解注册检验流程，联系检测机构", "医用敷料注册检验", "医疗器械注册"),
        ("发酵产率低，批次差异大", "分析发酵数据，建议补料策略优化", "发酵过程补料优化", "发酵工程、过程控制"),
    ]),
    (["digital_economy", "artificial_intelligence"], "数字科技有限公司", "工业软件、数据服务与人工智能应用", [
        ("港口集装箱识别算法夜间误检多", "提供夜间数据增强方法，约定联合测试", "港口集装箱夜间识别", "计算机视觉、数据增强"),
        ("工业软件缺少自主几何内核", "介绍高校几何建模团队", "工业软件几何内核", "计算几何、CAD"),
        ("数据中心能耗高，PUE偏大", "诊断制冷系统，建议AI调优", "数据中心智能节能", "强化学习、暖通控制"),
    ]),
    (["marine_economy", "food_processing"], "海洋生物科技有限公司", "海水养殖、海洋食品与海洋生物制品", [
        ("海参育苗成活率低", "检测水质与饵料，建议调整投喂方案", "海参育苗成活率提升", "水产养殖、病害防控"),
        ("鱼糜制品凝胶强度不够", "分析原料与工艺，建议复配胶", "鱼糜制品凝胶强度提升", "水产品加工"),
        ("养殖网箱抗风浪能力弱", "组织专家现场评估锚泊系统", "深远海养殖网箱抗风浪", "海洋工程、结构设计"),
    ]),
    (["food_processing", "digital_economy"], "食品有限公司", "食品与饮料加工", [
        ("啤酒风味批次波动", "采集发酵曲线，建议在线监测", "啤酒发酵在线监测", "发酵工程、传感器"),
        ("包装线速度受限于视觉检测", "评估检测算法，建议硬件升级", "高速包装视觉检测", "机器视觉"),
        ("农残检测周期长，出货延误", "介绍快检试纸与设备", "农残快速检测", "食品安全检测"),
    ]),
]  # fmt: skip

STEMS = ["海晟", "蓝湾", "崂峰", "琴岛", "胶澳", "鳌山", "金沙", "汇海", "鑫港", "瑞源",
         "浩洋", "融智", "泰和", "海川", "星汉", "润丰", "博远", "启明", "中和", "远航"]  # fmt: skip
FIRST_NAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
# Key projects some firms are served for (the city's 100 key projects for attracting talent).
KEY_PROJECTS = ["智能家电产值倍增计划", "深远海养殖工船项目", "高端仪器国产化项目", "氢能装备示范项目",
                "工业互联网标杆工厂", "海洋药物中试基地", "新材料中试平台", "港口智慧物流项目"]  # fmt: skip
PARTICIPANTS = ["总经理、技术总监", "研发部负责人及工程师 3 人", "生产副总、质量经理", "董事长、研发骨干 2 人",
                "技术中心主任", "项目经理及车间主任"]  # fmt: skip


def firm_rows() -> list[dict]:
    """The 100 firms: ten in each of the ten industry chains, spread over Qingdao's districts."""
    rows = []
    for chain, (tags, suffix, description, _needs) in enumerate(INDUSTRIES):
        for number in range(10):
            index = chain * 10 + number
            rows.append(
                {
                    "name": f"青岛{STEMS[(chain * 3 + number) % len(STEMS)]}{suffix}",
                    "kind": Organization.Kind.ENTERPRISE,
                    "province": QINGDAO[0],
                    "city": QINGDAO[1],
                    "county": COUNTIES[(index * 7) % len(COUNTIES)],
                    "size": [Organization.Size.SMALL, Organization.Size.MEDIUM][index % 2],
                    "description": f"{description}。",
                    "fields": tags,
                }
            )
    return rows


# Each firm's industry chain (its index in INDUSTRIES), and what each need's finding says.
CHAIN_OF_FIRM = {row["name"]: index // 10 for index, row in enumerate(firm_rows())}
NEED_OF_FINDING = {
    need[0]: (chain, number)
    for chain, industry in enumerate(INDUSTRIES)
    for number, need in enumerate(industry[3])
}
