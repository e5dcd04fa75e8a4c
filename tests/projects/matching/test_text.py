"""Tokenisation: Chinese segmentation, English folding and stemming, taxonomy concepts."""

from projects.matching.places import detect_languages, normalize_language, place_parts
from projects.matching.text import Analyzer, organization_key

analyzer = Analyzer()


def words(text: str) -> list[str]:
    return [t for t in analyzer.terms(text) if t[0] not in "~#"]


def concepts(text: str) -> set[str]:
    return {t[1:] for t in analyzer.terms(text) if t.startswith("~")}


def test_segmentation_keeps_known_words_whole():
    assert words("人工智能") == ["人工智能"]
    assert words("海洋传感器") == ["海洋", "传感器"]


def test_segmentation_splits_mixed_text_and_drops_stop_words():
    assert words("我们研究海洋传感器sensor与AI算法") == [
        "研究",
        "海洋",
        "传感器",
        "sensor",
        "ai",
        "算法",
    ]


def test_english_is_case_folded_and_stemmed():
    assert words("Sensors SENSOR sensor") == ["sensor", "sensor", "sensor"]
    assert words("Learning of the Batteries") == ["learn", "batteri"]


def test_full_width_forms_fold_to_ascii():
    assert words("ＡＩ和５Ｇ") == ["ai", "5g"]


def test_numbers_and_single_letters_are_dropped():
    assert words("In 2022 a 3 b vehicles") == ["vehicl"]


def test_chinese_and_english_forms_share_a_concept():
    assert concepts("海洋经济") == {"marine_economy", "marine_science"}
    assert concepts("Marine Economy") == {"marine_economy", "marine_science"}
    assert "virtual_reality" in concepts("VR headset") & concepts("虚拟现实头显")
    assert "aluminium_alloy" in concepts("aluminum alloys") & concepts("铝合金")
    assert "fault_diagnosis" in concepts("Fault Diagnosis") & concepts("故障诊断")


def test_concept_inside_a_longer_chinese_word_is_found():
    assert "sensor" in concepts("传感器件")
    assert concepts("智能制造装备") == {
        "intelligent_equipment",
        "smart_manufacturing",
        "manufacturing",
    }


def test_english_concepts_do_not_bridge_a_chinese_run():
    # "machine" and "learning" are not adjacent in the text.
    assert "machine_learning" not in concepts("machine 的 learning")
    assert "machine_learning" in concepts("machine learning")


def test_mixed_script_form_is_found():
    assert "additive_manufacturing" in concepts("金属3D打印工艺")


def test_tokens_keep_item_surfaces():
    tokens = analyzer.tokens("Ocean Sensors")
    assert [(t.term, t.surface) for t in tokens if t.term[0] not in "~#"] == [
        ("ocean", "ocean"),
        ("sensor", "sensors"),
    ]


def test_concept_of_matches_whole_phrases_only():
    assert analyzer.concept_of("Marine Economy") == "marine_economy"
    assert analyzer.concept_of("海洋经济") == "marine_economy"
    assert analyzer.concept_of("marine economy of fujian") is None


def test_detect_languages():
    assert detect_languages("研发用于海洋监测的传感器 AI") == frozenset({"zh"})
    assert detect_languages("Ocean sensors for monitoring 海洋") == frozenset({"en"})
    assert detect_languages("海洋传感器 ocean sensors") == frozenset({"zh", "en"})
    assert detect_languages("2022") == frozenset()


def test_language_codes_are_normalised():
    assert [normalize_language(c) for c in ["EN", "English", "中文", "zh-Hans", "fr"]] == [
        "en",
        "en",
        "zh",
        "zh",
        "fr",
    ]


def test_place_parts():
    assert place_parts("福建省福州市") == ("福建", "福州")
    assert place_parts("福州") == ("福州",)
    assert place_parts("山东省济宁市金乡县") == ("山东", "济宁", "金乡")
    assert place_parts("安徽省和县") == ("安徽", "和县")
    assert place_parts("Fuzhou, Fujian Province") == ("fujian", "fuzhou")
    assert place_parts("  ") == ()


def test_organisation_boilerplate_is_never_a_term():
    assert analyzer.terms("科技有限公司") == []
    assert analyzer.terms("股份有限公司 集团 有限责任公司") == []
    assert words("Acme Co., Ltd. and Beta Inc. Group") == ["acm", "beta"]
    # What is left of a company name is its own name, as character n-grams only.
    assert analyzer.terms("四创科技有限公司") == ["#四创", "#四", "#创"]


def test_single_characters_are_never_words():
    assert words("四创高科技") == ["高科技"]
    assert words("深海温盐传感器") == ["深海", "传感器"]


def test_unknown_compounds_are_matched_by_character_ngrams():
    grams = {t for t in analyzer.terms("深海温盐传感器") if t.startswith("#")}
    # 温盐 is no dictionary word: jieba leaves 温 and 盐; a long word gives its bigrams.
    assert grams == {"#温盐", "#温", "#盐", "#传感", "#感器"}
    assert "#温盐" in analyzer.terms("温盐深剖面")
    assert not {t for t in Analyzer(char_ngrams=False).terms("深海温盐传感器") if t[0] == "#"}


def test_generic_words_are_weak():
    assert {"平台", "系统", "solut", "platform", "~design"} <= analyzer.weak_terms
    assert "传感器" not in analyzer.weak_terms


def test_organization_key_ignores_legal_forms():
    assert organization_key("四创科技有限公司") == organization_key("四创科技") == "四创"
    assert organization_key("Acme Co., Ltd.") == organization_key("ACME Inc") == "acme"
    assert organization_key("福州大学") == "福州大学"
    assert organization_key("有限公司") == organization_key("  ") == ""
