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

from events import exports
from events.exports import DATASETS, ExportRequest
from events.models import ExportJob, ExportLog
from events.statistics import Scope
from tests.conftest import wait_for

from .stats_world import build_world

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
    assert rows[0][0] == "姓名"
    mentors = [world.mA, world.mB, world.mC, world.mE]
    assert len(rows) == 1 + len(mentors)
    for row, mentor in zip(rows[1:], mentors, strict=True):
        mentor.refresh_from_db()
        with translation.override("zh-hans"):
            honours = "；".join(h.name for h in mentor.honours.all())
            fields = "；".join(f.name for f in mentor.fields.all())
        expected = [
            mentor.name, mentor.title, None, honours, fields, mentor.province, mentor.city,
            mentor.county, mentor.current_city, mentor.country,
            "是" if mentor.is_overseas else "否",
            mentor.phone, mentor.email, mentor.wechat,
        ]  # fmt: skip
        # The phone starting with "+" is neutralised.
        expected[11] = f"'{mentor.phone}" if mentor.phone.startswith("+") else mentor.phone
        assert [text(v) for v in row] == [text(v) for v in expected]


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
    assert rows[0][-3:] == contact_headers("mentors")


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
    monkeypatch.setattr("events.views_stats.ASYNC_THRESHOLD", 5)
    client = client_for(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(event_url(world, "registrations"))
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("events:export_job", args=[job.token])
    # Tasks run in-process in tests: the job is done by the time the page is shown.
    progress = client.get(reverse("events:export_job_progress", args=[job.token]))
    assert b"every 1s" not in progress.content
    assert reverse("events:export_download", args=[job.token]).encode() in progress.content
    download = client.get(reverse("events:export_download", args=[job.token]))
    [rows] = open_xlsx(download).values()
    assert len(rows) == 1 + 8
    job.refresh_from_db()
    assert (job.status, job.done_rows, job.total_rows, job.percent) == ("done", 8, 8, 100)
    assert job.log.row_count == 8


def test_job_progress_polls_while_running(world, organizer, client_for):
    log = ExportLog.objects.create(user=organizer, dataset="mentors", format="csv")
    job = ExportJob.objects.create(
        log=log, user=organizer, language="zh-hans", total_rows=200, done_rows=50,
        status=ExportJob.Status.RUNNING,
    )  # fmt: skip
    response = client_for(organizer).get(reverse("events:export_job_progress", args=[job.token]))
    assert b'hx-trigger="every 1s"' in response.content
    assert b'<progress max="100" value="25">' in response.content


def test_htmx_export_of_a_large_list_redirects_the_page(world, organizer, client_for, monkeypatch):
    monkeypatch.setattr("events.views_stats.ASYNC_THRESHOLD", 1)
    response = client_for(organizer).get(event_url(world, "mentors"), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == reverse(
        "events:export_job", args=[ExportJob.objects.get().token]
    )


def test_expired_link_is_gone(
    world, organizer, client_for, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("events.views_stats.ASYNC_THRESHOLD", 1)
    client = client_for(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(event_url(world, "mentors", "csv"))
    job = ExportJob.objects.get()
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(reverse("events:export_download", args=[job.token]))
    assert response.status_code == 410
    assert exports.purge_expired_exports() == 1
    job.refresh_from_db()
    assert not job.file


def test_someone_elses_job_is_404(world, organizer, admin_user, client_for, monkeypatch):
    monkeypatch.setattr("events.views_stats.ASYNC_THRESHOLD", 1)
    client_for(organizer).get(event_url(world, "mentors", "csv"))
    token = ExportJob.objects.get().token
    for name in ("export_job", "export_job_progress", "export_download"):
        response = client_for(admin_user).get(reverse(f"events:{name}", args=[token]))
        assert response.status_code == 404


def test_running_a_job_twice_changes_nothing(world, organizer, django_capture_on_commit_callbacks):
    request = ExportRequest("mentors", "csv", Scope(event=world.event), with_contacts=False)
    with translation.override("zh-hans"), django_capture_on_commit_callbacks(execute=True):
        job = exports.start_export_job(request, actor=organizer, rows=4)
    job.refresh_from_db()
    name = job.file.name
    assert name.endswith(".csv")
    exports.run_export_job(job.pk)
    job.refresh_from_db()
    assert (job.status, job.file.name) == ("done", name)
    assert ExportLog.objects.count() == 1


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
    job = ExportJob.objects.get()
    assert response["Location"] == reverse("events:export_job", args=[job.token])
    wait_for(lambda: ExportJob.objects.get(pk=job.pk).status == "done", timeout=120)
    job.refresh_from_db()
    try:
        assert (job.total_rows, job.done_rows) == (12_008, 12_008)
        download = client_for(organizer).get(reverse("events:export_download", args=[job.token]))
        rows = open_csv(download)
        assert len(rows) == 1 + 12_008
    finally:
        job.file.delete(save=False)


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
        ["水域监管需求", "需求", "mD", 1, 0.877, "tags:数字经济"]
    ]
