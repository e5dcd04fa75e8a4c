"""Spreadsheet import (dry run, all-or-nothing commit, matching) and export round trips."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from mentors.models import Mentee, Mentor, Organization
from mentors.services import ImportRejected, import_spreadsheet, preview_import
from mentors.signals import people_imported
from mentors.spreadsheets.columns import MENTOR_COLUMNS

pytestmark = pytest.mark.django_db

HEADER = ["姓名 / Name", "工作单位 / Affiliation", "荣誉称号 / Honours", "领域 / Fields"]
HEADER += ["手机 / Mobile phone", "电子邮箱 / E-mail", "籍贯区县 / Hometown county"]
HEADER += ["可带徒弟数 / Capacity"]


def csv_bytes(rows, header=HEADER, encoding="utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, header=HEADER, merge=None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


GOOD = [
    ["左明健", "四创科技有限公司", "院士", "海洋经济；人工智能"]
    + ["13900001001", "zuo@example.cn", "晋安区", "3"],
    ["王浩", "泰国清迈大学创新学院", "Leading talent", "artificial intelligence"]
    + ["+66 81 234 5678", "", "", ""],
]


def actions(plan):
    return [(row.number, row.action) for row in plan.rows]


def test_preview_import_of_xlsx_plans_creates(taxonomy):
    plan = preview_import("mentors", "experts.xlsx", xlsx_bytes(GOOD))
    assert plan.file_errors == []
    assert actions(plan) == [(2, "create"), (3, "create")]
    assert Mentor.objects.count() == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_import_csv_in_chinese_encodings(taxonomy, organizer, encoding):
    data = csv_bytes(GOOD, encoding=encoding)
    plan = import_spreadsheet("mentors", "experts.csv", data, actor=organizer)

    assert plan.counts["create"] == 2
    zuo = Mentor.objects.get(name="左明健")
    assert zuo.affiliation.name == "四创科技有限公司"
    assert zuo.phone == "13900001001"
    assert {f.slug for f in zuo.fields.all()} == {"marine_economy", "artificial_intelligence"}
    assert [h.slug for h in zuo.honours.all()] == ["academician"]
    assert zuo.honour_level == 1
    assert "海洋经济" in zuo.search_text
    assert Mentor.objects.get(name="王浩").phone == "+66812345678"


def test_import_again_updates_instead_of_duplicating(taxonomy, organizer):
    import_spreadsheet("mentors", "a.csv", csv_bytes(GOOD), actor=organizer)
    changed = [list(GOOD[0]), list(GOOD[1])]
    changed[0][6] = "鼓楼区"
    changed[0][5] = ""  # e-mail cleared: still matched by phone

    plan = import_spreadsheet("mentors", "a.csv", csv_bytes(changed), actor=organizer)

    assert actions(plan) == [(2, "update"), (3, "unchanged")]
    assert Mentor.objects.count() == 2
    assert Mentor.objects.get(name="左明健").county == "鼓楼区"


def test_import_matches_by_name_and_affiliation_without_phone(make_mentor, taxonomy):
    existing = make_mentor(
        name="陈思恩", phone="", email="", affiliation="科技谷(厦门)信息技术有限公司"
    )
    rows = [["陈思恩", "科技谷(厦门)信息技术有限公司", "", "", "", "", "同安区", ""]]

    plan = preview_import("mentors", "a.csv", csv_bytes(rows))

    assert actions(plan) == [(2, "update")]
    assert plan.rows[0].target == existing


def test_preview_import_reports_every_row_error(taxonomy):
    rows = [
        ["", "单位", "", "", "", "", "", ""],
        ["甲", "单位", "", "", "12345", "", "", ""],
        ["乙", "单位", "诺贝尔奖", "", "", "", "", ""],
        ["丙", "单位", "", "量子玄学", "", "not-an-email", "", ""],
        ["丁", "单位", "", "", "", "", "", "很多"],
        ["戊", "单位", "", "", "13900001001", "", "", ""],
        ["己", "单位", "", "", "13900001001", "", "", ""],
        ["", "", "", "", "", "", "", ""],
    ]
    plan = preview_import("mentors", "a.csv", csv_bytes(rows))

    assert actions(plan) == [
        (2, "error"),
        (3, "error"),
        (4, "error"),
        (5, "error"),
        (6, "error"),
        (7, "create"),
        (8, "error"),
        (9, "skip"),
    ]
    errors = {row.number: " ".join(row.errors) for row in plan.rows}
    assert "Name" in errors[2] or "姓名" in errors[2]
    assert "12345" in errors[3]
    assert "诺贝尔奖" in errors[4]
    assert "量子玄学" in errors[5] and "not-an-email" in errors[5]
    assert "50" in errors[6]
    assert "7" in errors[8]
    assert plan.is_valid is False


def test_import_with_any_error_imports_nothing(taxonomy, organizer):
    rows = [GOOD[0], ["乙", "单位", "诺贝尔奖", "", "", "", "", ""]]

    with pytest.raises(ImportRejected) as rejected:
        import_spreadsheet("mentors", "a.csv", csv_bytes(rows), actor=organizer)

    assert rejected.value.plan.counts["error"] == 1
    assert Mentor.objects.count() == 0
    assert Organization.objects.count() == 0


def test_preview_import_rejects_missing_and_unknown_columns():
    plan = preview_import("mentors", "a.csv", csv_bytes([["x"]], header=["Affiliation", "Salary"]))
    assert len(plan.file_errors) == 2
    assert plan.rows == []


def test_preview_import_reports_merged_cells(taxonomy):
    rows = [GOOD[0], ["", "四创科技有限公司", "", "", "", "", "", ""]]
    plan = preview_import("mentors", "a.xlsx", xlsx_bytes(rows, merge="B2:B3"))
    assert plan.rows[0].action == "error"
    assert "B2:B3" in plan.rows[0].errors[0]


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("experts.xlsx", b"this is not a zip file"),
        ("experts.csv", b"PK\x03\x04 zipped"),
        ("experts.csv", b"\xff\xfe\x00\x00binary"),
        ("experts.xls", b"old excel"),
    ],
)
def test_preview_import_of_unreadable_files_gives_a_file_error(filename, data):
    plan = preview_import("mentors", filename, data)
    assert len(plan.file_errors) == 1
    assert plan.is_valid is False


def test_formulas_are_kept_as_text_and_neutralised_on_export(taxonomy, organizer, client):
    formula = '=HYPERLINK("http://evil.example","点我")'
    rows = [[formula, "单位", "", "", "", "", "", ""]]
    import_spreadsheet("mentors", "a.xlsx", xlsx_bytes(rows), actor=organizer)
    assert Mentor.objects.get().name == formula

    client.force_login(organizer)
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("mentors:export", args=["mentors", "xlsx"])).content)
    )
    cell = workbook.active["A2"]
    assert cell.value == formula
    assert cell.data_type == "s"
    exported = b"".join(client.get(reverse("mentors:export", args=["mentors", "csv"])))
    assert "'=HYPERLINK" in exported.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_import_is_a_round_trip(make_mentor, taxonomy, organizer, client, fmt):
    make_mentor(
        name="齐忠权",
        affiliation="瑞典隆德大学马尔默医院",
        fields=[taxonomy["fields"]["biomedicine"]],
        honours=[taxonomy["honours"]["leading-talent"]],
        phone="+46701234567",
        country="瑞典",
        languages="zh en sv",
        capacity=2,
        bio="再生医学\n第二行",
    )
    client.force_login(organizer)
    response = client.get(reverse("mentors:export", args=["mentors", fmt]))
    data = response.content if fmt == "xlsx" else b"".join(response.streaming_content)

    plan = preview_import("mentors", f"export.{fmt}", data)

    assert plan.file_errors == []
    assert [column.key for column in plan.columns] == [c.key for c in MENTOR_COLUMNS]
    assert actions(plan) == [(2, "unchanged")]


def test_import_mentees_and_organizations(taxonomy, organizer):
    organizations = csv_bytes(
        [["福州柏云信息科技有限公司", "企业", "人工智能", "20–99 people"]],
        header=["单位名称", "单位类型", "领域", "规模"],
    )
    mentees = csv_bytes(
        [["陈晓青", "青年创业者", "福州柏云信息科技有限公司", "人工智能", "13900002002"]],
        header=["姓名或团队", "类别", "单位", "领域", "手机"],
    )
    import_spreadsheet("organizations", "o.csv", organizations, actor=organizer)
    import_spreadsheet("mentees", "m.csv", mentees, actor=organizer)

    organization = Organization.objects.get()
    assert organization.size == Organization.Size.SMALL
    mentee = Mentee.objects.get()
    assert mentee.kind == Mentee.Kind.YOUNG_ENTREPRENEUR
    assert mentee.organization == organization


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


def test_upload_preview_then_commit_through_the_views(taxonomy, organizer, client):
    client.force_login(organizer)
    upload = SimpleUploadedFile("experts.csv", csv_bytes(GOOD), content_type="text/csv")
    preview = client.post(reverse("mentors:import"), {"kind": "mentors", "file": upload})
    assert preview.status_code == 200
    token = preview.context["token"]
    assert Mentor.objects.count() == 0

    response = client.post(
        reverse("mentors:import_commit"),
        {"kind": "mentors", "token": token, "filename": "experts.csv"},
    )
    assert response.status_code == 302
    assert Mentor.objects.count() == 2
    again = client.post(
        reverse("mentors:import_commit"),
        {"kind": "mentors", "token": token, "filename": "experts.csv"},
    )
    assert again.status_code == 302
    assert Mentor.objects.count() == 2


def test_upload_preview_shows_script_in_a_name_escaped(taxonomy, organizer, client):
    client.force_login(organizer)
    rows = [["<script>alert(1)</script>", "单位", "诺贝尔奖", "", "", "", "", ""]]
    upload = SimpleUploadedFile("x.csv", csv_bytes(rows), content_type="text/csv")
    html = client.post(reverse("mentors:import"), {"kind": "mentors", "file": upload}).content
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


def test_import_announces_the_imported_ids_once(
    taxonomy, organizer, django_capture_on_commit_callbacks
):
    received = []

    def listener(sender, kind, ids, **kwargs):
        received.append((kind, sorted(ids)))

    people_imported.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            import_spreadsheet("mentors", "a.csv", csv_bytes(GOOD), actor=organizer)
    finally:
        people_imported.disconnect(listener)

    assert received == [("mentors", sorted(Mentor.objects.values_list("pk", flat=True)))]
