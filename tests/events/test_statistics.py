"""Every figure against the hand-counted world of ``stats_world`` (and the demo summit)."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from events import reports, statistics
from events.models import Event
from events.statistics import Scope
from projects.models import Landing

from .stats_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(organizer):
    return build_world(organizer)


@pytest.fixture
def event_scope(world):
    return Scope(event=world.event)


def counts(rows, key="key"):
    return {row[key]: row["count"] for row in rows}


def test_mentors_by_honour_for_the_event(event_scope):
    assert statistics.mentor_count(event_scope) == 4
    assert counts(statistics.mentors_by_honour(event_scope)) == {
        "h-academician": 2,
        "h-leading": 3,
    }


def test_invited_experts_count_for_the_event_without_other_involvement(world, event_scope):
    from tests.factories import MentorFactory

    invited = MentorFactory(name="特邀专家")
    assert statistics.mentor_count(event_scope) == 4
    event_scope.event.invited_mentors.add(invited)
    assert statistics.mentor_count(event_scope) == 5


def test_mentors_by_honour_across_events_counts_the_directory(world):
    assert statistics.mentor_count(Scope()) == 5
    assert counts(statistics.mentors_by_honour(Scope())) == {"h-academician": 2, "h-leading": 3}


def test_mentees_by_kind_lists_every_kind(event_scope):
    rows = statistics.mentees_by_kind(event_scope)
    assert len(rows) == 7
    assert {k: n for k, n in counts(rows).items() if n} == {"founder": 1, "team": 1}
    assert sum(counts(statistics.mentees_by_kind(Scope())).values()) == 3


def test_organizations_by_kind_for_the_event_and_across(event_scope):
    assert {
        k: n for k, n in counts(statistics.organizations_by_kind(event_scope)).items() if n
    } == {
        "enterprise": 2,
        "government": 1,
    }
    assert {k: n for k, n in counts(statistics.organizations_by_kind(Scope())).items() if n} == {
        "enterprise": 2,
        "government": 1,
        "university": 1,
    }


def test_demand_organizations(event_scope):
    assert statistics.demand_organizations(event_scope) == 1
    assert statistics.demand_organizations(Scope()) == 2


def stage_table(scope):
    return {
        row["key"]: (row["projects"], row["challenges"])
        for row in statistics.postings_by_stage(scope)
    }


def test_postings_by_stage_for_the_event(event_scope):
    assert stage_table(event_scope) == {
        "collected": (2, 1),
        "published": (2, 1),
        "posted_on_site": (1, 1),
        "roadshow": (1, 0),
        "claimed": (2, 1),
        "accepted": (1, 1),
        "in_progress": (1, 1),
        "solved": (1, 0),
        "landed": (1, 0),
    }


def test_postings_by_stage_across_events_counts_a_landing_record_as_landed(world):
    assert stage_table(Scope()) == {
        "collected": (3, 2),
        "published": (3, 1),
        "posted_on_site": (1, 1),
        "roadshow": (1, 0),
        "claimed": (2, 1),
        "accepted": (1, 1),
        "in_progress": (2, 1),
        "solved": (2, 0),
        "landed": (2, 0),
    }


def test_claims_by_status(event_scope):
    assert counts(statistics.claims_by_status(event_scope)) == {
        "submitted": 1,
        "accepted": 2,
        "declined": 1,
        "withdrawn": 0,
    }


def test_pairings_formed_and_celebrated(event_scope):
    figures = statistics.pairing_figures(event_scope)
    assert (figures["formed"], figures["celebrated"]) == (2, 1)
    across = statistics.pairing_figures(Scope())
    assert (across["formed"], across["celebrated"]) == (2, 1)
    assert {k: n for k, n in counts(across["by_status"]).items() if n} == {
        "accepted": 1,
        "celebrated": 1,
        "dissolved": 1,
        "proposed": 1,
    }


def test_pairings_by_field(event_scope):
    assert counts(statistics.pairings_by_field(event_scope)) == {"f-digital": 1, "f-marine": 1}


def test_registrations_by_category_with_no_shows(event_scope):
    result = statistics.registrations_by_category(event_scope)
    table = {
        row["label"]: tuple(row[c] for c in statistics.attendance.COLUMNS) for row in result["rows"]
    }
    # registered, checked in, no-show, waitlisted, cancelled
    assert table == {"嘉宾": (3, 1, 1, 1, 1), "专家": (2, 1, 1, 0, 0), "徒弟": (1, 0, 1, 0, 0)}
    assert result["total"] == {
        "registered": 6,
        "checked_in": 2,
        "no_show": 3,
        "waitlisted": 1,
        "cancelled": 1,
    }


def test_registrations_by_category_across_events_groups_by_kind(world):
    with translation.override("en"):
        rows = statistics.registrations_by_category(Scope())["rows"]
    registered = {row["label"]: row["registered"] for row in rows if row["registered"]}
    assert registered == {"Guest": 4, "Expert": 2, "Mentee": 1}


def test_registrations_over_time(event_scope):
    assert statistics.registrations_over_time(event_scope) == [
        {"day": "2026-11-01", "count": 4, "cumulative": 4},
        {"day": "2026-11-03", "count": 4, "cumulative": 8},
    ]


def test_investment_and_coverage(event_scope):
    assert statistics.investment(event_scope) == {
        "landings": 1,
        "intended": 30_000_000,
        "signed": 10_000_000,
    }
    assert statistics.investment(Scope()) == {
        "landings": 2,
        "intended": 35_000_000,
        "signed": 10_000_000,
    }
    assert statistics.landing_coverage(Scope()) == {
        "provinces": 2,
        "cities": 2,
        "counties": 2,
        "towns": 0,
        "villages": 0,
    }


def test_landings_by_region_levels(world):
    by_province = statistics.landings_by_region(Scope(), "province")
    assert [(r["label"], r["count"], r["intended"]) for r in by_province] == [
        ("山东省", 1, 5_000_000),
        ("福建省", 1, 30_000_000),
    ]
    by_county = statistics.landings_by_region(Scope(event=world.event), "county")
    assert [(r["label"], r["signed"]) for r in by_county] == [("福建省福州市晋安区", 10_000_000)]


def test_overseas_and_domestic_experts(event_scope):
    assert statistics.experts_by_residence(event_scope) == {
        "domestic": 3,
        "overseas": 1,
        "countries": [{"label": "德国", "count": 1}],
    }


def test_hometown_experts_of_the_event_city(event_scope):
    assert statistics.hometown_experts(event_scope) == {
        "home": "福州市",
        "count": 2,
        "rows": [{"label": "慕尼黑", "count": 1}, {"label": "福州", "count": 1}],
    }


def test_filter_by_field(world):
    scope = Scope(field=world.F1)
    assert statistics.mentor_count(scope) == 2
    assert stage_table(scope)["collected"] == (1, 1)


def test_filter_by_region(world):
    scope = Scope(province="山东省")
    assert statistics.mentor_count(scope) == 1
    assert statistics.investment(scope)["intended"] == 5_000_000
    assert statistics.hometown_experts(scope)["rows"] == [{"label": "北京", "count": 1}]


def test_filter_by_period(world):
    scope = Scope(event=world.event, since=date(2026, 11, 2))
    assert statistics.registrations_by_category(scope)["total"]["registered"] == 3
    assert statistics.mentor_count(Scope(since=date(2021, 1, 1))) == 4
    assert statistics.investment(Scope(until=date(2025, 12, 31)))["landings"] == 1


def test_headline_and_paragraph_in_both_languages(world):
    figures = statistics.figures(Scope(event=world.event))
    assert figures["headline"]["collected"] == 3
    zh, en = reports.bilingual_paragraphs(world.event, figures)
    assert "共征集3个项目和需求（成果2项、需求1项）" in zh["text"]
    assert "2个通过现场张榜" in zh["text"]
    assert "意向投资3000万元" in zh["text"]
    assert "It collected 3 projects and demands (2 projects, 1 demands)" in en["text"]
    assert "intended investment of ¥30 million" in en["text"]


@pytest.mark.parametrize(
    ("amount", "zh", "en"),
    [
        (3_500_000_000, "35亿元", "¥3.5 billion"),
        (92_000_000, "9200万元", "¥92 million"),
        (5_000, "5000元", "¥5,000"),
    ],
)
def test_format_yuan(amount, zh, en):
    with translation.override("zh-hans"):
        assert reports.format_yuan(amount) == zh
    with translation.override("en"):
        assert reports.format_yuan(amount) == en


@pytest.mark.parametrize(
    ("province", "name"),
    [
        ("福建省", "福建"),
        ("广西壮族自治区", "广西"),
        ("北京市", "北京"),
        ("香港特别行政区", "香港"),
    ],
)
def test_map_name(province, name):
    assert reports.map_name(province) == name


@pytest.mark.slow
def test_demo_summit_gives_the_reports_figures():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - discarded output
    event = Event.objects.get(kind=Event.Kind.SUMMIT)
    across = statistics.figures(Scope())
    # Platform-wide: the summit's 40 experts, the 30 Qingdao commissioners of the demo,
    # 金乡县's 60 hometown experts (7 of whom are among the summit's) and the 707 experts of the
    # Fujian programme's six years.
    assert across["headline"]["mentors"] == 40 + 30 + 60 - 7 + 707
    assert counts(across["mentors_by_honour"])["academician"] == 6
    # The summit's 53, the contest winner's project put on the board, and the programme's
    # 3,063 projects collected over six years.
    assert across["stages"][0]["projects"] == 53 + 1 + 3063
    # The summit's 28 enterprises, and the 20 Qingdao firms whose commissioners' drafts they
    # submitted as demands.
    assert across["headline"]["demand_organizations"] == 28 + 20
    summit = statistics.figures(Scope(event=event))["headline"]
    assert (summit["collected"], summit["posted_on_site"], summit["roadshow"]) == (53, 19, 34)
    assert (summit["registered"], summit["checked_in"], summit["no_show"]) == (279, 152, 127)
    assert summit["mentors"] == 40
    assert summit["pairings_formed"] == 15
    assert (summit["landed"], summit["intended"]) == (3, 92_000_000)


def test_landing_coverage_counts_distinct_towns_and_villages_where_recorded(world):
    Landing.objects.filter(project=world.P2).update(town="宦溪镇", village="降虎村")
    Landing.objects.filter(project=world.P3).update(town="金乡镇")
    Landing.objects.create(
        project=world.P1,
        province="福建省",
        city="福州市",
        county="晋安区",
        town="宦溪镇",
        village="板桥村",
        landed_on=date(2026, 11, 6),
    )
    assert statistics.landing_coverage(Scope()) == {
        "provinces": 2,
        "cities": 2,
        "counties": 2,
        "towns": 2,
        "villages": 2,
    }
    figures = statistics.figures(Scope())
    headline = figures["headline"]
    assert (headline["counties"], headline["towns"], headline["villages"]) == (2, 2, 2)
    event_headline = statistics.figures(Scope(event=world.event))["headline"]
    assert (event_headline["towns"], event_headline["villages"]) == (1, 2)
    with translation.override("zh-hans"):
        cards = {card["label"]: card["value"] for card in reports.headline_cards(figures)}
    assert (cards["覆盖乡镇（街道）"], cards["覆盖村（社区）"]) == (2, 2)


@pytest.mark.parametrize("reader", ["en", "zh-hans"])
def test_each_paragraph_is_written_wholly_in_its_own_language(world, reader):
    with translation.override(reader):
        figures = statistics.figures(Scope(event=world.event))
        zh, en = reports.bilingual_paragraphs(world.event, figures)
    assert "2位院士、3位领军人才" in zh["text"]
    assert "Academician" not in zh["text"] and "Leading talent" not in zh["text"]
    assert "2 with the honour “Academician”" in en["text"]
    assert "院士" not in en["text"] and "领军人才" not in en["text"]


def test_the_paragraph_of_an_upcoming_event_speaks_of_the_future(world):
    figures = statistics.figures(Scope(event=world.event))
    zh, en = reports.bilingual_paragraphs(world.event, figures)
    assert "将于" in zh["text"] and "目前已有6人报名。" in zh["text"]
    assert "签到" not in zh["text"]
    assert "takes place" in en["text"] and "So far 6 people have registered." in en["text"]
    assert "checked in" not in en["text"]


def test_the_paragraph_of_a_past_event_speaks_of_the_past(world):
    held = world.event
    held.starts_at = timezone.now() - timedelta(days=12)
    held.ends_at = held.starts_at + timedelta(hours=8)
    held.save()
    figures = statistics.figures(Scope(event=held))
    zh, en = reports.bilingual_paragraphs(held, figures)
    assert "隆重举行" in zh["text"] and "将于" not in zh["text"]
    assert "共有6人报名，2人签到出席。" in zh["text"]
    assert "was held" in en["text"] and "6 people registered and 2 checked in." in en["text"]


def test_report_tables_and_cards_group_thousands(world):
    figures = statistics.figures(Scope(event=world.event))
    provinces = {t["key"]: t for t in reports.tables(figures)}["provinces"]
    assert provinces["rows"] == [["福建省", 1, 30_000_000, 10_000_000]]
    assert [reports.grouped(v) for v in provinces["rows"][0]] == [
        "福建省",
        "1",
        "30,000,000",
        "10,000,000",
    ]
    assert reports.grouped(True) is True
