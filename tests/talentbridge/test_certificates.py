"""Certificates: issue, revoke and print (PDF with the holder's Chinese name), templates and
seals, the public verification page, and who may see what."""

import io
import re
from datetime import date, timedelta
from urllib.parse import urlsplit

import pylopdf_fonts_zh_cn as noto
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from talentbridge.certificates import (
    CertificateError,
    certificate_for_code,
    certificates_about,
    create_certificate,
    issue_certificate,
    print_certificates,
    revoke_certificate,
    save_certificate_template,
)
from talentbridge.certificates.wording import fill, unknown_placeholders, written_date
from talentbridge.models import AuditEntry, Certificate, CertificateTemplate, OfficeRole
from talentbridge.services import add_member, create_office
from tests.factories import UserFactory
from tests.hostile import Report, attack, crawl

pytestmark = pytest.mark.django_db

HOLDER = "胡晓惠"
TITLE = "高质量发展顾问"


def pdf_text(content: bytes) -> str:
    """The text of every page as pypdf extracts it through the PDF's ToUnicode map.

    fpdf2 encodes CFF fonts with an embedded CMap (two bytes a glyph); pypdf reads it a byte
    at a time and reports a NUL before each character, so NULs and spaces are dropped.
    """
    return "".join(page_text(page) for page in PdfReader(io.BytesIO(content)).pages)


def page_text(page) -> str:
    return "".join(page.extract_text().replace("\x00", "").split())


def png_bytes(size=(120, 120)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", size, (200, 20, 20, 180)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def manager():
    return UserFactory(name="刘冬梅")


@pytest.fixture
def office(manager, admin_user):
    return create_office(
        name="金乡县顾问之家",
        kind="hometown",
        region="山东省济宁市金乡县",
        actor=admin_user,
        owner=manager,
    )


@pytest.fixture
def other_manager(admin_user):
    other = UserFactory(name="别处的主任")
    create_office(name="晋安区人民政府", kind="government", actor=admin_user, owner=other)
    return other


@pytest.fixture
def appointment(office, manager):
    today = timezone.localdate()
    return create_certificate(
        office,
        kind="appointment",
        holder_name=HOLDER,
        title=TITLE,
        term_start=today,
        term_end=today + timedelta(days=3 * 365),
        actor=manager,
    )


@pytest.fixture
def issued(appointment, manager):
    return issue_certificate(appointment, actor=manager)


# --- services ---------------------------------------------------------------------------------


def test_issuing_numbers_freezes_the_wording_and_is_audited(issued, office, manager):
    year = timezone.localdate().year
    assert issued.number == f"{year}-0001"
    assert issued.status == "valid"
    assert issued.wording["heading"] == "聘任证书"
    assert HOLDER in issued.wording["body"]
    assert TITLE in issued.wording["body"]
    assert issued.wording["signature"] == office.name
    assert "年" in issued.wording["date"]
    assert len(issued.code) >= 22
    actions = list(
        AuditEntry.objects.filter(object_id=str(issued.pk), action__startswith="certificates.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["certificates.certificate.create", "certificates.certificate.issue"]
    with pytest.raises(CertificateError):
        issue_certificate(issued, actor=manager)


def test_numbers_follow_on_and_never_repeat(office, manager, issued):
    year = timezone.localdate().year
    second = create_certificate(
        office, kind="award", holder_name="林晓", title="一等奖", actor=manager
    )
    assert issue_certificate(second, actor=manager).number == f"{year}-0002"
    with pytest.raises(CertificateError):
        create_certificate(
            office,
            kind="award",
            holder_name="陈思恩",
            title="二等奖",
            number=f"{year}-0002",
            actor=manager,
        )


def test_a_term_cannot_end_before_it_starts(office, manager):
    with pytest.raises(CertificateError):
        create_certificate(
            office,
            kind="appointment",
            holder_name=HOLDER,
            title=TITLE,
            term_start=date(2026, 4, 7),
            term_end=date(2026, 4, 6),
            actor=manager,
        )


def test_revoking_needs_an_issued_certificate_and_a_reason(appointment, manager):
    with pytest.raises(CertificateError):
        revoke_certificate(appointment, reason="错误", actor=manager)
    issued = issue_certificate(appointment, actor=manager)
    with pytest.raises(CertificateError):
        revoke_certificate(issued, reason="  ", actor=manager)
    revoked = revoke_certificate(issued, reason="聘期内调离", actor=manager)
    assert revoked.status == "revoked"
    assert AuditEntry.objects.get(action="certificates.certificate.revoke").changes == {
        "reason": "聘期内调离"
    }
    with pytest.raises(CertificateError):
        revoke_certificate(revoked, reason="again", actor=manager)


def test_expired_after_the_term(issued):
    Certificate.objects.filter(pk=issued.pk).update(term_end=date(2020, 1, 1))
    issued.refresh_from_db()
    assert issued.status == "expired"


def test_certificates_of_a_subject_and_of_a_holder(office, manager):
    subject = UserFactory(name="结对对象")
    certificate = create_certificate(
        office,
        kind="pairing",
        holder_name="陈思恩 · 林晓",
        title="青蓝接力",
        holder=manager,
        subject=subject,
        actor=manager,
    )
    assert list(certificates_about([subject])) == [certificate]
    assert list(certificates_about([])) == []
    assert certificate.holder == manager


def test_wording_placeholders_and_dates():
    assert fill("兹聘任{holder}为{title}{unknown}", {"holder": "胡晓惠", "title": "顾问"}) == (
        "兹聘任胡晓惠为顾问{unknown}"
    )
    assert unknown_placeholders("{holder} {titel} {office.__class__}") == ["titel"]
    assert written_date(date(2026, 4, 7), "zh-hans", formal=True) == "二〇二六年四月七日"
    assert written_date(date(2026, 12, 31), "zh-hans", formal=True) == "二〇二六年十二月三十一日"
    assert written_date(date(2026, 10, 20), "zh-hans", formal=True) == "二〇二六年十月二十日"
    assert written_date(date(2026, 4, 7), "zh-hans") == "2026年4月7日"
    assert written_date(date(2026, 4, 7), "en") == "7 April 2026"


# --- PDF --------------------------------------------------------------------------------------


def test_the_pdf_contains_the_holders_chinese_name(issued, manager):
    content = print_certificates([issued], actor=manager)
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert HOLDER in text
    assert TITLE in text
    assert "聘任证书" in text
    assert issued.number in text
    assert AuditEntry.objects.filter(action="certificates.certificate.print").count() == 1


def test_the_pdf_embeds_a_font_that_has_every_character(issued, manager):
    reader = PdfReader(io.BytesIO(print_certificates([issued], actor=manager)))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = [
        font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        for font in fonts.values()
    ]
    assert all("/FontFile3" in descriptor or "/FontFile2" in descriptor for descriptor in embedded)
    cmap = TTFont(noto.serif_path(), lazy=True).getBestCmap()
    printed = "".join(issued.wording.values())
    missing = {char for char in printed if not char.isspace() and ord(char) not in cmap}
    assert missing == set()


def test_a_batch_prints_a_page_per_certificate(office, manager, issued):
    others = [
        issue_certificate(
            create_certificate(
                office, kind="appointment", holder_name=name, title=TITLE, actor=manager
            ),
            actor=manager,
        )
        for name in ("王丕", "鱼山", "高河")
    ]
    content = print_certificates([issued, *others], actor=manager)
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 4
    assert "王丕" in page_text(reader.pages[1])


def test_a_draft_prints_with_a_mark(appointment, manager):
    text = pdf_text(print_certificates([appointment], actor=manager))
    assert HOLDER in text
    assert "样本" in text or "DRAFT" in text
    entry = AuditEntry.objects.get(action="certificates.certificate.print")
    assert entry.changes == {"draft": True}


# --- templates and seals ----------------------------------------------------------------------


def test_an_office_edits_its_template_and_issued_wording_stays(office, manager, issued):
    save_certificate_template(
        office,
        "appointment",
        language="zh-hans",
        heading="聘书",
        body="特聘{holder}为{title}。",
        signature="中共金乡县委人才工作领导小组",
        actor=manager,
    )
    issued.refresh_from_db()
    assert issued.wording["heading"] == "聘任证书"
    later = issue_certificate(
        create_certificate(office, kind="appointment", holder_name="甲", title="乙", actor=manager),
        actor=manager,
    )
    assert later.wording["heading"] == "聘书"
    assert later.wording["body"] == "特聘甲为乙。"
    assert AuditEntry.objects.filter(action="certificates.template.create").count() == 1
    with pytest.raises(CertificateError):
        save_certificate_template(
            office,
            "appointment",
            language="zh-hans",
            heading="聘书",
            body="{holdr}",
            signature="",
            actor=manager,
        )


def test_seal_upload_is_checked_by_its_bytes_and_stored_privately(
    office, manager, client_for, settings
):
    client = client_for(manager)
    url = reverse("certificate_template_edit", args=[office.pk, "appointment"])
    data = {
        "language": "zh-hans",
        "heading": "聘任证书",
        "body": "兹聘任{holder}为{title}。",
        "signature": "{office}",
    }
    blank = client.get(url).content.decode()
    assert "errorlist" not in blank
    assert "聘任证书" in blank  # the default wording to start from
    fake = SimpleUploadedFile("seal.png", b"<?php echo 1; ?>", content_type="image/png")
    response = client.post(url, {**data, "seal": fake})
    assert response.status_code == 200
    assert "PNG" in response.content.decode()
    assert not CertificateTemplate.objects.exists()
    real = SimpleUploadedFile("公章.png", png_bytes(), content_type="application/octet-stream")
    response = client.post(url, {**data, "seal": real})
    assert response.status_code == 302
    template = CertificateTemplate.objects.get()
    assert re.fullmatch(r"seals/\d{4}/\d{2}/[0-9a-f]{32}\.png", template.seal.name)
    assert (settings.MEDIA_ROOT / template.seal.name).exists()
    seal_url = reverse("certificate_template_seal", args=[office.pk, "appointment"])
    seal = client.get(seal_url)
    assert (seal.status_code, seal["Content-Type"]) == (200, "image/png")
    assert seal.content == png_bytes()


def test_a_seal_prints_on_the_certificate(office, manager, issued):
    save_certificate_template(
        office,
        "appointment",
        language="zh-hans",
        heading="聘任证书",
        body="兹聘任{holder}为{title}。",
        signature="{office}",
        seal=SimpleUploadedFile("seal.png", png_bytes()),
        actor=manager,
    )
    reader = PdfReader(io.BytesIO(print_certificates([issued], actor=manager)))
    images = reader.pages[0].images
    assert len(images) == 2  # the seal and the QR code


# --- the public verification page -------------------------------------------------------------


def test_verification_of_a_valid_certificate(client, issued, office):
    response = client.get(reverse("certificate_verify", args=[issued.code]))
    assert response.status_code == 200
    page = response.content.decode()
    for text in (HOLDER, TITLE, office.name, issued.number, "有效"):
        assert text in page


def test_verification_of_an_expired_certificate(client, issued):
    Certificate.objects.filter(pk=issued.pk).update(
        term_start=date(2020, 1, 1), term_end=date(2022, 12, 31)
    )
    response = client.get(reverse("certificate_verify", args=[issued.code]))
    assert response.status_code == 200
    assert "已过期" in response.content.decode()
    assert "2022-12-31" in response.content.decode()


def test_verification_of_a_revoked_certificate(client, issued, manager):
    revoke_certificate(issued, reason="本人申请", actor=manager)
    response = client.get(reverse("certificate_verify", args=[issued.code]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "已被撤销" in page
    assert "本人申请" not in page  # the reason stays with the office


@pytest.mark.parametrize("code", ["AAAAAAAAAAAAAAAAAAAAAA", "x", "../../etc/passwd", "长" * 300])
def test_a_made_up_code_answers_a_friendly_404(client, code, issued):
    response = client.get(f"/certificates/{code}/")
    assert response.status_code == 404
    assert "找不到" in response.content.decode() or response.status_code == 404


def test_a_draft_is_not_public(client, appointment):
    assert certificate_for_code(appointment.code) is None
    assert client.get(reverse("certificate_verify", args=[appointment.code])).status_code == 404


def test_the_pdf_qr_code_leads_to_the_verification_page(issued, manager, settings):
    settings.SITE_URL = "https://talent.jinxiang.example"
    text = pdf_text(print_certificates([issued], actor=manager))
    assert f"https://talent.jinxiang.example/certificates/{issued.code}/" in text


# --- permissions ------------------------------------------------------------------------------


def office_urls(office, certificate):
    c = certificate.pk
    return [
        reverse("certificate_list", args=[office.pk]),
        reverse("certificate_create", args=[office.pk]),
        reverse("certificate_detail", args=[office.pk, c]),
        reverse("certificate_pdf", args=[office.pk, c]),
        reverse("certificate_print", args=[office.pk]) + f"?ids={c}",
        reverse("certificate_templates", args=[office.pk]),
        reverse("certificate_template_edit", args=[office.pk, "award"]),
        reverse("certificate_template_sample", args=[office.pk, "pairing"]),
    ]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("manager", 200), ("admin", 200), ("other_manager", 404), ("staff", 404), ("visitor", 302)],
)
def test_permission_matrix(role, expected, client, client_for, office, issued, admin_user, request):
    users = {
        "manager": lambda: request.getfixturevalue("manager"),
        "admin": lambda: admin_user,
        "other_manager": lambda: request.getfixturevalue("other_manager"),
    }
    if role == "staff":
        staff = UserFactory()
        add_member(office, staff, OfficeRole.STAFF, actor=admin_user)
        client = client_for(staff)
    elif role != "visitor":
        client = client_for(users[role]())
    for url in office_urls(office, issued):
        response = client.get(url)
        assert response.status_code == expected, url
        if expected == 302:
            assert response["Location"].startswith(reverse("login"))
    posts = [
        reverse("certificate_issue", args=[office.pk, issued.pk]),
        reverse("certificate_revoke", args=[office.pk, issued.pk]),
    ]
    for url in posts:
        response = client.post(url, {"reason": "x"})
        assert response.status_code == (302 if expected == 200 else expected), url
    issued.refresh_from_db()
    assert (issued.revoked_at is not None) == (expected == 200)


def test_a_manager_cannot_reach_another_offices_certificate(client_for, office, issued, admin_user):
    other = UserFactory()
    other_office = create_office(name="别的办公室", kind="other", actor=admin_user, owner=other)
    url = reverse("certificate_detail", args=[other_office.pk, issued.pk])
    assert client_for(other).get(url).status_code == 404


def test_a_manager_issues_and_prints_from_the_pages(client_for, office, manager):
    client = client_for(manager)
    office_page = client.get(reverse("office_detail", args=[office.pk])).content.decode()
    assert reverse("certificate_list", args=[office.pk]) in office_page
    response = client.post(
        reverse("certificate_create", args=[office.pk]),
        {
            "kind": "appointment",
            "holder_name": HOLDER,
            "title": TITLE,
            "term_start": "2026-04-07",
            "term_end": "2029-04-06",
            "issue_now": "on",
        },
    )
    certificate = Certificate.objects.get()
    assert response.status_code == 302
    assert certificate.status in ("valid", "expired")
    listing = client.get(reverse("certificate_list", args=[office.pk]), {"q": "胡"})
    assert HOLDER in listing.content.decode()
    batch = client.get(reverse("certificate_print", args=[office.pk]), {"status": "valid"})
    assert batch["Content-Type"] == "application/pdf"
    assert HOLDER in pdf_text(batch.content)
    none = client.get(reverse("certificate_print", args=[office.pk]), {"ids": "99999999"})
    assert none.status_code == 302


def _is_ours(url: str) -> bool:
    try:
        name = resolve(urlsplit(url).path).url_name or ""
    except Resolver404:
        return False
    return name.startswith(("certificate", "region"))


@pytest.mark.slow
def test_no_hostile_value_breaks_the_certificate_pages(client_for, office, manager, issued):
    client = client_for(manager)
    client.raise_request_exception = False
    starts = [
        reverse("certificate_list", args=[office.pk]),
        reverse("certificate_templates", args=[office.pk]),
        reverse("certificate_verify", args=[issued.code]),
        reverse("region_suggest") + "?field=q&q=金乡",
    ]
    pages, forms = crawl(client, starts)
    # Only these pages: the rest of the site is crawled by tests/test_hostile_input.py.
    pages = {url: html for url, html in pages.items() if _is_ours(url)}
    forms = [(page, form) for page, form in forms if _is_ours(page) and _is_ours(form.action)]
    report = Report()
    attack(client, pages, forms, report, done=set())
    assert len(pages) >= 8
    assert report.requests > 200
    assert report.errors == []
