"""Adviser appointments (一书): appoint, renew, end, the register and the certificates."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from mentors.hometown.models import Appointment
from mentors.hometown.queries import advisers
from mentors.hometown.services import (
    AppointmentError,
    appoint_adviser,
    end_appointment,
    renew_appointment,
)
from talentbridge.certificates import print_certificates
from talentbridge.models import AuditEntry, CertificateKind

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    """The PDF's text without the NULs and spaces pypdf reports between CJK glyphs."""
    pages = PdfReader(io.BytesIO(content)).pages
    return "".join("".join(p.extract_text().replace("\x00", "").split()) for p in pages)


@pytest.fixture
def today():
    return timezone.localdate()


def _appoint(office, mentor, manager, today, years=3):
    return appoint_adviser(
        office,
        mentor,
        term_start=today,
        term_end=today + timedelta(days=365 * years),
        actor=manager,
    )


def test_appointing_issues_a_numbered_certificate(county_office, manager, native, today):
    appointment = _appoint(county_office, native, manager, today)
    certificate = appointment.certificate
    assert appointment.title == "高质量发展顾问"
    assert appointment.number == certificate.number == f"{today.year}-0001"
    assert certificate.kind == CertificateKind.APPOINTMENT
    assert certificate.status == "valid"
    assert (certificate.holder, certificate.subject) == (native, appointment)
    assert (certificate.term_start, certificate.term_end) == (
        appointment.term_start,
        appointment.term_end,
    )
    assert AuditEntry.objects.filter(action="mentors.appointment.create").count() == 1
    with pytest.raises(AppointmentError):
        _appoint(county_office, native, manager, today)


def test_certificate_pdf_names_the_holder(county_office, manager, native, today):
    appointment = _appoint(county_office, native, manager, today)
    text = pdf_text(print_certificates([appointment.certificate], actor=manager))
    assert "胡晓惠" in text
    assert "高质量发展顾问" in text


def test_bad_terms_are_refused(county_office, manager, native, today):
    with pytest.raises(AppointmentError):
        appoint_adviser(county_office, native, term_start=today, term_end=today, actor=manager)
    with pytest.raises(AppointmentError):
        appoint_adviser(
            county_office,
            native,
            term_start=today,
            term_end=today + timedelta(days=365 * 11),
            actor=manager,
        )
    with pytest.raises(AppointmentError):
        appoint_adviser(
            county_office,
            native,
            term_start=today,
            term_end=date(2099, 1, 1),
            actor=manager,
            title="  ",
        )
    assert Appointment.objects.count() == 0


def test_renewal_follows_the_term_with_a_new_certificate(county_office, manager, native, today):
    first = _appoint(county_office, native, manager, today, years=1)
    renewal = renew_appointment(first, term_end=first.term_end + timedelta(days=730), actor=manager)
    first.refresh_from_db()
    assert first.status == Appointment.Status.RENEWED
    assert renewal.renewed_from == first
    assert renewal.term_start == first.term_end + timedelta(days=1)
    assert renewal.number == f"{today.year}-0002"
    assert renewal.certificate.status == "valid"
    with pytest.raises(AppointmentError):
        renew_appointment(first, term_end=today + timedelta(days=900), actor=manager)


def test_ending_revokes_the_certificate(county_office, manager, native, today):
    appointment = _appoint(county_office, native, manager, today)
    with pytest.raises(AppointmentError):
        end_appointment(appointment, reason=" ", actor=manager)
    end_appointment(appointment, reason="本人申请", actor=manager)
    appointment.refresh_from_db()
    appointment.certificate.refresh_from_db()
    assert appointment.status == Appointment.Status.ENDED
    assert appointment.certificate.status == "revoked"
    assert appointment.certificate.revoke_reason == "本人申请"
    with pytest.raises(AppointmentError):
        end_appointment(appointment, reason="again", actor=manager)


def test_register_lists_current_terms_and_those_expiring(
    county_office, manager, native, other_native, today
):
    soon = appoint_adviser(
        county_office,
        native,
        term_start=today - timedelta(days=700),
        term_end=today + timedelta(days=30),
        actor=manager,
    )
    later = _appoint(county_office, other_native, manager, today)
    assert list(advisers(county_office, today=today)) == [soon, later]
    assert list(advisers(county_office, today=today, expiring=True)) == [soon]
    end_appointment(later, reason="调离", actor=manager)
    assert list(advisers(county_office, today=today)) == [soon]
