"""Statistics pages: the permission matrix, the dashboard's data and filters, the report and
its .docx, and the export log."""

import io
import json
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from events.models import ExportLog

from ..stats_world import build_world

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "mentor_user", "mentee_user", "enterprise_user", "other_organizer"]
ROLES += ["organizer", "admin_user"]
EVENT_ONLY = {"organizer": 200, "admin_user": 200}
MATRIX = [
    ("stats_overview", None, {"other_organizer": 200, "organizer": 200, "admin_user": 200}),
    ("export_log", None, {"admin_user": 200}),
    ("platform_mentors", None, {"other_organizer": 200, "organizer": 200, "admin_user": 200}),
    ("platform_registrations", None, {"admin_user": 200}),
    ("stats", "event", EVENT_ONLY),
    ("report", "event", EVENT_ONLY),
    ("report_docx", "event", EVENT_ONLY),
    ("export_mentors", "event", EVENT_ONLY),
    ("export_workbook", "event", EVENT_ONLY),
]


@pytest.fixture
def world(organizer):
    return build_world(organizer)


def url_for(name: str, world) -> str:
    pk = world.event.pk
    return {
        "stats_overview": reverse("events:stats_overview"),
        "export_log": reverse("events:export_log"),
        "platform_mentors": reverse("events:platform_export", args=["mentors", "csv"]),
        "platform_registrations": reverse("events:platform_export", args=["registrations", "csv"]),
        "stats": reverse("events:stats", args=[pk]),
        "report": reverse("events:report", args=[pk]),
        "report_docx": reverse("events:report_docx", args=[pk]),
        "export_mentors": reverse("events:export", args=[pk, "mentors", "csv"]),
        "export_workbook": reverse("events:export", args=[pk, "workbook", "xlsx"]),
    }[name]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "scope", "allowed"), MATRIX, ids=[m[0] for m in MATRIX])
def test_permission_matrix(world, request, client, client_for, role, name, scope, allowed):
    if role != "anonymous":
        client = client_for(request.getfixturevalue(role))
    response = client.get(url_for(name, world))
    expected = 302 if role == "anonymous" else allowed.get(role, 404)
    assert response.status_code == expected


def chart_data(response) -> dict:
    html = response.content.decode()
    match = re.search(r'<script id="stats-chart-data" type="application/json">(.*?)</script>', html)
    return json.loads(match.group(1))


def test_dashboard_shows_cards_charts_and_tables(world, organizer, client_for):
    response = client_for(organizer).get(reverse("events:stats", args=[world.event.pk]))
    html = response.content.decode()
    for kind in ("funnel", "fields", "map", "days"):
        assert f'data-chart="{kind}"' in html
    data = chart_data(response)
    assert [item["value"] for item in data["funnel"]] == [3, 3, 3, 2, 2, 1, 1]
    assert data["map"] == [{"name": "福建", "value": 1, "label": "福建省"}]
    assert [day["count"] for day in data["days"]] == [4, 4]
    # Only data blocks and external scripts: no inline JavaScript, no style attributes.
    assert re.findall(r"<script(?![^>]*(?:src=|application/json))", html) == []
    assert "style=" not in html
    assert "events/charts.js" in html


def test_dashboard_filters_update_the_figures_by_htmx(world, organizer, client_for):
    response = client_for(organizer).get(
        reverse("events:stats", args=[world.event.pk]),
        {"field": world.F1.slug},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert html.startswith('<div id="stats-figures">')
    assert "<html" not in html
    assert chart_data(response)["funnel"][0]["value"] == 2
    assert "?field=f-digital" in html  # the export links keep the filters


def test_dashboard_with_a_reversed_period_explains_and_counts_everything(
    world, organizer, client_for
):
    response = client_for(organizer).get(
        reverse("events:stats", args=[world.event.pk]),
        {"since": "2026-12-01", "until": "2026-01-01"},
    )
    assert response.status_code == 200
    assert "结束日期早于起始日期。" in response.content.decode()
    assert chart_data(response)["funnel"][0]["value"] == 3


def test_dashboard_with_a_bad_date_does_not_fail(world, organizer, client_for):
    response = client_for(organizer).get(
        reverse("events:stats", args=[world.event.pk]), {"since": "not-a-date", "field": "x"}
    )
    assert response.status_code == 200


def test_admin_overview_lists_events_and_figures_across_events(world, admin_user, client_for):
    response = client_for(admin_user).get(reverse("events:stats_overview"))
    html = response.content.decode()
    assert world.event.title in html and world.other_event.title in html
    assert chart_data(response)["funnel"][0]["value"] == 5


def test_organizer_overview_lists_only_their_events(world, other_organizer, client_for):
    response = client_for(other_organizer).get(reverse("events:stats_overview"))
    html = response.content.decode()
    assert world.event.title not in html
    assert "stats-chart-data" not in html
    assert reverse("events:platform_export", args=["mentors", "xlsx"]) in html
    assert reverse("events:platform_export", args=["claims", "xlsx"]) not in html


def test_nav_and_manage_page_link_to_statistics(world, organizer, mentor_user, client_for):
    page = client_for(organizer).get(reverse("events:manage", args=[world.event.pk]))
    html = page.content.decode()
    assert reverse("events:stats", args=[world.event.pk]) in html
    assert reverse("events:stats_overview") in html
    other = client_for(mentor_user).get(reverse("events:list")).content.decode()
    assert reverse("events:stats_overview") not in other


def test_report_has_both_paragraphs_and_the_tables(world, organizer, client_for):
    client = client_for(organizer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("events:report", args=[world.event.pk])).content.decode()
    assert "此次大会共征集3个项目和需求" in html
    assert "It collected 3 projects and demands" in html
    assert "Registrations by category" in html
    assert 'lang="zh-hans"' in html and 'lang="en"' in html


def test_report_docx_opens_and_holds_the_report(world, organizer, client_for):
    response = client_for(organizer).get(reverse("events:report_docx", args=[world.event.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "此次大会共征集3个项目和需求" in text
    assert "It collected 3 projects and demands" in text
    assert len(document.tables) == 1 + 13
    assert document.tables[0].rows[3].cells[1].text == "3"  # projects and demands collected


def _log_rows(count: int, user):
    ExportLog.objects.bulk_create(
        ExportLog(user=user, dataset="mentors", format="csv", row_count=n) for n in range(count)
    )


def test_export_log_runs_a_constant_number_of_queries(admin_user, client_for):
    client = client_for(admin_user)

    def measure(count: int) -> int:
        ExportLog.objects.all().delete()
        _log_rows(count, admin_user)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("events:export_log"))
        assert response.content.decode().count("<tr>") == 1 + count
        return len(captured)

    assert measure(1) == measure(20)


def test_report_paragraphs_keep_their_language_from_either_ui(world, organizer, client_for):
    client = client_for(organizer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("events:report", args=[world.event.pk])).content.decode()
    zh = re.search(r'<section class="card stats-paragraph" lang="zh-hans">(.*?)</section>', html)
    assert "2位院士、3位领军人才" in zh.group(1)
    assert "Academician" not in zh.group(1)
    response = client.get(reverse("events:report_docx", args=[world.event.pk]))
    paragraphs = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    chinese = next(text for text in paragraphs if "此次大会" in text)
    english = next(text for text in paragraphs if "It collected" in text)
    assert "Academician" not in chinese and "院士" not in english


def test_report_shows_amounts_with_thousands_separators(world, organizer, client_for):
    html = client_for(organizer).get(reverse("events:report", args=[world.event.pk]))
    assert '<td class="num">30,000,000</td>' in html.content.decode()
    assert "30000000" not in html.content.decode()
    response = client_for(organizer).get(reverse("events:report_docx", args=[world.event.pk]))
    cells = {
        cell.text for table in Document(io.BytesIO(response.content)).tables for row in
        table.rows for cell in row.cells
    }  # fmt: skip
    assert "30,000,000" in cells and "30000000" not in cells
