"""Contest figures in the statistics: exact counts on the demo contest, the same three
queries whatever the number of entries, and each page's scope — the event's contests on its
dashboard, every contest for administrators, the reader's offices on the outcomes."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from events.contests.judging import advance_to_final, apply_assignment
from events.contests.services import withdraw_entry
from events.demo import contests as demo
from events.models import Contest, Entry, Round
from events.reports import figures_sheet
from events.statistics import Scope
from events.statistics.contests import CONTEST_FIGURES, contest_figures_in
from events.statistics.outcomes import OutcomeScope, outcome_figures
from talentbridge.models import OfficeRole
from tests.events.contests.world import build_contest
from tests.factories import EventFactory, OfficeFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db

CITIES = sorted(demo.CITIES)


def totals(figures: dict) -> tuple:
    return tuple(figures[key] for key in ("entries", "finalists", "awarded", "posted", "landed"))


@pytest.fixture
def summit():
    """Office 福建省引进人才服务中心 runs a summit with a contest held at it (one submitted entry
    of 小派科技 in 人工智能, 山东省青岛市); office 崂山区委组织部 runs a contest of its own."""
    office = OfficeFactory(name="福建省引进人才服务中心")
    manager = member_of(office, OfficeRole.MANAGER, name="福建 管理员")
    event = EventFactory(title="海峡人才峰会", office=office)
    here = build_contest(office=office, manager=manager)
    Contest.objects.filter(pk=here["contest"].pk).update(event=event)
    elsewhere = build_contest(team=UserFactory(name="另一团队"))
    return {"event": event, "manager": manager, "here": here, "elsewhere": elsewhere}


def test_platform_figures_count_the_demo_contest_exactly():
    contest = demo.seed()
    figures = contest_figures_in(Scope())
    # 180 entries, 30 finalists all awarded (一、二、三等奖 and 优秀奖), 小派科技 posted and landed.
    assert totals(figures) == (180, 30, 30, 1, 1)
    assert figures["by_track"] == [("人工智能", 60), ("生物医药", 60), ("虚拟现实", 60)]
    assert figures["by_region"] == [(city, 30) for city in CITIES]
    # Which finalists come from 山东 depends on the row ids the demo's scores derive from;
    # they are counted here row by row.
    shandong = contest_figures_in(Scope(province="山东"))
    rows = Entry.objects.filter(region__startswith="山东").values_list("final_position", "status")
    finalists = sum(1 for position, _status in rows if position)
    awarded = sum(1 for _position, status in rows if status == Entry.Status.AWARDED)
    assert totals(shandong) == (30, finalists, awarded, 1, 1) and finalists == awarded >= 1
    assert contest_figures_in(Scope(until=date(2023, 6, 19)))["entries"] == 0
    assert contest_figures_in(Scope(since=date(2023, 6, 20)))["entries"] == 180

    outcomes = outcome_figures(OutcomeScope(offices=frozenset({contest.office_id})))["totals"]
    assert (outcomes["contest_entries"], outcomes["contest_awarded"]) == (180, 30)
    assert outcomes["contest_landed"] == 1
    other = OfficeFactory(name="金乡县顾问之家")
    nothing = outcome_figures(OutcomeScope(offices=frozenset({other.pk})))["totals"]
    assert (nothing["contest_entries"], nothing["contest_landed"]) == (0, 0)
    assert outcome_figures(OutcomeScope(since=2024))["totals"]["contest_entries"] == 0


def test_figures_take_three_queries_whatever_the_number_of_entries(
    summit, django_assert_num_queries
):
    with django_assert_num_queries(3):
        one = contest_figures_in(Scope(event=summit["event"]))
    assert totals(one) == (1, 0, 0, 0, 0)
    contest = summit["here"]["contest"]
    for n in range(20):
        entry = Entry.objects.create(
            contest=contest,
            track=summit["here"]["vr"],
            owner=UserFactory(),
            team_name=f"团队{n}",
            project_title=f"项目{n}",
            region="福建省福州市",
            status=Entry.Status.SUBMITTED,
        )
    withdraw_entry(entry, actor=entry.owner)
    Entry.objects.create(
        contest=contest, track=summit["here"]["ai"], owner=UserFactory(), status="draft"
    )
    with django_assert_num_queries(3):
        many = contest_figures_in(Scope(event=summit["event"]))
    # a draft and a withdrawn entry do not count
    assert totals(many) == (20, 0, 0, 0, 0)
    assert many["by_track"] == [("虚拟现实", 19), ("人工智能", 1)]
    assert many["by_region"] == [("福建省福州市", 19), ("山东省青岛市", 1)]


def test_a_finalist_counts_once_the_final_is_set_up(summit):
    world = summit["here"]
    apply_assignment(Round.objects.get(contest=world["contest"]), actor=world["manager"])
    advance_to_final(world["contest"], actor=world["manager"])
    assert totals(contest_figures_in(Scope(event=summit["event"]))) == (1, 1, 0, 0, 0)


def test_event_dashboard_counts_only_the_contests_held_at_the_event(summit, client):
    client.force_login(summit["manager"])
    url = reverse("events:stats", args=[summit["event"].pk])
    with CaptureQueriesContext(connection) as first:
        html = client.get(url).content.decode()
    assert 'id="stats-contests"' in html
    contest_table = html.split('class="table-wrap stats-table-contests"')[1].split("</table>")[0]
    assert '<td class="num">1</td>' in contest_table
    # a second contest at the event with two entries: the same number of queries
    more = build_contest(
        office=summit["event"].office, manager=summit["manager"], team=UserFactory(name="第三队")
    )
    Contest.objects.filter(pk=more["contest"].pk).update(event=summit["event"])
    with CaptureQueriesContext(connection) as second:
        html = client.get(url).content.decode()
    assert len(second) == len(first)
    assert '<td class="num">2</td>' in html.split("stats-table-contest_tracks")[1]


def test_a_dashboard_without_contests_shows_no_contest_section(client):
    office = OfficeFactory()
    manager = member_of(office, OfficeRole.MANAGER)
    event = EventFactory(office=office)
    client.force_login(manager)
    html = client.get(reverse("events:stats", args=[event.pk])).content.decode()
    assert 'id="stats-contests"' not in html


def test_admin_overview_counts_every_contest(summit, client, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("events:stats_overview")).content.decode()
    tracks = html.split("stats-table-contest_tracks")[1].split("</table>")[0]
    assert '人工智能</th><td class="num">2</td>' in tracks


def test_outcomes_count_the_contests_of_the_readers_offices(summit, client, admin_user):
    elsewhere = summit["elsewhere"]
    url = reverse("events:outcomes")
    for user, expected in ((summit["manager"], 1), (elsewhere["manager"], 1), (admin_user, 2)):
        client.force_login(user)
        response = client.get(url)
        assert response.context["totals"]["contest_entries"] == expected
    client.force_login(summit["manager"])
    assert client.get(url, {"office": elsewhere["office"].pk}).status_code == 404


def test_workbook_figures_and_report_carry_the_contest_figures(summit, client):
    _title, _headers, rows = figures_sheet(Scope(event=summit["event"]))
    values = dict(rows)
    assert [values[str(label)] for _key, label in CONTEST_FIGURES] == [1, 0, 0, 0]
    assert sum(1 for name, _value in rows if name.endswith("· 人工智能")) == 1
    assert values[next(name for name, _v in rows if name.endswith("· 山东省青岛市"))] == 1
    client.force_login(summit["manager"])
    response = client.get(reverse("events:report_docx", args=[summit["event"].pk]))
    document = Document(io.BytesIO(response.content))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "人工智能" in cells and "山东省青岛市" in cells
