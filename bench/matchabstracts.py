"""A second labelled set, unlike the field set: experts as sets of scientific abstracts.

Nothing in the engine was tuned on this set; ``match_quality.py`` uses it to check that what
helps on the field set (``matchdata.py``) also helps here.  It mimics the two public kinds of
expert-finding data: researchers represented by their papers and judged against a paper
(English, graded: the paper's subtopic among the expert's, 2; its discipline only, 1), and
scientific abstracts with discipline-level relevance (Chinese, binary).

Each discipline has four subtopics, each with its own technical terms.  An abstract mixes
function words, common academic words, terms of its subtopic and discipline, words shared by
all sciences and, rarely, a term of another discipline.  English terms are pseudo-words that
come inflected (stemming matters); Chinese terms are compounds of real two-character words
(segmented consistently) or of characters of the discipline's own set that no dictionary knows
(segmented into lone characters: only character n-grams see them).  Experts are a handful of
abstracts (one to four), a quarter of them with one paper in a second discipline;
disciplines come in clusters of three that borrow each other's terms.
"""

from __future__ import annotations

import random

from matchdata import LabelledSet, words

from projects.matching import Expert, Item

_EN_FUNCTION = words(
    "the of and in to a is for with that we this by on are as an be from at which was our "
    "these it can has have its also been were their between both than"
)
_EN_COMMON = words(
    "study results method propose model analysis data performance effect approach show paper "
    "present significant different high improve process develop experimental theory framework "
    "evaluate compare structure parameter condition increase problem design algorithm "
    "accuracy efficiency control factor rate level measure observe function system obtain "
    "demonstrate novel existing simulation test sample total range value change distribution"
)
_ZH_FUNCTION = words("的 了 和 在 是 对 以 及 与 为 中 等 其 该 从 并 而 由 将 于 所")
_ZH_COMMON = words(
    "研究 结果 表明 方法 分析 影响 提高 采用 建立 提出 基于 模型 数据 实验 条件 "
    "过程 性能 效果 显著 探讨 发现 利用 测定 评价 比较 对照 因素 特征 机制 规律 "
    "变化 水平 含量 作用 具有 应用 设计 优化 控制 计算 理论 实际 问题 重要 意义 "
    "目的 结论 处理 检测 指标"
)
_ZH_WORDS = words(
    "温度 压力 流量 电压 电流 功率 频率 信号 噪声 振动 应力 应变 强度 硬度 韧性 "
    "塑性 疲劳 裂纹 断裂 腐蚀 涂层 薄膜 晶体 晶粒 相变 合金 陶瓷 纤维 树脂 橡胶 "
    "玻璃 水泥 沥青 土壤 岩石 矿物 地层 断层 沉积 盆地 油气 储层 渗透 孔隙 裂缝 "
    "钻井 注水 煤层 瓦斯 矿井 巷道 爆破 边坡 隧道 桥梁 路基 路面 交通 车辆 轨道 "
    "列车 航道 港口 船舶 海浪 潮汐 海冰 珊瑚 藻类 鱼类 贝类 养殖 饲料 疾病 病毒 "
    "细菌 真菌 抗体 抗原 疫苗 免疫 炎症 肿瘤 癌症 血管 心脏 肝脏 肾脏 肺部 骨骼 "
    "关节 肌肉 神经 大脑 睡眠 焦虑 抑郁 认知 记忆 情绪 儿童 老年 护理 康复 手术 "
    "麻醉 药物 剂量 毒性 代谢 蛋白 基因 突变 细胞 组织 器官 激素 受体 通路 发酵 "
    "淀粉 油脂 糖类 营养 口感 风味 贮藏 保鲜 包装 品质 产量 品种 育种 播种 施肥 "
    "灌溉 水稻 小麦 玉米 大豆 棉花 果树 蔬菜 花卉 森林 树木 草原 湿地 生态 物种 "
    "群落 种群 候鸟 气候 降水 气温 干旱 洪水 径流 水库 河流 湖泊 污水 污泥 废气 "
    "粉尘 噪音 辐射 电池 电极 电解 催化 吸附 溶液 溶剂 聚合 分子 原子 离子 电子 "
    "光谱 激光 透镜 成像 图像 视频 语音 文本 网络 节点 路由 协议 加密 密钥 芯片 "
    "电路 器件 传感 天线 雷达 卫星 导航 轨迹 机器 齿轮 轴承 叶片 涡轮 锅炉 燃烧 "
    "燃料 煤炭 风能 水电 核能 电网 负荷 调度 市场 价格 成本 投资 融资 税收 财政 "
    "金融 银行 保险 企业 产业 贸易 出口 消费 就业 工资 人口 城市 农村 土地 住房 "
    "教育 课程 教师 学生 学校 体育 运动 训练 比赛 文化 历史 文学 诗歌 小说 语言 "
    "方言 翻译 宗教 哲学 伦理 法律 法院 合同 犯罪 政策 政府 行政 选举 外交 军事 "
    "新闻 媒体 广告 传播 艺术 音乐 绘画 建筑 园林 景观 规划 设计师 服装 纺织 "
    "印染 造纸 印刷"
)
_SYLLABLES = words(
    "ka lo mi ter pra vel sun dor bri cal nex tor vin glo mar sel pol ren tri cur fen hal jor "
    "lum nor pex qua ros tav ul ber cin dax fol gar hem iv kel lan mok nib ost pum"
)


def _pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3, 3))))


def _inflect(rng: random.Random, word: str) -> str:
    return word + rng.choice(("", "", "s", "ing", "ed"))


def _vocab(rng: random.Random, lang: str, n_disc: int) -> tuple[list[list[list[str]]], list[str]]:
    """Terms per discipline and subtopic, and words shared by all sciences."""
    used: set[str] = set()

    def fresh(make) -> str:
        while True:
            word = make()
            if word not in used:
                used.add(word)
                return word

    if lang == "en":
        term = lambda _d: fresh(lambda: _pseudo_word(rng))  # noqa: E731
    else:
        words = list(_ZH_WORDS)
        rng.shuffle(words)
        per = len(words) // n_disc
        pools = [words[d * per : (d + 1) * per] for d in range(n_disc)]
        # Common characters, as in real unknown compounds (风化壳): alone they tell nothing,
        # only their combinations do.
        chars = sorted(set("".join(_ZH_WORDS)))
        char_sets = [rng.sample(chars, 10) for _ in range(n_disc)]

        def term(d: int) -> str:
            if rng.random() < 0.6:
                return fresh(lambda: "".join(rng.sample(pools[d], rng.choice((1, 2)))))
            return fresh(lambda: "".join(rng.sample(char_sets[d], rng.choice((2, 3)))))

    terms = [[[term(d) for _ in range(10)] for _ in range(4)] for d in range(n_disc)]
    if lang == "en":
        shared = [fresh(lambda: _pseudo_word(rng)) for _ in range(300)]
    else:
        shared = [fresh(lambda: "".join(rng.sample(_ZH_WORDS, 2))) for _ in range(300)]
    return terms, shared


def _abstract(rng, lang, terms, shared, d: int, topic: int, n_disc: int) -> str:
    # Disciplines come in clusters of three that borrow each other's terms (materials and
    # chemistry, say), which is what makes discipline-level relevance hard.
    siblings = [x for x in range(d - d % 3, min(d - d % 3 + 3, n_disc)) if x != d] or [d]
    words = []
    for _ in range(rng.randint(40, 110)):
        r = rng.random()
        if r < 0.40:
            w = rng.choice(_EN_FUNCTION if lang == "en" else _ZH_FUNCTION)
        elif r < 0.65:
            w = rng.choice(_EN_COMMON if lang == "en" else _ZH_COMMON)
        elif r < 0.72:
            w = rng.choice(terms[d][topic])
        elif r < 0.77:
            w = rng.choice(rng.choice(terms[d]))
        elif r < 0.82:
            w = rng.choice(rng.choice(terms[rng.choice(siblings)]))
        elif r < 0.98:
            w = shared[min(int(rng.paretovariate(0.8)) - 1, len(shared) - 1)]
        else:
            w = rng.choice(rng.choice(terms[rng.randrange(n_disc)]))
        words.append(_inflect(rng, w) if lang == "en" and r >= 0.65 else w)
    sep = " " if lang == "en" else ""
    return sep.join(words)


def generate_abstracts(
    seed: int, lang: str, n_experts: int = 400, n_queries: int = 120, n_disc: int = 30
) -> LabelledSet:
    """Return a deterministic set in ``lang`` ("en" graded, "zh" discipline-level)."""
    rng = random.Random(seed)
    terms, shared = _vocab(rng, lang, n_disc)
    experts, topics_of = [], []
    for i in range(n_experts):
        d = rng.randrange(n_disc)
        topics = rng.sample(range(4), rng.choice((1, 2)))
        texts = [
            _abstract(rng, lang, terms, shared, d, rng.choice(topics), n_disc)
            for _ in range(rng.randint(1, 4))
        ]
        second = None
        if rng.random() < 0.25:
            second = (d + 1 + rng.randrange(n_disc - 1)) % n_disc
            texts.append(_abstract(rng, lang, terms, shared, second, rng.randrange(4), n_disc))
        experts.append(Expert(id=f"a{i:04d}", texts=texts))
        topics_of.append((d, set(topics), second))
    items, qrels = [], []
    for j in range(n_queries):
        d, topic = rng.randrange(n_disc), rng.randrange(4)
        items.append(Item(f"p{j:04d}", _abstract(rng, lang, terms, shared, d, topic, n_disc)))
        rel = {}
        for e, (ed, etopics, second) in zip(experts, topics_of, strict=True):
            if ed == d:
                rel[e.id] = 2 if lang == "en" and topic in etopics else 1
            elif second == d:
                rel[e.id] = 1
        qrels.append(rel)
    return LabelledSet(experts, items, [lang] * n_queries, qrels)
