"""Words that carry no field information, in Chinese and English.

Three lists, each with a different reach:

* ``EN_STOPWORDS`` / ``ZH_STOPWORDS`` — function words and organisation boilerplate (有限公司,
  股份, 集团, 科技, 研究院, Co., Ltd., Inc. …).  They are never indexed, never matched and never
  shown as a reason; in Chinese they also cut the character n-gram stream, so 科技有限公司
  shared by two company names yields nothing at all.
* ``WEAK_WORDS`` — generic words of research and business writing (系统, 平台, 方法, solution,
  platform …).  They are indexed (BM25 gives them little weight anyway) but never shown as a
  reason: "you both wrote 平台" explains nothing.
* ``ORG_SUFFIX`` — legal-form suffixes removed from organisation names before they are compared
  (``organization_key`` in ``text.py``), so 四创科技有限公司 and 四创科技 are one organisation.

Single characters are handled by the analyzer: a lone Chinese character or Latin letter is
never a word term (it still counts inside a Chinese character n-gram).
"""

from __future__ import annotations

import re

_EN_STOP_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each etc few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves via per within among including based using use used new
    co ltd inc incorporated corp corporation company llc plc gmbh limited holdings group
"""

_ZH_STOP_TEXT = """
    的 了 和 与 及 以及 或 或者 在 是 等 等等 对 对于 为 以 于 把 被 从 也 而 并 并且
    之 其 其中 这 那 这些 那些 这个 那个 我 我们 你 你们 他 她 它 他们
    有 将 就 都 中 上 下 个 一 一个 一些 该 各 每
    向 由 到 让 使 能 能够 可 可以 会 要 需要 不 没有 还 又 很 更 最 所 所有 如 如何 什么 哪些 并非
    进行 相关 方面 主要 通过 包括 以上 以下 之一 目前 已经 以来 方向 领域 开展 从事 长期 具有 具备
    公司 有限 有限公司 有限责任 有限责任公司 责任公司 股份 股份公司 股份有限公司 集团 集团公司
    控股 实业 科技 研究院 研究所 分公司 子公司 总公司
"""

_WEAK_TEXT = """
    系统 平台 技术 方法 应用 创新 研发 开发 研究 设计 优化 分析 工程 关键 核心 解决方案 方案
    服务 项目 团队 合作 高效 低成本 国产化 升级 改造 标准 示范 产业化 问题 需求 支持 实现
    提升 提高 能力 水平 发展 建设 工作 行业 企业 产品 基于 研究员 教授 副教授 博士 专家
    负责人 实验室 工程师 大学 学院 中心 成果 瓶颈 兼及 遇到 主持 参与 完成 获得 担任
    system systems platform technology technologies method methods application applications
    approach innovation development design optimization analysis engineering key core solution
    solutions service services project projects team cooperation efficient low cost upgrade
    standard demonstration research professor dr lab laboratory university institute work field
    fields interest interests founder toward towards problem problems seek seeks expert experts
"""

EN_STOPWORDS = frozenset(_EN_STOP_TEXT.split())
ZH_STOPWORDS = frozenset(_ZH_STOP_TEXT.split())
WEAK_WORDS = frozenset(_WEAK_TEXT.split())

# Longest first, so 股份有限公司 goes as a whole before 有限公司 could match inside it.
_ZH_ORG_FORMS = sorted(
    [
        "股份有限公司",
        "有限责任公司",
        "集团有限公司",
        "集团股份有限公司",
        "有限公司",
        "股份公司",
        "集团公司",
        "控股集团",
        "集团",
        "公司",
        "科技",
    ],
    key=len,
    reverse=True,
)
ORG_SUFFIX = re.compile(
    "(?:"
    + "|".join(_ZH_ORG_FORMS)
    + r"|\b(?:co|ltd|inc|incorporated|corp|corporation|company|llc|plc|gmbh|limited|group"
    + r"|holdings|technology|technologies|tech)\b)$"
)
# Organisation boilerplate removed from running text before segmentation: whatever way jieba
# cuts 有限责任公司, none of it may reach the index.
ZH_ORG_BOILERPLATE = re.compile("|".join(f for f in _ZH_ORG_FORMS if f != "科技"))
