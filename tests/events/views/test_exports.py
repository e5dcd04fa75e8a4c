"""Exports: workbooks and CSV files opened and checked cell by cell against the database;
contact columns, formula neutralising, the log, background jobs and expiring links."""

import csv
import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from events.exports import DATASETS
from events.exports.jobs import purge_expired_exports
from events.models import ExportJob, ExportLog
from events.statistics import Scope
from mentors.models import Mentor
from mentors.services import preview_import
from mentors.spreadsheets.columns import COLUMNS
from mentors.spreadsheets.planning import normalize_phone
from talentbridge.models import Job
from tests.conftest import wait_for

from ..stats_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(organizer):
    return build_world(organizer)


def open_xlsx(response) -> dict:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    workbook = load_workbook(io.BytesIO(body), read_only=True)
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook
    }


def open_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def event_url(world, dataset, fmt="xlsx"):
    return reverse("events:export", args=[world.event.pk, dataset, fmt])


def text(value):
    return "" if value is None else value


def test_mentors_workbook_matches_the_database_cell_by_cell(world, organizer, client_for):
    response = client_for(organizer).get(event_url(world, "mentors"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    [rows] = open_xlsx(response).values()
    with translation.override("zh-hans"):
        assert rows[0] == DATASETS["mentors"].headers(with_contacts=True)
    # The import template's columns, so that the file can be edited and imported again.
    assert rows[0] == [column.header for column in COLUMNS["mentors"]]
    assert rows[0][0] == "姓名 / Name"
    mentors = [world.mA, world.mB, world.mC, world.mE]
    assert len(rows) == 1 + len(mentors)
    for row, mentor in zip(rows[1:], mentors, strict=True):
        mentor.refresh_from_db()
        honours = "；".join(h.name_zh for h in mentor.honours.all())
        fields = "；".join(f.name_zh for f in mentor.fields.all())
        expected = [
            mentor.name, mentor.title, "", honours, fields, mentor.research_fields,
            mentor.phone, mentor.email, mentor.wechat, mentor.province, mentor.city,
            mentor.county, mentor.current_city, mentor.country, mentor.languages,
            str(mentor.capacity), mentor.bio, mentor.achievements,
        ]  # fmt: skip
        # The phone starting with "+" is neutralised.
        expected[6] = f"'{mentor.phone}" if mentor.phone.startswith("+") else mentor.phone
        assert [text(v) for v in row] == expected


@pytest.mark.parametrize("kind", ["mentors", "mentees", "organizations"])
def test_people_export_imports_back_unchanged(world, organizer, client_for, kind):
    """The round trip: an exported list, imported again, changes nothing."""
    # Forms and imports store phones normalised; the world keeps one raw (+86…) to test the
    # formula guard, so it is normalised here as a saved profile would be.
    Mentor.objects.filter(pk=world.mA.pk).update(phone=normalize_phone(world.mA.phone))
    response = client_for(organizer).get(event_url(world, kind))
    plan = preview_import(kind, f"{kind}.xlsx", response.content)
    assert plan.file_errors == []
    assert plan.counts["unchanged"] == len(plan.rows) > 0, [r.errors for r in plan.rows]


def test_organisations_sheet_names_its_name_column_for_organisations(world, organizer, client_for):
    [rows] = open_xlsx(client_for(organizer).get(event_url(world, "organizations"))).values()
    assert rows[0][0] == "单位名称 / Name"
    assert "姓名" not in rows[0][0]


@pytest.mark.parametrize(
    ("dataset", "query", "names"),
    [
        ("mentors", "honour=h-academician", ["mA", "mC"]),
        ("mentors", "region=overseas", ["mB"]),
        ("mentors", "hometown=金乡县", ["mC"]),
        ("mentees", "kind=team", ["meB"]),
        ("organizations", "kind=university", ["济宁学院"]),
    ],
)
def test_directory_filters_narrow_the_people_export_and_are_logged(
    world, other_organizer, client_for, dataset, query, names
):
    url = reverse("events:platform_export", args=[dataset, "csv"])
    rows = open_csv(client_for(other_organizer).get(f"{url}?{query}"))
    assert [row[0] for row in rows[1:]] == names
    key, value = query.split("=")
    entry = ExportLog.objects.get()
    assert (entry.dataset, entry.filters, entry.row_count) == (dataset, {key: value}, len(names))


def test_people_export_combines_the_directory_filters_with_the_scope(world, admin_user, client_for):
    url = reverse("events:platform_export", args=["mentors", "csv"])
    rows = open_csv(client_for(admin_user).get(f"{url}?honour=h-academician&province=山东省"))
    assert [row[0] for row in rows[1:]] == ["mC"]
    assert ExportLog.objects.get().filters == {"province": "山东省", "honour": "h-academician"}


def test_people_export_ignores_unknown_and_bad_directory_values(world, other_organizer, client_for):
    url = reverse("events:platform_export", args=["mentors", "csv"])
    response = client_for(other_organizer).get(f"{url}?honour=nothing&sort=x&page=2&evil=1")
    assert len(open_csv(response)) == 1 + 5
    assert ExportLog.objects.get().filters == {}


def test_registrations_csv_in_english_with_bom_and_contacts(world, organizer, client_for):
    client = client_for(organizer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    rows = open_csv(client.get(event_url(world, "registrations", "csv")))
    assert rows[0] == [
        "Event", "Name", "Category", "Status", "Organisation", "Title / position",
        "Registered on", "Checked in at", "E-mail address", "Mobile phone", "Check-in code",
    ]  # fmt: skip
    registrations = world.event.registrations.select_related("user", "category").order_by(
        "category__order", "created_at", "id"
    )
    assert len(rows) == 1 + registrations.count() == 9
    for row, registration in zip(rows[1:], registrations, strict=True):
        with translation.override("en"):
            status = registration.get_status_display()
        assert row[:4] == [
            world.event.title,
            registration.user.name,
            registration.category.name,
            status,
        ]
        assert row[6] == timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M")
        assert row[8:] == [
            registration.user.email,
            registration.user.phone,
            registration.display_code,
        ]


def test_formula_in_a_title_is_neutralised(world, organizer, client_for):
    [rows] = open_xlsx(client_for(organizer).get(event_url(world, "postings"))).values()
    titles = [row[1] for row in rows[1:]]
    assert titles == ['\'=HYPERLINK("http://x")', "闸泵站诊断", "水域监管需求"]
    csv_rows = open_csv(client_for(organizer).get(event_url(world, "postings", "csv")))
    assert csv_rows[1][1] == '\'=HYPERLINK("http://x")'


def test_postings_rows_show_on_site_roadshow_and_status(world, organizer, client_for):
    [rows] = open_xlsx(client_for(organizer).get(event_url(world, "postings"))).values()
    # board, title, poster, status, fields, province, city, county, on site, roadshow, order
    assert [row[0] for row in rows[1:]] == ["项目", "项目", "需求"]
    assert [(row[8], row[9], row[10]) for row in rows[1:]] == [
        ("是", "项目分享会", 1),
        ("否", None, None),
        ("是", None, None),
    ]
    assert rows[2][12] == 20_000_000


def contact_headers(dataset: str) -> list[str]:
    with translation.override("zh-hans"):
        return [str(c.header) for c in DATASETS[dataset].columns if c.contact]


def test_platform_export_by_an_organizer_has_no_contact_columns(world, other_organizer, client_for):
    response = client_for(other_organizer).get(
        reverse("events:platform_export", args=["mentors", "csv"])
    )
    rows = open_csv(response)
    assert set(contact_headers("mentors")).isdisjoint(rows[0])
    assert len(rows) == 1 + 5
    assert ExportLog.objects.get().with_contacts is False


def test_platform_export_by_an_admin_has_contact_columns(world, admin_user, client_for):
    rows = open_csv(
        client_for(admin_user).get(reverse("events:platform_export", args=["mentors", "csv"]))
    )
    assert set(contact_headers("mentors")) <= set(rows[0])


def test_every_export_is_logged(world, organizer, client_for):
    client = client_for(organizer)
    client.get(event_url(world, "claims", "csv") + "?province=福建省")
    client.get(reverse("events:report_docx", args=[world.event.pk]))
    first, second = ExportLog.objects.order_by("id")
    assert (first.user, first.event, first.dataset, first.format) == (
        organizer,
        world.event,
        "claims",
        "csv",
    )
    assert (first.row_count, first.with_contacts, first.filters) == (
        4,
        True,
        {"province": "福建省"},
    )
    assert (second.dataset, second.format) == ("report", "docx")


def test_whole_event_workbook_has_a_sheet_per_list(world, organizer, client_for):
    sheets = open_xlsx(client_for(organizer).get(event_url(world, "workbook")))
    with translation.override("zh-hans"):
        names = ["统计数据", *(str(d.label) for d in DATASETS.values())]
    assert list(sheets) == names
    scope = Scope(event=world.event)
    for dataset in DATASETS.values():
        with translation.override("zh-hans"):
            rows = sheets[str(dataset.label)]
        assert len(rows) - 1 == dataset.count(scope), dataset.key
    figures = dict(sheets["统计数据"][1:])
    assert (figures["征集项目与需求"], figures["签约投资"]) == (3, 10_000_000)


def test_workbook_of_the_platform_does_not_exist(world, admin_user, client_for):
    response = client_for(admin_user).get(
        reverse("events:platform_export", args=["workbook", "xlsx"])
    )
    assert response.status_code == 404


@pytest.mark.parametrize("path", ["mentors.pdf", "nothing.csv"])
def test_unknown_list_or_format_is_404(world, organizer, client_for, path):
    dataset, fmt = path.split(".")
    assert client_for(organizer).get(event_url(world, dataset, fmt)).status_code == 404


def test_large_export_becomes_a_job_with_progress_and_a_link(
    world, organizer, client_for, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("events.views.exports.ASYNC_THRESHOLD", 5)
    client = client_for(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(event_url(world, "registrations"))
    export = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("events:export_job", args=[export.token])
    # Tasks run in-process in tests: the job is done by the time the page polls; the poll
    # sends the page to the job's page, which holds the link and polls no more.
    progress = client.get(
        reverse("events:export_job_progress", args=[export.token]), HTTP_HX_REQUEST="true"
    )
    assert progress["HX-Redirect"] == reverse("events:export_job", args=[export.token])
    page = client.get(reverse("events:export_job", args=[export.token]))
    assert b"every 1s" not in page.content
    assert reverse("events:export_download", args=[export.token]).encode() in page.content
    download = client.get(reverse("events:export_download", args=[export.token]))
    [rows] = open_xlsx(download).values()
    assert len(rows) == 1 + 8
    job = Job.objects.get(pk=export.job_id)
    assert (job.status, job.done, job.total, job.percent) == ("done", 8, 8, 100)
    assert (job.kind, job.started_by) == ("events.export", organizer)
    assert export.log.row_count == 8


def test_job_progress_polls_while_running(world, organizer, client_for):
    log = ExportLog.objects.create(user=organizer, dataset="mentors", format="csv")
    job = Job.objects.create(
        kind="events.export", started_by=organizer, total=200, done=50, status=Job.Status.RUNNING
    )
    export = ExportJob.objects.create(job=job, log=log, language="zh-hans")
    url = reverse("events:export_job_progress", args=[export.token])
    response = client_for(organizer).get(url, HTTP_HX_REQUEST="true")
    assert b'hx-trigger="every 1s"' in response.content
    assert b'<progress max="100" value="25">' in response.content


def test_htmx_export_of_a_large_list_redirects_the_page(world, organizer, client_for, monkeypatch):
    monkeypatch.setattr("events.views.exports.ASYNC_THRESHOLD", 1)
    response = client_for(organizer).get(event_url(world, "mentors"), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == reverse(
        "events:export_job", args=[ExportJob.objects.get().token]
    )


def test_expired_link_is_gone(
    world, organizer, client_for, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("events.views.exports.ASYNC_THRESHOLD", 1)
    client = client_for(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(event_url(world, "mentors", "csv"))
    job = ExportJob.objects.get()
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(reverse("events:export_download", args=[job.token]))
    assert response.status_code == 410
    assert purge_expired_exports() == 1
    job.refresh_from_db()
    assert not job.file


def test_someone_elses_job_is_404(world, organizer, admin_user, client_for, monkeypatch):
    monkeypatch.setattr("events.views.exports.ASYNC_THRESHOLD", 1)
    client_for(organizer).get(event_url(world, "mentors", "csv"))
    token = ExportJob.objects.get().token
    for name in ("export_job", "export_job_progress", "export_download"):
        response = client_for(admin_user).get(reverse(f"events:{name}", args=[token]))
        assert response.status_code == 404


@pytest.mark.postgres
@pytest.mark.celery
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_large_export_job_runs_in_a_real_worker(celery_worker, organizer, client_for, settings):
    # The worker process writes into its own MEDIA_ROOT; read the file from there.
    settings.MEDIA_ROOT = settings.BASE_DIR / "private"
    world = build_world(organizer)
    category = world.event.categories.get(name="嘉宾")
    from events.models import Registration
    from tests.events.conftest import make_users

    Registration.objects.bulk_create(
        Registration(event=world.event, category=category, user=user, status="confirmed")
        for user in make_users(12_000, prefix="bulk")
    )
    response = client_for(organizer).get(event_url(world, "registrations", "csv"))
    export = ExportJob.objects.get()
    assert response["Location"] == reverse("events:export_job", args=[export.token])
    wait_for(lambda: Job.objects.get(pk=export.job_id).status == "done", timeout=120)
    export.refresh_from_db()
    job = Job.objects.get(pk=export.job_id)
    try:
        assert (job.total, job.done) == (12_008, 12_008)
        url = reverse("events:export_download", args=[export.token])
        rows = open_csv(client_for(organizer).get(url))
        assert len(rows) == 1 + 12_008
    finally:
        export.file.delete(save=False)


def test_suggestions_of_the_event_postings_are_exported(world, organizer, client_for):
    from projects.models import MatchSuggestion

    MatchSuggestion.objects.create(
        challenge=world.C1, mentor=world.mD, rank=1, score=0.8766, reasons=["tags:数字经济"],
        engine_version="v1",
    )  # fmt: skip
    MatchSuggestion.objects.create(
        for_mentee=world.meC, mentor=world.mA, rank=1, score=0.5, engine_version="v1"
    )
    [rows] = open_xlsx(client_for(organizer).get(event_url(world, "suggestions"))).values()
    assert [row[:6] for row in rows[1:]] == [
        ["水域监管需求", "需求", "mD", 1, 0.877, "共同领域：数字经济"]
    ]


def test_a_failed_export_offers_a_retry_that_writes_it(
    world, organizer, client_for, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("events.views.exports.ASYNC_THRESHOLD", 1)
    client = client_for(organizer)

    def disk_full(*args):
        raise OSError("No space left on device")

    monkeypatch.setattr("events.exports.jobs.write_export", disk_full)
    with pytest.raises(OSError), django_capture_on_commit_callbacks(execute=True):
        client.get(event_url(world, "mentors", "csv"))
    export = ExportJob.objects.get()
    assert Job.objects.get(pk=export.job_id).status == Job.Status.FAILED
    retry_url = reverse("events:export_retry", args=[export.token])
    assert (
        retry_url.encode() in client.get(reverse("events:export_job", args=[export.token])).content
    )
    monkeypatch.undo()
    monkeypatch.setattr("events.views.exports.ASYNC_THRESHOLD", 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(retry_url)
    assert response["Location"] == reverse("events:export_job", args=[export.token])
    job = Job.objects.get(pk=export.job_id)
    assert (job.status, job.error) == (Job.Status.DONE, "")
    assert client.get(reverse("events:export_download", args=[export.token])).status_code == 200
