"""Labelled matching data for the benchmarks, generated from a fixed seed.

``generate`` gives the field set of ``match_quality.py`` and ``match_scale.py``: experts with a
known primary (and sometimes a secondary) field, written in Chinese, English or a mix, and
challenges written for one field whose relevant experts are known (primary field: gain 2,
secondary: gain 1).  Field vocabularies are pairs of Chinese/English technical terms; only some
of them are in the engine's taxonomy (浮标/buoy, 声呐/sonar … are not), English terms come
inflected (sensor/sensors), and texts carry generic filler and a term from another field as
noise.

On top of the texts (drawn from a second random stream, so the texts stay those of earlier
runs), the set carries what makes a list trustworthy or not:

* every expert belongs to an organisation and names it in the bio; half the challenges are
  posted by the organisation of one of their relevant experts, written with another legal form
  (四创科技 / 四创科技有限公司), and a tenth by a relevant expert themself: those are conflicts;
* 2 % of the relevant pairs are declared conflicts;
* 5 % of the relevant pairs were already claimed, and a tenth of the challenges are closed:
  suggesting those is stale.
"""

# ruff: noqa: E501  -- the vocabulary tables keep one field per line

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from projects.matching import Expert, Item


def words(text: str) -> list[str]:
    """The words of a space-separated list (easier to read and edit than a list literal)."""
    return text.split()


# Each field: (tag zh, tag en, [(zh term, "en variant|en variant"), ...]).
FIELDS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("海洋经济", "marine economy", [("海洋监测", "marine monitoring|ocean monitoring"), ("海洋传感器", "ocean sensor|marine sensors"), ("浮标", "buoy|buoys"), ("海水淡化", "desalination"), ("水下机器人", "underwater robot|underwater vehicles"), ("海洋牧场", "marine ranching"), ("深海", "deep sea|deep-sea"), ("声呐", "sonar|sonars"), ("温盐", "temperature and salinity")]),
    ("人工智能", "artificial intelligence", [("计算机视觉", "computer vision"), ("图像识别", "image recognition"), ("深度学习", "deep learning"), ("目标检测", "object detection"), ("神经网络", "neural network|neural networks"), ("缺陷检测", "defect detection"), ("视频分析", "video analytics"), ("卷积", "convolutional"), ("数据标注", "data annotation|labelling")]),
    ("大模型", "large language model", [("自然语言处理", "natural language processing|NLP"), ("大语言模型", "large language models|LLMs"), ("知识图谱", "knowledge graph|knowledge graphs"), ("语音识别", "speech recognition"), ("智能问答", "question answering"), ("文本挖掘", "text mining"), ("智能客服", "chatbot|chatbots"), ("机器翻译", "machine translation")]),
    ("新材料", "new materials", [("铝合金", "aluminium alloy|aluminum alloys"), ("热处理", "heat treatment"), ("铸造", "casting|castings"), ("焊接", "welding"), ("钛合金", "titanium alloy|titanium alloys"), ("腐蚀", "corrosion"), ("轻量化", "lightweight|lightweighting"), ("金相组织", "microstructure|microstructures"), ("挤压成形", "extrusion")]),
    ("生物医药", "biomedicine", [("创新药", "innovative drugs|drug discovery"), ("抗体", "antibody|antibodies"), ("临床试验", "clinical trial|clinical trials"), ("药物靶点", "drug target|drug targets"), ("细胞治疗", "cell therapy"), ("疫苗", "vaccine|vaccines"), ("制剂", "formulation|formulations"), ("药代动力学", "pharmacokinetics")]),
    ("医疗器械", "medical devices", [("医学影像", "medical imaging"), ("超声", "ultrasound"), ("体外诊断", "in vitro diagnostics"), ("康复", "rehabilitation"), ("可穿戴", "wearable|wearables"), ("手术机器人", "surgical robot|surgical robots"), ("监护仪", "patient monitor|patient monitors"), ("内窥镜", "endoscope|endoscopy")]),
    ("智能制造", "smart manufacturing", [("工业机器人", "industrial robot|industrial robots"), ("数控机床", "CNC machine tools"), ("产线", "production line|production lines"), ("数字孪生", "digital twin|digital twins"), ("工业互联网", "industrial internet"), ("制造执行系统", "manufacturing execution system|MES"), ("柔性制造", "flexible manufacturing"), ("机器视觉", "machine vision")]),
    ("故障诊断", "fault diagnosis", [("故障诊断", "fault diagnosis"), ("振动", "vibration|vibrations"), ("轴承", "bearing|bearings"), ("齿轮箱", "gearbox|gearboxes"), ("预测性维护", "predictive maintenance"), ("状态监测", "condition monitoring"), ("寿命预测", "remaining useful life"), ("信号处理", "signal processing")]),
    ("储能", "energy storage", [("锂电池", "lithium battery|lithium-ion batteries"), ("储能", "energy storage"), ("电池管理", "battery management|BMS"), ("正极材料", "cathode material|cathodes"), ("电解液", "electrolyte|electrolytes"), ("固态电池", "solid-state battery|solid-state batteries"), ("快充", "fast charging"), ("梯次利用", "second-life reuse")]),
    ("新能源", "new energy", [("光伏", "photovoltaic|PV"), ("太阳能电池", "solar cell|solar cells"), ("逆变器", "inverter|inverters"), ("风电", "wind power"), ("氢能", "hydrogen energy|hydrogen"), ("燃料电池", "fuel cell|fuel cells"), ("电网", "power grid"), ("微电网", "microgrid|microgrids")]),
    ("水利", "water conservancy", [("水利工程", "hydraulic engineering|water conservancy"), ("防洪", "flood control"), ("水资源", "water resources"), ("灌溉", "irrigation"), ("水文", "hydrology"), ("大坝", "dam|dams"), ("河道治理", "river regulation"), ("泥沙", "sediment|sediments")]),
    ("环保", "environmental protection", [("污水处理", "wastewater treatment"), ("大气污染", "air pollution"), ("固废", "solid waste"), ("土壤修复", "soil remediation"), ("碳中和", "carbon neutrality"), ("膜分离", "membrane separation|membranes"), ("脱硫", "desulfurization"), ("环境监测", "environmental monitoring")]),
    ("现代农业", "modern agriculture", [("智慧农业", "smart agriculture|precision agriculture"), ("育种", "breeding"), ("病虫害", "pest control|pests"), ("土壤", "soil|soils"), ("农机", "agricultural machinery"), ("温室", "greenhouse|greenhouses"), ("水稻", "rice"), ("茶叶", "tea")]),
    ("食品", "food", [("食品加工", "food processing"), ("食品安全", "food safety"), ("冷链", "cold chain"), ("发酵", "fermentation"), ("保鲜", "preservation|shelf life"), ("营养", "nutrition"), ("预制菜", "prepared meals"), ("食品包装", "food packaging")]),
    ("集成电路", "integrated circuit", [("芯片", "chip|chips"), ("集成电路", "integrated circuit|integrated circuits"), ("晶圆", "wafer|wafers"), ("光刻", "lithography"), ("芯片封装", "chip packaging"), ("电子设计自动化", "EDA"), ("功率器件", "power device|power devices"), ("碳化硅", "silicon carbide|SiC")]),
    ("通信", "communication", [("5G", "5G"), ("天线", "antenna|antennas"), ("射频", "radio frequency|RF"), ("光纤", "optical fiber|optical fibre"), ("卫星通信", "satellite communication"), ("物联网", "internet of things|IoT"), ("基站", "base station|base stations"), ("无线通信", "wireless communication")]),
    ("虚拟现实", "virtual reality", [("虚拟现实", "virtual reality|VR"), ("增强现实", "augmented reality|AR"), ("元宇宙", "metaverse"), ("三维重建", "3D reconstruction"), ("渲染", "rendering"), ("数字人", "digital human|avatars"), ("全息", "holographic|holography"), ("人机交互", "human-computer interaction")]),
    ("智能网联汽车", "connected vehicles", [("自动驾驶", "autonomous driving|self-driving"), ("新能源汽车", "new energy vehicles|electric vehicles"), ("激光雷达", "lidar"), ("路径规划", "path planning"), ("车联网", "vehicle networking|V2X"), ("毫米波雷达", "millimeter-wave radar"), ("线控底盘", "drive-by-wire chassis"), ("高精地图", "HD map|HD maps")]),
    ("物流", "logistics", [("智慧物流", "smart logistics"), ("仓储", "warehousing|warehouse"), ("供应链", "supply chain|supply chains"), ("调度", "scheduling|dispatching"), ("配送", "delivery|last-mile delivery"), ("无人仓", "automated warehouse"), ("跨境电商", "cross-border e-commerce"), ("冷链物流", "cold-chain logistics")]),
    ("数字经济", "digital economy", [("数字经济", "digital economy"), ("金融科技", "fintech|financial technology"), ("区块链", "blockchain"), ("风控", "risk control|risk management"), ("支付", "payment|payments"), ("征信", "credit scoring"), ("数据要素", "data elements"), ("供应链金融", "supply chain finance")]),
    ("土木工程", "civil engineering", [("桥梁", "bridge|bridges"), ("隧道", "tunnel|tunnels"), ("装配式建筑", "prefabricated building|prefab construction"), ("混凝土", "concrete"), ("抗震", "seismic|earthquake-resistant"), ("岩土", "geotechnical"), ("结构健康监测", "structural health monitoring"), ("盾构", "shield tunnelling")]),
    ("航空航天", "aerospace", [("无人机", "drone|UAV|drones"), ("航空", "aviation"), ("飞控", "flight control"), ("复合材料", "composite materials|composites"), ("航空发动机", "aero engine|aero-engines"), ("遥感", "remote sensing"), ("卫星", "satellite|satellites"), ("导航", "navigation")]),
    ("中医药", "traditional chinese medicine", [("中医药", "traditional Chinese medicine|TCM"), ("中药", "herbal medicine"), ("针灸", "acupuncture"), ("养老", "elderly care"), ("康养", "wellness"), ("健康管理", "health management"), ("慢病", "chronic disease|chronic diseases"), ("药食同源", "medicinal food")]),
    ("乡村振兴", "rural revitalization", [("乡村振兴", "rural revitalization"), ("文旅", "cultural tourism"), ("民宿", "homestay|homestays"), ("非遗", "intangible cultural heritage"), ("电商直播", "livestream e-commerce"), ("农产品", "agricultural products|farm produce"), ("品牌", "brand|branding"), ("研学", "study tours")]),
]  # fmt: skip

GENERIC_ZH = words(
    "系统 平台 技术 方法 应用 创新 研发 产业化 设计 优化 分析 工程 关键 核心 "
    "解决方案 服务 项目 团队 合作 高效 低成本 国产化 升级 改造 标准 示范"
)
GENERIC_EN = words(
    "system platform technology method application innovation development industrialization "
    "design optimization analysis engineering key core solution service project team "
    "cooperation efficient low-cost upgrade standard demonstration"
)
PLACES = [
    "福建省福州市",
    "山东省青岛市",
    "山东省济宁市金乡县",
    "浙江省杭州市",
    "广东省深圳市",
    "江苏省南京市",
    "四川省成都市",
    "湖北省武汉市",
]
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
EN_NAMES = words("Smith Chen Wang Lee Brown Garcia Miller Davis Wilson Taylor Anderson Thomas")


INSTITUTES_ZH = [
    "大学",
    "理工大学",
    "科学院研究所",
    "工业技术研究院",
    "医科大学",
    "农业大学",
    "海洋大学",
    "职业技术学院",
]
INSTITUTES_EN = [
    "University",
    "Institute of Technology",
    "Research Institute",
    "Medical School",
    "National Laboratory",
]
CITIES = words("福州 青岛 金乡 杭州 深圳 南京 成都 武汉 厦门 济南 合肥 西安")
CITIES_EN = words(
    "Fuzhou Qingdao Hangzhou Shenzhen Nanjing Chengdu Boston Munich Singapore Toronto"
)
_ZH_CHARS = "安宝北博昌晨成诚达大德东丰峰福富光广海航合和恒宏华汇佳嘉建江金锦京晶景骏康科蓝乐力立利联林龙茂美明南能鹏奇启润瑞森山尚盛世泰天通同万伟文祥新鑫信兴星秀旭亚洋翼益英宇元源远越云泽长正智中众卓"
_EN_SYLLABLES = words(
    "al an ar be co da de el en er ex in io is ka la le li lo ma me mi na ne no or ra re ri "
    "ro sa se si so ta te ti to tr un va ve vi xo za"
)


def long_tail_word(rng: random.Random, lang: str) -> str:
    """A pseudo proper noun (company, product, lab name) from a large space: the long tail."""
    if lang == "zh":
        return "".join(rng.choice(_ZH_CHARS) for _ in range(rng.choice((2, 3))))
    return "".join(rng.choice(_EN_SYLLABLES) for _ in range(rng.choice((2, 3, 4))))


_ZH_FORMS = ["科技有限公司", "有限公司", "股份有限公司", "科技", "集团有限公司"]
_EN_FORMS = ["Co., Ltd.", "Inc.", "Technologies", "Corp.", "Group Ltd."]


def _org_form(rng: random.Random, base: str, avoid: str = "") -> str:
    forms = _EN_FORMS if base.isascii() else _ZH_FORMS
    form = rng.choice([f for f in forms if f != avoid] or forms)
    return f"{base} {form}" if base.isascii() else base + form


def _annotate(seed: int, experts: list[Expert], items: list[Item], qrels: list[dict[str, int]]):
    """Organisations, posters, declared conflicts, claims and closed challenges (docstring)."""
    rng = random.Random(seed ^ 0x5EED)
    bases: list[str] = []
    while len(bases) < max(len(experts) // 4, 1):
        lang = rng.choice(("zh", "zh", "en"))
        base = long_tail_word(rng, lang)
        if lang == "en":
            base = base.capitalize()
        if base not in bases:
            bases.append(base)
    org_of: dict[str, str] = {}
    form_of: dict[str, str] = {}
    out_experts = []
    for e in experts:
        base = rng.choice(bases)
        form = _org_form(rng, base)
        org_of[e.id], form_of[e.id] = base, form
        line = f"Chief scientist at {form}." if base.isascii() else f"现任{form}首席科学家。"
        out_experts.append(
            replace(e, texts=[*e.texts, line], people=[f"user:{e.id}"], organizations=[form])
        )
    conflicts: set[tuple[str, str]] = set()
    declared: set[tuple[str, str]] = set()
    claimed: set[tuple[str, str]] = set()
    closed: set[str] = set()
    out_items = []
    members: dict[str, list[str]] = {}
    for eid, base in org_of.items():
        members.setdefault(base, []).append(eid)
    for item, rel in zip(items, qrels, strict=True):
        best = sorted(e for e, g in rel.items() if g == 2)
        people: list[str] = []
        if best and rng.random() < 0.5:
            host = rng.choice(best)
            base = org_of[host]
            form = _org_form(rng, base, avoid=form_of[host].removeprefix(base).strip())
            conflicts |= {(e, item.id) for e in members[base]}
            if rng.random() < 0.2:
                people = [f"user:{host}"]
        else:
            base = long_tail_word(rng, "zh")
            form = _org_form(rng, base)
        posted = f"Posted by {form}. " if base.isascii() else f"发布单位：{form}。"
        out_items.append(
            replace(item, text=posted + item.text, people=people, organizations=[form])
        )
        for e in sorted(rel):
            if rng.random() < 0.02:
                declared.add((e, item.id))
            elif rng.random() < 0.05:
                claimed.add((e, item.id))
        if rng.random() < 0.1:
            closed.add(item.id)
    return out_experts, out_items, conflicts | declared, declared, claimed, closed


@dataclass
class LabelledSet:
    experts: list[Expert]
    items: list[Item]
    item_lang: list[str]
    qrels: list[dict[str, int]]  # item index → {expert_id: gain}
    conflicts: set[tuple[str, str]] = field(default_factory=set)  # every conflict pair
    declared: set[tuple[str, str]] = field(default_factory=set)  # the declared ones
    claimed: set[tuple[str, str]] = field(default_factory=set)
    closed: set[str] = field(default_factory=set)

    def exclude(self) -> set[tuple[str, str]]:
        """The pairs a caller passes as ``exclude``: declared conflicts and claimed pairs
        (organisation and person conflicts the engine finds by itself)."""
        return self.declared | self.claimed

    def stale(self, expert_id: str, item_id: str) -> bool:
        return item_id in self.closed or (expert_id, item_id) in self.claimed


def _term(rng: random.Random, field: int, lang: str) -> str:
    zh, en = rng.choice(FIELDS[field][2])
    if lang == "mixed":
        lang = rng.choice(("zh", "en"))
    return zh if lang == "zh" else rng.choice(en.split("|"))


def _generic(rng: random.Random, lang: str) -> str:
    return rng.choice(GENERIC_ZH if lang == "zh" else GENERIC_EN)


def _other(rng: random.Random, field: int) -> int:
    other = rng.randrange(len(FIELDS) - 1)
    return other + (other >= field)


def expert_texts(rng: random.Random, primary: int, secondary: int | None, lang: str) -> list[str]:
    """Return bio, fields, publications and a project for an expert of the given fields."""

    def t(field: int = primary, lg: str = lang) -> str:
        return _term(rng, field, lg)

    noise = _other(rng, primary)
    sec = secondary if secondary is not None else primary
    if lang == "en":
        g = lambda: _generic(rng, "en")  # noqa: E731
        name = rng.choice(EN_NAMES)
        org = f"{rng.choice(CITIES_EN)} {rng.choice(INSTITUTES_EN)}"
        return [
            f"Dr. {name} is a professor at {org} and founder of "
            f"{long_tail_word(rng, 'en').capitalize()} Labs, working on {t()} and {t()}, with interests in "
            f"{t(sec)}{' and ' + t(noise) if rng.random() < 0.3 else ''}.",
            f"Fields: {t()}; {t()}; {t(sec)}",
            f"{t().capitalize()} for {t()}: a {g()} {g()} approach. Towards {g()} {t(sec)} {g()}.",
            f"Project: {g()} {g()} of {t()} for {rng.choice(EN_NAMES)} Corp.",
        ]
    g = lambda: _generic(rng, "zh")  # noqa: E731
    name = rng.choice(SURNAMES) + "教授"
    # Mixed profiles: a Chinese bio with English publication titles, as returnees write them.
    pub_lang = "en" if lang == "mixed" else "zh"
    return [
        f"{name}，{rng.choice(CITIES)}{rng.choice(INSTITUTES_ZH)}{long_tail_word(rng, 'zh')}实验室"
        f"负责人，主要从事{t()}、{t()}研究，兼及{t(sec)}"
        f"{'与' + t(noise, 'zh') if rng.random() < 0.3 else ''}。",
        f"研究方向：{t()}；{t()}；{t(sec)}",
        (
            f"基于{t()}的{t()}{g()}研究；{t(sec)}{g()}{g()}"
            if pub_lang == "zh"
            else f"{t(lg='en')} for {t(lg='en')}: a {_generic(rng, 'en')} approach"
        ),
        f"{g()}项目：{long_tail_word(rng, 'zh')}{t()}{g()}{g()}",
    ]


def challenge_text(rng: random.Random, field: int, lang: str) -> str:
    """Return a challenge (demand) text about ``field`` with one distractor term at times."""

    def t(lg: str = lang) -> str:
        return _term(rng, field, lg)

    distract = _other(rng, field)
    if lang == "en":
        g = lambda: _generic(rng, "en")  # noqa: E731
        extra = f" It also touches {_term(rng, distract, 'en')}." if rng.random() < 0.4 else ""
        return (
            f"{long_tail_word(rng, 'en').capitalize()} Inc. seeks experts in {t()} and {t()} to solve {t()} problems "
            f"in our {g()} {g()}.{extra}"
        )
    g = lambda: _generic(rng, "zh")  # noqa: E731
    extra = f"同时涉及{_term(rng, distract, 'zh')}。" if rng.random() < 0.4 else ""
    return f"{long_tail_word(rng, 'zh')}公司在{t()}方面遇到瓶颈，需要{t()}和{t()}相关{g()}支持，实现{g()}{g()}。{extra}"


def generate(seed: int, n_experts: int, n_queries: int) -> LabelledSet:
    """Return a deterministic labelled set (same seed, same set)."""
    rng = random.Random(seed)
    experts: list[Expert] = []
    fields_of: list[tuple[int, int | None]] = []
    for i in range(n_experts):
        primary = rng.randrange(len(FIELDS))
        secondary = _other(rng, primary) if rng.random() < 0.4 else None
        lang = rng.choices(("zh", "en", "mixed"), weights=(50, 25, 25))[0]
        tags: list[str] = []
        if rng.random() < 0.6:
            tags.append(FIELDS[primary][1 if lang == "en" else 0])
        experts.append(
            Expert(
                id=f"x{i:05d}",
                texts=expert_texts(rng, primary, secondary, lang),
                tags=tags,
                region=rng.choice(PLACES),
                hometown=rng.choice(PLACES) if rng.random() < 0.5 else "",
                languages=["en"] if lang == "en" else (["zh", "en"] if lang == "mixed" else ["zh"]),
                capacity=rng.randint(1, 3),
            )
        )
        fields_of.append((primary, secondary))
    items: list[Item] = []
    langs: list[str] = []
    qrels: list[dict[str, int]] = []
    for j in range(n_queries):
        field = rng.randrange(len(FIELDS))
        lang = rng.choices(("zh", "en", "mixed"), weights=(50, 20, 30))[0]
        tags = [FIELDS[field][1 if lang == "en" else 0]] if rng.random() < 0.5 else []
        items.append(Item(f"q{j:04d}", challenge_text(rng, field, lang), tags, rng.choice(PLACES)))
        langs.append(lang)
        rel = {}
        for e, (p, s) in zip(experts, fields_of, strict=True):
            if p == field:
                rel[e.id] = 2
            elif s == field:
                rel[e.id] = 1
        qrels.append(rel)
    experts, items, conflicts, declared, claimed, closed = _annotate(seed, experts, items, qrels)
    return LabelledSet(experts, items, langs, qrels, conflicts, declared, claimed, closed)
