"""The names and figures of the demo people, from the seed reports (000: the Fuzhou summit,
003: Jinxiang's hometown experts)."""

# ruff: noqa: E501  -- the data tables keep one record per line, however long

from ..models import Mentee, Organization, Pairing

FIELDS = [
    # slug (the matching engine's concept id), Chinese, English
    ("digital_economy", "数字经济", "Digital economy"),
    ("marine_economy", "海洋经济", "Marine economy"),
    ("artificial_intelligence", "人工智能", "Artificial intelligence"),
    ("virtual_reality", "虚拟现实", "Virtual reality"),
    ("biomedicine", "生物医药", "Biomedicine"),
    ("smart_manufacturing", "智能制造", "Smart manufacturing"),
    ("new_materials", "新材料", "New materials"),
    ("medical_care", "医疗卫生", "Medical care"),
    ("marine_equipment", "海洋装备", "Marine equipment"),
    ("smart_home_appliance", "智能家电", "Smart home appliances"),
    ("precision_instrument", "精密仪器仪表", "Precision instruments"),
    ("new_energy", "新能源", "New energy"),
    ("water_conservancy", "水利", "Water conservancy"),
    ("unmanned_aerial_vehicle", "无人机", "Drones"),
    ("cultural_creative", "文化创意", "Cultural and creative industries"),
    ("cross_border_ecommerce", "跨境电商", "Cross-border e-commerce"),
    ("rural_revitalization", "乡村振兴", "Rural revitalisation"),
    ("food_processing", "食品加工", "Food processing"),
    ("fine_chemicals", "精细化工", "Fine chemicals"),
]

HONOURS = [
    # slug, Chinese, English, level (1 is highest)
    ("academician", "院士", "Academician", 1),
    ("university-leader", "高校领导", "University leader", 2),
    ("national-programme", "国家级重大人才计划", "National talent programme", 2),
    ("provincial-overseas", "省级海外人才计划", "Provincial overseas talent programme", 3),
    ("leading-talent", "领军人才", "Leading talent", 4),
    ("hometown-adviser", "高质量发展顾问", "Hometown development adviser", 5),
]

E, U, INST, H, V, G, A = (
    Organization.Kind.ENTERPRISE,
    Organization.Kind.UNIVERSITY,
    Organization.Kind.INSTITUTE,
    Organization.Kind.HOSPITAL,
    Organization.Kind.VENTURE,
    Organization.Kind.GOVERNMENT,
    Organization.Kind.ASSOCIATION,
)
FUZHOU = ("福建省", "福州市", "晋安区")

# The 28 enterprises of the 揭榜挂帅 session: name, kind, fields, (province, city, county), size
ENTERPRISES = [
    ("四创科技有限公司", E, ["water_conservancy", "artificial_intelligence"], FUZHOU, "medium"),
    ("德艺文化创意集团股份有限公司", E, ["cultural_creative", "cross_border_ecommerce"], FUZHOU, "large"),
    ("福州阿拉丁进出口有限公司", E, ["cross_border_ecommerce"], FUZHOU, "small"),
    ("福州柏云信息科技有限公司", E, ["digital_economy", "artificial_intelligence"], FUZHOU, "small"),
    ("福建省妇幼保健院", H, ["medical_care", "biomedicine"], ("福建省", "福州市", "鼓楼区"), "large"),
    ("科技谷(厦门)信息技术有限公司", E, ["digital_economy", "marine_economy"], ("福建省", "厦门市", "思明区"), "small"),
    ("西安远超航空科技有限公司", E, ["unmanned_aerial_vehicle"], ("陕西省", "西安市", "雁塔区"), "small"),
    ("韦兴有限公司", E, ["unmanned_aerial_vehicle"], FUZHOU, "micro"),
    ("福州晋安海洋牧场科技有限公司", E, ["marine_economy", "marine_equipment"], FUZHOU, "small"),
    ("福州榕智数字科技有限公司", E, ["digital_economy", "virtual_reality"], FUZHOU, "small"),
    ("福州闽江智能装备有限公司", E, ["smart_manufacturing"], FUZHOU, "medium"),
    ("福州新榕材料科技有限公司", E, ["new_materials"], FUZHOU, "small"),
    ("福州海峡生物医药有限公司", E, ["biomedicine"], FUZHOU, "medium"),
    ("福州晋安VR产业园运营有限公司", E, ["virtual_reality", "cultural_creative"], FUZHOU, "small"),
    ("福州北峰智慧水务有限公司", E, ["water_conservancy", "digital_economy"], FUZHOU, "small"),
    ("福州东南康养服务有限公司", E, ["medical_care"], FUZHOU, "small"),
    ("福建闽台青创科技有限公司", E, ["digital_economy"], FUZHOU, "micro"),
    ("福州寿山石文化创意有限公司", E, ["cultural_creative"], FUZHOU, "micro"),
    ("福州连江渔业装备有限公司", E, ["marine_equipment"], ("福建省", "福州市", "连江县"), "medium"),
    ("福州新店光电科技有限公司", E, ["precision_instrument", "new_materials"], FUZHOU, "small"),
    ("福州岳峰跨境电商有限公司", E, ["cross_border_ecommerce"], FUZHOU, "small"),
    ("福州宦溪生态茶业有限公司", E, ["rural_revitalization", "food_processing"], FUZHOU, "small"),
    ("福州鼓岭文旅发展有限公司", E, ["cultural_creative", "rural_revitalization"], FUZHOU, "small"),
    ("福建海峡新能源科技有限公司", E, ["new_energy"], FUZHOU, "medium"),
    ("福州智云家电科技有限公司", E, ["smart_home_appliance", "artificial_intelligence"], FUZHOU, "medium"),
    ("金乡县鑫源锂电配套有限公司", E, ["new_energy", "new_materials"], ("山东省", "济宁市", "金乡县"), "medium"),
    ("金乡县蒜都食品有限公司", E, ["food_processing", "rural_revitalization"], ("山东省", "济宁市", "金乡县"), "large"),
    ("金乡县高端化工新材料有限公司", E, ["fine_chemicals", "new_materials"], ("山东省", "济宁市", "金乡县"), "medium"),
]  # fmt: skip

# Affiliations that are not among the 28 enterprises.
INSTITUTIONS = [
    ("泰国清迈大学创新学院", U, ("", "清迈", ""), "泰国"),
    ("瑞典隆德大学马尔默医院", H, ("", "马尔默", ""), "瑞典"),
    ("闽都创新实验室", INST, ("福建省", "福州市", ""), "中国"),
    ("哈尔滨工业大学", U, ("黑龙江省", "哈尔滨市", ""), "中国"),
    ("中国科学院", INST, ("北京市", "北京市", ""), "中国"),
    ("清华大学", U, ("北京市", "北京市", ""), "中国"),
    ("清华大学海峡研究院", INST, ("福建省", "厦门市", ""), "中国"),
    ("福州大学", U, ("福建省", "福州市", "闽侯县"), "中国"),
    ("厦门大学", U, ("福建省", "厦门市", ""), "中国"),
    ("福建医科大学附属协和医院", H, ("福建省", "福州市", "鼓楼区"), "中国"),
    ("新加坡国立大学", U, ("", "新加坡", ""), "新加坡"),
    ("东京大学", U, ("", "东京", ""), "日本"),
    ("德国弗劳恩霍夫研究所", INST, ("", "慕尼黑", ""), "德国"),
    ("美国加州大学伯克利分校", U, ("", "伯克利", ""), "美国"),
    ("福建省引进人才服务中心", G, ("福建省", "福州市", ""), "中国"),
    ("福州市侨界青年联合会", A, ("福建省", "福州市", ""), "中国"),
    ("海峡创投基金管理有限公司", V, ("福建省", "福州市", "晋安区"), "中国"),
]

JINXIANG = ("山东省", "济宁市", "金乡县")

# name, title, affiliation, honour, fields, hometown, (current city, country), languages,
# capacity, research fields
MENTORS = [
    ("左明健", "院士", "四创科技有限公司", "academician", ["water_conservancy", "artificial_intelligence"], ("福建省", "福州市", "晋安区"), ("福州", "中国"), "zh en", 3, "闸泵站健康状态分析与故障智能诊断"),
    ("沈寓实", "外籍院士、智能网络计算实验室主任", "清华大学海峡研究院", "academician", ["artificial_intelligence", "digital_economy"], ("北京市", "北京市", ""), ("厦门", "中国"), "zh en", 3, "智能网络计算、云计算"),
    ("林海峰", "院士", "厦门大学", "academician", ["marine_economy", "marine_equipment"], ("福建省", "福州市", "连江县"), ("厦门", "中国"), "zh en", 2, "海洋观测与海洋装备"),
    ("郑宏远", "院士", "中国科学院", "academician", ["new_materials", "smart_manufacturing"], ("福建省", "泉州市", "晋江市"), ("北京", "中国"), "zh en", 2, "先进结构材料"),
    ("黄立群", "院士", "哈尔滨工业大学", "academician", ["new_materials", "smart_manufacturing"], ("福建省", "莆田市", "仙游县"), ("哈尔滨", "中国"), "zh en", 2, "铝合金绿色制备"),
    ("吴振华", "院士", "福建医科大学附属协和医院", "academician", ["medical_care", "biomedicine"], ("福建省", "福州市", "晋安区"), ("福州", "中国"), "zh en", 3, "心血管外科"),
    ("陈德明", "副校长、教授", "福州大学", "university-leader", ["digital_economy", "smart_manufacturing"], ("福建省", "福州市", "闽侯县"), ("福州", "中国"), "zh en", 3, "工业互联网、数字孪生"),
    ("陈思恩", "教授", "科技谷(厦门)信息技术有限公司", "national-programme", ["marine_economy", "digital_economy"], ("福建省", "厦门市", "同安区"), ("厦门", "中国"), "zh en", 3, "多元信息水域监管系统"),
    ("胡晓惠", "中国科学院首席科学家", "中国科学院", "national-programme", ["smart_manufacturing", "digital_economy"], JINXIANG, ("北京", "中国"), "zh en", 3, "先进制造业分布式科技服务技术集成"),
    ("柯东杰", "轻合金团队负责人", "闽都创新实验室", "national-programme", ["new_materials"], ("福建省", "福州市", "长乐区"), ("福州", "中国"), "zh en", 3, "铝合金绿色制备及数智技术"),
    ("刘建华", "研究员", "清华大学", "national-programme", ["artificial_intelligence", "virtual_reality"], ("福建省", "福州市", "福清市"), ("北京", "中国"), "zh en", 3, "虚拟现实与人机交互"),
    ("许文静", "教授", "厦门大学", "national-programme", ["biomedicine"], ("福建省", "漳州市", "龙海区"), ("厦门", "中国"), "zh en", 3, "抗体药物研发"),
    ("王浩", "教授", "泰国清迈大学创新学院", "provincial-overseas", ["artificial_intelligence", "digital_economy"], ("福建省", "福州市", "晋安区"), ("清迈", "泰国"), "zh en th", 3, "AI 机器学习模型的应用"),
    ("齐忠权", "教授", "瑞典隆德大学马尔默医院", "provincial-overseas", ["medical_care", "biomedicine"], ("福建省", "福州市", "仓山区"), ("马尔默", "瑞典"), "zh en sv", 2, "再生医学中心的建立"),
    ("李明哲", "高级研究员", "新加坡国立大学", "provincial-overseas", ["marine_economy", "new_energy"], ("福建省", "福州市", "马尾区"), ("新加坡", "新加坡"), "zh en", 2, "海上风电与海洋能"),
    ("张凌云", "教授", "东京大学", "provincial-overseas", ["smart_home_appliance", "artificial_intelligence"], ("福建省", "宁德市", "福安市"), ("东京", "日本"), "zh en ja", 2, "智能家电感知与控制"),
    ("周立德", "首席科学家", "德国弗劳恩霍夫研究所", "provincial-overseas", ["precision_instrument", "smart_manufacturing"], ("福建省", "福州市", "晋安区"), ("慕尼黑", "德国"), "zh en de", 2, "精密测量与光电检测"),
    ("杨欣然", "副教授", "美国加州大学伯克利分校", "provincial-overseas", ["biomedicine", "artificial_intelligence"], ("福建省", "泉州市", "南安市"), ("伯克利", "美国"), "zh en", 2, "AI 辅助药物发现"),
    ("李晓刚", "总经理", "西安远超航空科技有限公司", "leading-talent", ["unmanned_aerial_vehicle"], ("陕西省", "西安市", "长安区"), ("西安", "中国"), "zh ru", 3, "无人机防御系统"),
    ("林志强", "董事长", "德艺文化创意集团股份有限公司", "leading-talent", ["cultural_creative", "cross_border_ecommerce"], ("福建省", "福州市", "晋安区"), ("福州", "中国"), "zh en", 4, "文化创意产品出海"),
    ("陈国栋", "总工程师", "福州闽江智能装备有限公司", "leading-talent", ["smart_manufacturing"], ("福建省", "福州市", "闽清县"), ("福州", "中国"), "zh", 3, "智能产线与工业机器人"),
    ("郭海燕", "创始人", "福州晋安海洋牧场科技有限公司", "leading-talent", ["marine_economy", "rural_revitalization"], ("福建省", "福州市", "连江县"), ("福州", "中国"), "zh", 3, "深远海养殖"),
    ("蔡文博", "研究员", "福州大学", "leading-talent", ["virtual_reality", "cultural_creative"], ("福建省", "福州市", "晋安区"), ("福州", "中国"), "zh en", 3, "虚拟现实文旅"),
    ("魏东升", "主任医师", "福建医科大学附属协和医院", "leading-talent", ["medical_care"], ("福建省", "福州市", "永泰县"), ("福州", "中国"), "zh", 4, "基层医疗与名医工作室"),
    ("黄晓兰", "主任医师", "福建省妇幼保健院", "leading-talent", ["medical_care"], ("福建省", "福州市", "晋安区"), ("福州", "中国"), "zh en", 3, "妇幼健康"),
    ("翁建平", "投资总监", "海峡创投基金管理有限公司", "leading-talent", ["digital_economy", "new_energy"], ("福建省", "福州市", "鼓楼区"), ("福州", "中国"), "zh en", 5, "早期科技投资"),
    ("潘志远", "技术总监", "福建海峡新能源科技有限公司", "leading-talent", ["new_energy"], ("福建省", "宁德市", "蕉城区"), ("宁德", "中国"), "zh", 3, "储能系统集成"),
    ("谢婉婷", "教授", "厦门大学", "leading-talent", ["digital_economy", "cross_border_ecommerce"], ("福建省", "福州市", "晋安区"), ("厦门", "中国"), "zh en", 3, "数字贸易"),
    ("罗振宇", "高级工程师", "福州北峰智慧水务有限公司", "leading-talent", ["water_conservancy", "digital_economy"], ("福建省", "南平市", "建瓯市"), ("福州", "中国"), "zh", 3, "智慧水务"),
    ("叶青", "研究员", "闽都创新实验室", "leading-talent", ["new_materials", "precision_instrument"], ("福建省", "福州市", "晋安区"), ("福州", "中国"), "zh en", 3, "光电功能材料"),
    ("方俊", "副研究员", "中国科学院", "leading-talent", ["artificial_intelligence"], ("福建省", "三明市", "永安市"), ("北京", "中国"), "zh en", 3, "计算机视觉"),
    ("陈丽娜", "创始人", "福州榕智数字科技有限公司", "leading-talent", ["digital_economy", "virtual_reality"], ("福建省", "福州市", "晋安区"), ("福州", "中国"), "zh en", 3, "数字孪生城市"),
    # Jinxiang hometown experts (金乡籍专家, seed 003), invited back as development advisers.
    ("王立新", "教授", "清华大学", "leading-talent", ["new_materials", "fine_chemicals"], JINXIANG, ("北京", "中国"), "zh en", 3, "高端化工新材料"),
    ("李春雷", "研究员", "中国科学院", "leading-talent", ["new_energy", "new_materials"], JINXIANG, ("北京", "中国"), "zh en", 3, "锂电池正极材料"),
    ("孙振东", "教授", "哈尔滨工业大学", "leading-talent", ["smart_manufacturing"], JINXIANG, ("哈尔滨", "中国"), "zh", 3, "高端装备"),
    ("赵玉芹", "研究员", "中国科学院", "leading-talent", ["food_processing", "rural_revitalization"], JINXIANG, ("北京", "中国"), "zh", 3, "大蒜深加工与冷链物流"),
    ("刘冬青", "副教授", "清华大学", "leading-talent", ["digital_economy"], JINXIANG, ("北京", "中国"), "zh en", 3, "农产品电商"),
    ("张广全", "高级工程师", "金乡县高端化工新材料有限公司", "leading-talent", ["fine_chemicals"], JINXIANG, ("济宁", "中国"), "zh", 2, "精细化工工艺"),
    ("高建军", "教授", "福州大学", "leading-talent", ["smart_home_appliance", "smart_manufacturing"], ("山东省", "青岛市", "崂山区"), ("福州", "中国"), "zh en", 3, "智能家电"),
    ("冯晓梅", "教授", "厦门大学", "leading-talent", ["marine_economy", "biomedicine"], ("福建省", "福州市", "晋安区"), ("厦门", "中国"), "zh en", 3, "海洋生物医药"),
]  # fmt: skip

K = Mentee.Kind
# name, kind, organisation, fields, (province, city, county), needs
MENTEES = [
    ("陈晓青", K.YOUNG_ENTREPRENEUR, "福州柏云信息科技有限公司", ["digital_economy", "artificial_intelligence"], FUZHOU, "多元信息水域监管系统的算法落地与市场推广"),
    ("四创科技研发团队", K.TEAM, "四创科技有限公司", ["water_conservancy", "artificial_intelligence"], FUZHOU, "闸泵站健康状态分析和故障智能诊断技术研发"),
    ("郑雅文", K.TECHNICIAN, "四创科技有限公司", ["water_conservancy"], FUZHOU, "泵站传感器数据治理"),
    ("林晨曦", K.FOUNDER, "福州阿拉丁进出口有限公司", ["cross_border_ecommerce"], FUZHOU, "“一带一路”市场开拓"),
    ("黄梓涵", K.MEDICAL, "福建省妇幼保健院", ["medical_care", "biomedicine"], ("福建省", "福州市", "鼓楼区"), "再生医学中心的建立"),
    ("韦兴团队", K.TEAM, "韦兴有限公司", ["unmanned_aerial_vehicle"], FUZHOU, "吉尔吉斯边境无人机防御系统的推广应用"),
    ("徐立霜", K.FOUNDER, None, ["new_energy"], ("山东省", "青岛市", "崂山区"), "光伏储能系统的海外渠道"),
    ("冀然", K.FOUNDER, None, ["new_materials", "precision_instrument"], ("山东省", "青岛市", "崂山区"), "纳米压印设备的产业化"),
    ("吴思远", K.RETURNING_YOUTH, "福州宦溪生态茶业有限公司", ["rural_revitalization", "food_processing"], FUZHOU, "茶叶品牌与电商"),
    ("陈美玲", K.RURAL_TALENT, "福州宦溪生态茶业有限公司", ["rural_revitalization"], FUZHOU, "乡村民宿运营"),
    ("张子豪", K.YOUNG_ENTREPRENEUR, "福州榕智数字科技有限公司", ["virtual_reality", "digital_economy"], FUZHOU, "VR 文旅内容制作"),
    ("刘欣怡", K.FOUNDER, "福建闽台青创科技有限公司", ["digital_economy"], FUZHOU, "台青创业孵化平台"),
    ("王一鸣", K.TECHNICIAN, "福州闽江智能装备有限公司", ["smart_manufacturing"], FUZHOU, "产线视觉检测"),
    ("林海洋", K.YOUNG_ENTREPRENEUR, "福州晋安海洋牧场科技有限公司", ["marine_economy", "marine_equipment"], FUZHOU, "深远海养殖装备"),
    ("郭晓雯", K.MEDICAL, "福州东南康养服务有限公司", ["medical_care"], FUZHOU, "社区康养服务"),
    ("蔡俊杰", K.RETURNING_YOUTH, "福州寿山石文化创意有限公司", ["cultural_creative"], FUZHOU, "寿山石文创设计"),
    ("何佳琪", K.TECHNICIAN, "福州新店光电科技有限公司", ["precision_instrument"], FUZHOU, "光电检测设备校准"),
    ("方志远", K.FOUNDER, "福州岳峰跨境电商有限公司", ["cross_border_ecommerce"], FUZHOU, "东南亚市场物流"),
    ("杨晨", K.TECHNICIAN, "福州海峡生物医药有限公司", ["biomedicine"], FUZHOU, "抗体药物中试"),
    ("邱雨桐", K.YOUNG_ENTREPRENEUR, "福州智云家电科技有限公司", ["smart_home_appliance", "artificial_intelligence"], FUZHOU, "家电语音交互"),
    ("潘若曦", K.TECHNICIAN, "福建海峡新能源科技有限公司", ["new_energy"], FUZHOU, "储能电池管理系统"),
    ("连江渔业青年团队", K.TEAM, "福州连江渔业装备有限公司", ["marine_equipment"], ("福建省", "福州市", "连江县"), "渔船智能化改造"),
    ("赵鹏飞", K.TECHNICIAN, "福州新榕材料科技有限公司", ["new_materials"], FUZHOU, "铝合金绿色制备工艺"),
    ("李思琪", K.RETURNING_YOUTH, "福州鼓岭文旅发展有限公司", ["cultural_creative", "rural_revitalization"], FUZHOU, "鼓岭文旅线路"),
    ("孟凡", K.TECHNICIAN, "金乡县鑫源锂电配套有限公司", ["new_energy"], JINXIANG, "锂电配套产能规划"),
    ("金乡蒜业青年团队", K.TEAM, "金乡县蒜都食品有限公司", ["food_processing", "rural_revitalization"], JINXIANG, "大蒜深加工与冷链"),
    ("周静", K.RURAL_TALENT, "金乡县蒜都食品有限公司", ["rural_revitalization"], JINXIANG, "农产品直播带货"),
    ("田宇", K.TECHNICIAN, "金乡县高端化工新材料有限公司", ["fine_chemicals"], JINXIANG, "精细化工安全生产"),
    ("罗雨欣", K.MEDICAL, "福建医科大学附属协和医院", ["medical_care"], ("福建省", "福州市", "鼓楼区"), "基层医疗骨干培养"),
    ("北峰智慧水务团队", K.TEAM, "福州北峰智慧水务有限公司", ["water_conservancy", "digital_economy"], FUZHOU, "管网漏损监测"),
    ("德艺出海项目组", K.TEAM, "德艺文化创意集团股份有限公司", ["cultural_creative", "cross_border_ecommerce"], FUZHOU, "“一带一路”梦想驱动成功"),
    ("闽都轻合金青年团队", K.TEAM, "闽都创新实验室", ["new_materials"], ("福建省", "福州市", ""), "铝合金绿色制备及数智技术"),
    ("哈工大轻合金课题组", K.TEAM, "哈尔滨工业大学", ["new_materials", "smart_manufacturing"], ("黑龙江省", "哈尔滨市", ""), "与闽都创新实验室的联合攻关"),
    ("陈宇航", K.YOUNG_ENTREPRENEUR, "福建闽台青创科技有限公司", ["artificial_intelligence"], FUZHOU, "AI 机器学习模型的应用"),
]  # fmt: skip

S = Pairing.Status
# mentor, mentee, status, note — the 揭榜挂帅 highlights of seed 000 and a few more.
PAIRINGS = [
    ("左明健", "四创科技研发团队", S.CELEBRATED, "闸泵站健康状态分析和故障智能诊断技术研发"),
    ("陈思恩", "陈晓青", S.CELEBRATED, "多元信息水域监管系统关键技术及应用"),
    ("王浩", "陈宇航", S.CELEBRATED, "AI 机器学习模型的应用"),
    ("齐忠权", "黄梓涵", S.ACTIVE, "再生医学中心的建立"),
    ("李晓刚", "韦兴团队", S.CELEBRATED, "吉尔吉斯边境无人机防御系统的推广应用"),
    ("柯东杰", "哈工大轻合金课题组", S.ACTIVE, "铝合金绿色制备及数智技术"),
    ("林志强", "德艺出海项目组", S.ACCEPTED, "“一带一路”梦想驱动成功"),
    ("郭海燕", "林海洋", S.ACTIVE, "深远海养殖装备"),
    ("魏东升", "罗雨欣", S.CONCLUDED, "基层医疗骨干培养（第一期）"),
    ("胡晓惠", "孟凡", S.ACCEPTED, "锂电配套企业稳步扩产的建议"),
    ("赵玉芹", "金乡蒜业青年团队", S.ACTIVE, "大蒜深加工"),
    ("蔡文博", "张子豪", S.DISSOLVED, "VR 文旅内容制作"),
    ("陈国栋", "王一鸣", S.PROPOSED, "产线视觉检测"),
    ("左明健", "陈晓青", S.PROPOSED, "希望跟随左院士学习智能诊断"),
    ("左明健", "郑雅文", S.PROPOSED, "泵站传感器数据治理"),
]
