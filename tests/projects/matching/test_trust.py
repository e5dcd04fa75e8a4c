"""Lists people can trust: no filler reasons, no conflicts, no stale pairs, readable labels."""

from dataclasses import replace

import pytest

from projects.matching import (
    DEFAULT_MIN_SCORE,
    LABELS,
    Expert,
    Item,
    MatchConfig,
    MatchEngine,
    Suggestion,
    score_label,
)

FIELDS = [
    "海洋传感器 海洋监测 浮标 声呐",
    "深度学习 图像识别 目标检测 神经网络",
    "铝合金 热处理 焊接 铸造",
    "锂电池 储能 电池管理 正极材料",
    "光伏 逆变器 风电 微电网",
]


def crowd(n: int = 40) -> list[Expert]:
    """``n`` experts over five fields, all in 福州, each naming the platform they built."""
    return [
        Expert(
            f"p{i:02d}",
            [
                f"福州研究员，从事{FIELDS[i % 5]}，搭建系统平台",
                f"项目：{FIELDS[i % 5].split()[i % 4]}",
            ],
        )
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def big() -> MatchEngine:
    engine = MatchEngine()
    engine.index(crowd())
    return engine


def ids(suggestions) -> list[str]:
    return [s.expert_id for s in suggestions]


def test_company_suffix_only_overlap_scores_zero():
    engine = MatchEngine()
    engine.index(
        [
            Expert("cn", ["华鑫科技有限公司总经理"], organizations=["华鑫科技"]),
            Expert("en", ["Director at Acme Co., Ltd."]),
        ]
    )
    item = Item("c", "四创科技有限公司 Beta Co., Ltd.")
    assert engine.rank(item) == []
    assert engine.score(item, ["cn", "en"]) == [0.0, 0.0]


def test_colleague_of_the_poster_is_absent():
    engine = MatchEngine()
    same = ["海洋传感器与海洋监测，四创科技有限公司"]
    engine.index(
        [
            Expert("colleague", same, organizations=["四创科技"]),
            Expert("outsider", same, organizations=["福州大学"]),
            Expert("poster", same, people=["user:7"]),
        ]
    )
    item = Item(
        "c",
        "四创科技有限公司：研发海洋传感器",
        people=["user:7"],
        organizations=["四创科技有限公司"],
    )
    assert ids(engine.rank(item)) == ["outsider"]
    assert engine.score(item, ["colleague", "poster", "outsider"])[:2] == [0.0, 0.0]
    assert engine.conflicts(item) == ["colleague", "poster"]
    assert engine.rank_many([item, item], workers=2, chunk=1) == [engine.rank(item)] * 2


def test_excluded_pairs_are_never_suggested(big):
    item = Item("c", "海洋传感器与浮标的海洋监测")
    top = ids(big.rank(item, 5))
    banned = {(top[0], "c"), (top[1], "other")}
    ranked = ids(big.rank(item, 5, exclude=banned))
    assert top[0] not in ranked and top[1] in ranked
    assert ids(big.rank_many([item], 5, exclude=banned)[0]) == ranked
    assert big.score(item, top[:2], exclude=banned)[0] == 0.0
    assert "c" not in [s.item_id for s in big.rank_items(top[0], [item], exclude=banned)]


def test_reasons_show_only_informative_words(big):
    item = Item("c", "福州的海洋传感器平台系统，研究员可参与")
    top = big.rank(item, 10)
    assert set(ids(top)[:8]) == {f"p{i:02d}" for i in range(0, 40, 5)}  # the marine experts
    shown = {v for s in top for r in s.reasons if r.startswith("terms:") for v in r[6:].split(",")}
    # 福州 is in every profile (too common to tell anything); 平台, 系统 and 研究员 are generic
    # words; 的 and 可 are function words.
    assert shown == {"海洋", "传感器"}


def test_scores_have_stable_labels():
    cfg = MatchConfig()
    assert LABELS == ("strong", "good", "possible", "weak")
    assert score_label(cfg.label_strong) == "strong"
    assert score_label(cfg.label_good) == "good"
    assert score_label(cfg.label_possible) == "possible"
    assert score_label(cfg.label_possible - 0.01) == "weak"
    assert Suggestion("x", 0.9).label == "strong"
    assert cfg.label_possible == DEFAULT_MIN_SCORE


def test_rank_items_ranks_postings_for_one_expert(big):
    items = [
        Item("marine", "海洋传感器与浮标"),
        Item("vision", "图像识别与目标检测"),
        Item("alloy", "铝合金焊接"),
        Item("none", "茶叶 品牌"),
    ]
    expert = "p00"  # a marine expert
    ranked = big.rank_items(expert, items)
    assert [s.item_id for s in ranked] == ["marine"]
    assert ranked[0].score == pytest.approx(big.score(items[0], [expert])[0], abs=1e-6)
    assert (
        ranked[0].reasons
        == next(s for s in big.rank(items[0], 40) if s.expert_id == expert).reasons
    )
    assert big.rank_items(expert, items, exclude={(expert, "marine")}) == []


def test_rank_items_leaves_out_the_posters_own_organisation():
    engine = MatchEngine()
    engine.index([Expert("e", ["海洋传感器"], organizations=["四创科技"])])
    own = Item("own", "海洋传感器", organizations=["四创科技有限公司"])
    other = replace(own, id="other", organizations=["华鑫"])
    assert [s.item_id for s in engine.rank_items("e", [own, other])] == ["other"]


def test_semantic_layer_keeps_scores_in_unit_range_and_consistent(big):
    off = MatchEngine(MatchConfig(semantic_weight=0.0))
    off.index(crowd())
    item = Item("c", "面向储能的锂电池管理")
    on_top, off_top = big.rank(item, 8), off.rank(item, 8)
    assert all(0 < s.score <= 1 for s in on_top)
    # The layer reorders candidates that share a word; it never adds one without a reason.
    assert set(ids(on_top)) <= {s.expert_id for s in off.rank(item, 40)}
    # The eight battery experts (field 3) lead with and without it.
    assert {int(e[1:]) % 5 for e in ids(on_top)} == {int(e[1:]) % 5 for e in ids(off_top)} == {3}
