"""The import pages: upload and dry run, commit, templates."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from mentors.models import Mentor
from mentors.spreadsheets.columns import MENTOR_COLUMNS
from tests.mentors.sheets import GOOD, HEADER, csv_bytes, handmade_xlsx

pytestmark = pytest.mark.django_db


def test_upload_view_rejects_wrong_type_and_oversized_files(organizer, client):
    client.force_login(organizer)
    url = reverse("mentors:import")
    wrong = SimpleUploadedFile("people.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = client.post(url, {"kind": "mentors", "file": wrong})
    assert response.status_code == 400
    assert response.context["form"].errors["file"]

    huge = SimpleUploadedFile("people.csv", b"a" * (20 * 1024 * 1024), content_type="text/csv")
    response = client.post(url, {"kind": "mentors", "file": huge})
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert Mentor.objects.count() == 0


def test_upload_preview_then_commit_through_the_views(taxonomy, organizer, client, home_office):
    client.force_login(organizer)
    upload = SimpleUploadedFile("experts.csv", csv_bytes(GOOD), content_type="text/csv")
    data = {"kind": "mentors", "file": upload, "office": home_office.pk}
    preview = client.post(reverse("mentors:import"), data)
    assert preview.status_code == 200
    token = preview.context["token"]
    assert Mentor.objects.count() == 0
    assert f'name="office" value="{home_office.pk}"' in preview.content.decode()

    commit = {"kind": "mentors", "token": token, "filename": "experts.csv"}
    response = client.post(reverse("mentors:import_commit"), {**commit, "office": home_office.pk})
    assert response.status_code == 302
    assert Mentor.objects.count() == 2
    assert Mentor.objects.filter(holdings__office=home_office).count() == 2
    again = client.post(reverse("mentors:import_commit"), {**commit, "office": home_office.pk})
    assert again.status_code == 302
    assert Mentor.objects.count() == 2


def test_the_office_field_offers_only_the_offices_the_importer_manages(
    taxonomy, organizer, client, home_office, other_office
):
    client.force_login(organizer)
    form = client.get(reverse("mentors:import")).context["form"]
    assert list(form.fields["office"].queryset) == [home_office]

    upload = SimpleUploadedFile("experts.csv", csv_bytes(GOOD), content_type="text/csv")
    data = {"kind": "mentors", "file": upload, "office": other_office.pk}
    response = client.post(reverse("mentors:import"), data)
    assert response.status_code == 400
    assert response.context["form"].errors["office"]


def test_a_commit_for_an_office_the_importer_does_not_manage_is_refused(
    taxonomy, organizer, client, home_office, other_office
):
    client.force_login(organizer)
    upload = SimpleUploadedFile("experts.csv", csv_bytes(GOOD), content_type="text/csv")
    data = {"kind": "mentors", "file": upload, "office": home_office.pk}
    token = client.post(reverse("mentors:import"), data).context["token"]
    commit = {"kind": "mentors", "token": token, "filename": "experts.csv"}

    forged = client.post(reverse("mentors:import_commit"), {**commit, "office": other_office.pk})
    missing = client.post(reverse("mentors:import_commit"), commit)

    assert forged.status_code == 403
    assert missing.status_code == 302
    assert Mentor.objects.count() == 0


def test_preview_of_a_sheet_declaring_fewer_rows_lists_every_row(organizer, client, home_office):
    rows = [[f"专家{n}", "单位", "", "", "", "", "", ""] for n in range(5)]
    data = handmade_xlsx([HEADER, *rows], dimension="A1:H2")
    client.force_login(organizer)
    upload = SimpleUploadedFile("experts.xlsx", data)

    response = client.post(
        reverse("mentors:import"), {"kind": "mentors", "file": upload, "office": home_office.pk}
    )

    assert response.context["plan"].counts["create"] == 5
    assert "新建 5 条" in response.content.decode()


def test_upload_preview_shows_script_in_a_name_escaped(taxonomy, organizer, client, home_office):
    client.force_login(organizer)
    rows = [["<script>alert(1)</script>", "单位", "诺贝尔奖", "", "", "", "", ""]]
    upload = SimpleUploadedFile("x.csv", csv_bytes(rows), content_type="text/csv")
    data = {"kind": "mentors", "file": upload, "office": home_office.pk}
    html = client.post(reverse("mentors:import"), data).content
    assert b"<script>alert(1)</script>" not in html
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_template_download_has_bilingual_headers(organizer, client, taxonomy):
    client.force_login(organizer)
    response = client.get(reverse("mentors:import_template", args=["mentors"]))
    workbook = load_workbook(io.BytesIO(response.content))
    header = [cell.value for cell in workbook.worksheets[0][1]]
    assert header == [column.header for column in MENTOR_COLUMNS]
    assert header[0] == "姓名 / Name"
    assert len(workbook.worksheets) == 2


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "mentors", "token": "0" * 32 + ".csv", "filename": "x.csv"},
        {"kind": "mentors", "token": "../../etc/passwd", "filename": "x.csv"},
        {"kind": "people", "token": "0" * 32 + ".csv", "filename": "x" * 300},
        {},
    ],
)
def test_commit_of_a_missing_or_forged_upload_asks_for_it_again(organizer, client, data):
    client.force_login(organizer)
    response = client.post(reverse("mentors:import_commit"), data)
    assert response.status_code == 302
    assert response.url == reverse("mentors:import")
    assert Mentor.objects.count() == 0
