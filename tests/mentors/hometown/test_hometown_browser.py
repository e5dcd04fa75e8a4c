"""In headless Chromium: an office manager appoints a native on the roster as adviser, sees
the certificate number, and prints the register's certificates in one PDF."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from mentors.hometown.models import Appointment
from mentors.hometown.services import add_to_roster

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_manager_appoints_an_adviser_and_prints_the_batch(
    page, live_server, login_page, county_office, manager, liaison, native
):
    entry = add_to_roster(county_office, native, actor=manager, liaison=liaison)
    login_page(manager)
    page.goto(f"{live_server.url}/people/hometown/offices/{county_office.pk}/roster/")
    page.get_by_role("link", name="胡晓惠").click()
    form = page.locator("#appoint-form")
    expect(form).to_be_visible()

    # A term that ends before it starts is refused with a message, and nothing is appointed.
    form.locator("input[name=term_start]").fill("2026-04-07")
    form.locator("input[name=term_end]").fill("2026-01-01")
    form.get_by_role("button").click()
    expect(page.locator("#appoint-form .errorlist")).to_be_visible()
    assert not Appointment.objects.exists()

    form = page.locator("#appoint-form")
    form.locator("input[name=term_start]").fill("2026-04-07")
    form.locator("input[name=term_end]").fill("2029-04-06")
    form.get_by_role("button").click()
    appointment = Appointment.objects.get()
    expect(page.get_by_text(appointment.number).first).to_be_visible()
    assert (appointment.mentor, appointment.certificate.status) == (entry.mentor, "valid")

    # The register lists the adviser; the batch print is one PDF naming them.
    page.get_by_role("link", name=re.compile("^(顾问.*|Advisers)$")).click()
    expect(page.locator("table.data")).to_contain_text("胡晓惠")
    page.set_viewport_size(PHONE)
    assert fits_the_screen(page)
    link = page.get_by_role("link", name=re.compile("打印证书|Print the certificates"))
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.body())).pages
    text = "".join("".join(p.extract_text().replace("\x00", "").split()) for p in pages)
    assert "胡晓惠" in text
