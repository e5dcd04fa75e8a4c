"""The call's import pages: templates, upload and dry run, commit, and refusals."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from events.models import EventPosting
from mentors.models import IndustryChain
from projects.models import Project
from tests.events.services.test_call_import import PROJECT_HEADER, _project
from tests.mentors.sheets import csv_bytes

from .pages import client_as as logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def marine(db):
    IndustryChain.objects.create(
        slug="marine_economy", name_zh="海洋经济", name_en="Marine economy"
    )


def client_as(user):
    """A client logged in as ``user``, reading the portal in English."""
    client = logged_in(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _upload(client, event, rows, *, name="p.csv", kind="projects", data=None):
    data = csv_bytes(rows, PROJECT_HEADER) if data is None else data
    return client.post(
        reverse("events:call_import", args=[event.pk]),
        {"kind": kind, "file": SimpleUploadedFile(name, data)},
    )


def test_the_templates_have_the_bilingual_headers(open_call, organizer):
    client = client_as(organizer)
    for kind, last in (("projects", "意向投资（元） / Intended investment (yuan)"),
                       ("challenges", "悬赏面议 / Reward negotiable")):  # fmt: skip
        url = reverse("events:call_import_template", args=[open_call.pk, kind])
        response = client.get(url)
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
        header = [cell.value for cell in sheet[1]]
        assert header[:3] == ["标题 / Title", "简介 / Summary", "发布单位 / Posted by"]
        assert header[-1] == last
    url = reverse("events:call_import_template", args=[open_call.pk, "mentors"])
    assert client.get(url).status_code == 404


def test_upload_shows_the_report_and_commit_fills_the_queue(open_call, organizer):
    client = client_as(organizer)
    page = _upload(client, open_call, [_project("海上风电运维机器人"), _project("深海养殖网箱")])
    assert page.status_code == 200
    assert page.context["plan"].counts["create"] == 2
    assert not Project.objects.exists()
    token = page.context["token"]
    done = client.post(
        reverse("events:call_import_commit", args=[open_call.pk]),
        {"kind": "projects", "token": token, "filename": "p.csv"},
    )
    assert done.status_code == 302
    assert done["Location"] == reverse("events:call_queue", args=[open_call.pk])
    assert EventPosting.objects.filter(event=open_call, submitted_by=organizer).count() == 2
    queue = client.get(done["Location"])
    assert {link.project.title for link in queue.context["page"].object_list} == {
        "深海养殖网箱",
        "海上风电运维机器人",
    }


def test_a_file_with_errors_offers_no_commit(open_call, organizer):
    page = _upload(client_as(organizer), open_call, [_project("短")])
    assert page.status_code == 200
    assert page.context["token"] == ""
    assert "Give a title of at least 4 characters." in page.content.decode()
    assert "Import now" not in page.content.decode()


def test_a_wrong_file_type_is_refused_on_the_form(open_call, organizer):
    page = _upload(client_as(organizer), open_call, [], name="p.pdf", data=b"%PDF")
    assert page.status_code == 400
    assert list(page.context["form"].errors) == ["file"]
    assert "Upload an Excel workbook (.xlsx) or a CSV file (.csv)." in page.content.decode()


def test_an_upload_after_the_call_closed_is_refused(open_call, organizer):
    open_call.call_closes_at = timezone.now() - timedelta(hours=1)
    open_call.save()
    page = _upload(client_as(organizer), open_call, [_project("海上风电运维机器人")])
    assert page.status_code == 400
    assert "submissions are no longer accepted" in page.content.decode()


def test_a_commit_after_the_call_closed_imports_nothing(open_call, organizer):
    client = client_as(organizer)
    token = _upload(client, open_call, [_project("海上风电运维机器人")]).context["token"]
    open_call.call_closes_at = timezone.now() - timedelta(hours=1)
    open_call.save()
    done = client.post(
        reverse("events:call_import_commit", args=[open_call.pk]),
        {"kind": "projects", "token": token, "filename": "p.csv"},
    )
    assert done["Location"] == reverse("events:call_import", args=[open_call.pk])
    assert not Project.objects.exists()


def test_an_expired_or_forged_token_is_a_clear_message(open_call, organizer):
    done = client_as(organizer).post(
        reverse("events:call_import_commit", args=[open_call.pk]),
        {"kind": "projects", "token": "../../etc/passwd", "filename": "p.csv"},
        follow=True,
    )
    assert "The uploaded file has expired; please upload it again." in [
        str(message) for message in done.context["messages"]
    ]


def test_the_queue_links_to_the_import_for_its_managers(open_call, organizer):
    url = reverse("events:call_queue", args=[open_call.pk])
    import_url = reverse("events:call_import", args=[open_call.pk])
    assert import_url in client_as(organizer).get(url).content.decode()
