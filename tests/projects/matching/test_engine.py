"""MatchEngine: ranking order, cross-language matching, reasons, score scale, signals."""

from dataclasses import replace

import pytest

from projects.matching import Expert, Item, MatchConfig, MatchEngine, Suggestion

MARINE = Expert(
    "marine",
    ["海洋研究所研究员，长期从事海洋传感器与海洋监测", "论文：深海温盐传感器的低功耗设计"],
    tags=["海洋经济"],
    region="青岛",
    hometown="福建省福州市",
    languages=["zh"],
)
OVERSEAS = Expert(
    "overseas",
    ["Professor of ocean engineering. Marine economy, ocean sensors and underwater robots."],
    languages=["en"],
)
AI = Expert(
    "ai",
    ["人工智能与机器学习专家，深度学习图像识别", "项目：工业视觉缺陷检测"],
    tags=["人工智能"],
    region="福州",
)
ALLOY = Expert(
    "alloy",
    ["Aluminium alloy heat treatment and welding; fault diagnosis of casting lines."],
    tags=["New Materials"],
    hometown="福州",
)
FULL = Expert("full", ["海洋传感器 海洋监测 海洋经济 传感器"], capacity=0)
EXPERTS = [MARINE, OVERSEAS, AI, ALLOY, FULL]

MARINE_CHALLENGE = Item(
    "c-marine", "研发用于海洋监测的低功耗海洋传感器，服务海洋经济", tags=["Marine Economy"]
)


@pytest.fixture(scope="module")
def engine() -> MatchEngine:
    engine = MatchEngine()
    engine.index(EXPERTS)
    return engine


def ids(suggestions: list[Suggestion]) -> list[str]:
    return [s.expert_id for s in suggestions]


def test_marine_challenge_ranks_marine_expert_first(engine):
    assert ids(engine.rank(MARINE_CHALLENGE)) == ["marine", "overseas"]


def test_english_only_expert_matches_chinese_challenge_via_taxonomy(engine):
    item = Item("c-alloy", "铝合金铸造产线的故障诊断")
    ranked = engine.rank(item)
    assert ids(ranked) == ["alloy"]
    # Equal contributions are listed alphabetically; 诊断 inside 故障诊断 adds diagnostics.
    assert ranked[0].reasons == [
        "concepts:alloy,aluminium_alloy,casting,diagnostics,fault_diagnosis"
    ]


def test_chinese_expert_matches_english_challenge(engine):
    ranked = engine.rank(Item("c-vision", "Deep learning for image recognition"))
    assert ids(ranked) == ["ai"]
    assert ranked[0].reasons == [
        "concepts:deep_learning,image_recognition",
        "language:en",
    ] or ranked[0].reasons == ["concepts:deep_learning,image_recognition"]


def test_reasons_list_terms_concepts_tags_and_places(engine):
    item = replace(MARINE_CHALLENGE, region="福州")
    top = engine.rank(item)[0]
    assert top.expert_id == "marine"
    assert top.reasons == [
        # 低功耗 is rarer in the index than 传感器, so it contributes more.
        "terms:海洋,低功耗,传感器,监测",
        "concepts:marine_science,marine_monitoring,monitoring,sensor",
        "tags:Marine Economy",
        "hometown:福建省福州市",
        "language:zh",
    ]
    # The same call gives the same reasons: ordering is deterministic.
    assert engine.rank(item)[0] == top


def test_region_reason_and_hierarchical_place_match(engine):
    ranked = engine.rank(Item("c", "图像识别系统", region="福建省福州市"))
    assert ranked[0].expert_id == "ai"
    assert "region:福建省福州市" in ranked[0].reasons


def test_scores_are_in_unit_range_and_rank_agrees_with_score(engine):
    ranked = engine.rank(MARINE_CHALLENGE)
    assert all(0.0 < s.score <= 1.0 for s in ranked)
    assert engine.score(MARINE_CHALLENGE, ids(ranked)) == [s.score for s in ranked]
    assert engine.score(MARINE_CHALLENGE, ["ai", "marine"]) == [0.0, ranked[0].score]


def test_scores_are_comparable_across_items(engine):
    # For one expert, the item that suits them better scores higher, although the two
    # items differ in length and vocabulary.
    close = Item("close", "海洋传感器与海洋监测")
    loose = Item(
        "loose", "海洋牧场的养殖管理、冷链物流、市场营销、品牌建设与电商渠道，也涉及一点监测"
    )
    near, far = engine.score(close, ["marine"])[0], engine.score(loose, ["marine"])[0]
    assert near > far > 0
    assert near == pytest.approx(0.5590, abs=1e-4)
    assert far < 0.1


def test_hometown_bonus_can_be_switched_off():
    item = Item("c", "aluminium alloy welding", region="福州")
    twin = replace(ALLOY, id="twin", hometown="")
    on = MatchEngine()
    on.index([ALLOY, twin])
    off = MatchEngine(MatchConfig(hometown_bonus=False))
    off.index([ALLOY, twin])
    ranked_on = on.rank(item)
    assert ids(ranked_on) == ["alloy", "twin"]
    assert ranked_on[0].score > ranked_on[1].score
    assert "hometown:福州" in ranked_on[0].reasons
    ranked_off = off.rank(item)
    # Without the bonus the two are tied and the id decides the order.
    assert ranked_off[0].score == ranked_off[1].score
    assert ids(ranked_off) == ["alloy", "twin"]
    assert all(not r.startswith("hometown:") for s in ranked_off for r in s.reasons)


def test_capacity_zero_is_excluded_or_penalised(engine):
    item = Item("c", "海洋传感器 海洋经济")
    assert "full" not in ids(engine.rank(item))
    assert engine.score(item, ["full"]) == [0.0]
    lenient = MatchEngine(MatchConfig(exclude_full=False, full_penalty=0.1))
    lenient.index(EXPERTS)
    free = MatchEngine()
    free.index([*EXPERTS[:-1], replace(FULL, capacity=1)])
    assert lenient.score(item, ["full"])[0] == pytest.approx(0.1 * free.score(item, ["full"])[0])


def test_tags_match_through_taxonomy_case_insensitively(engine):
    item = Item("c", "材料工艺", tags=["new materials"])
    ranked = engine.rank(item)
    assert ranked[0].expert_id == "alloy"
    assert "tags:new materials" in ranked[0].reasons


def test_shared_language_is_a_reason(engine):
    ranked = engine.rank(Item("c", "underwater robots for the ocean"))
    assert ranked[0].expert_id == "overseas"
    assert ranked[0].reasons[-1] == "language:en"


def test_rank_many_matches_rank_with_and_without_workers(engine):
    items = [MARINE_CHALLENGE, Item("x", "图像识别"), Item("y", "aluminium")] * 3
    expected = [engine.rank(i, 3) for i in items]
    assert engine.rank_many(items, 3) == expected
    assert engine.rank_many(items, 3, workers=2, chunk=2) == expected


def test_k_limits_and_empty_cases(engine):
    assert len(engine.rank(MARINE_CHALLENGE, k=1)) == 1
    assert engine.rank(MARINE_CHALLENGE, k=0) == []
    assert engine.rank(Item("none", "完全无关的内容 xyzzy")) == []
    empty = MatchEngine()
    empty.index([])
    assert empty.rank(MARINE_CHALLENGE) == []
    assert empty.score(MARINE_CHALLENGE, []) == []


def test_unknown_and_duplicate_ids_raise(engine):
    with pytest.raises(KeyError):
        engine.score(MARINE_CHALLENGE, ["nobody"])
    with pytest.raises(ValueError, match="duplicate"):
        MatchEngine().index([MARINE, MARINE])


def test_rank_many_in_a_threaded_process_ranks_in_process(engine, monkeypatch):
    """With other threads running, forking could hang the workers: the same lists come from
    the calling process instead."""
    import threading

    from projects.matching import engine as engine_module

    items = [MARINE_CHALLENGE, Item("x", "图像识别"), Item("y", "aluminium")] * 3
    expected = [engine.rank(item, 3) for item in items]

    def refuse(*args, **kwargs):
        raise AssertionError("no process may be forked while other threads run")

    monkeypatch.setattr(engine_module.multiprocessing, "get_context", refuse)
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert engine.rank_many(items, 3, workers=2, chunk=2) == expected
    finally:
        stop.set()
        helper.join()
