"""Adviser appointments (一书): appoint, renew, end. Appointing issues the appointment
certificate (聘任证书) through ``talentbridge.certificates``; its number is the appointment's."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbridge.certificates import (
    CertificateError,
    create_certificate,
    issue_certificate,
    revoke_certificate,
)
from talentbridge.models import CertificateKind, Office, User
from talentbridge.services import log_action

from ...models import Mentor
from ..models import Appointment

DEFAULT_TITLE = "高质量发展顾问"
# Terms longer than this are a typing mistake, not an appointment.
MAX_TERM_DAYS = 366 * 10


class AppointmentError(Exception):
    """An appointment change that cannot be made; the message is for the user."""


def _check_term(term_start: date, term_end: date) -> None:
    if term_end <= term_start:
        raise AppointmentError(_("The term must end after it starts."))
    if term_end - term_start > timedelta(days=MAX_TERM_DAYS):
        raise AppointmentError(_("A term cannot be longer than ten years."))


def _certify(appointment: Appointment, actor: User | None) -> None:
    try:
        certificate = create_certificate(
            appointment.office,
            kind=CertificateKind.APPOINTMENT,
            holder_name=appointment.mentor.name,
            title=appointment.title,
            term_start=appointment.term_start,
            term_end=appointment.term_end,
            holder=appointment.mentor,
            subject=appointment,
            actor=actor,
        )
        certificate = issue_certificate(certificate, actor=actor)
    except CertificateError as error:
        raise AppointmentError(str(error)) from error
    appointment.certificate = certificate
    appointment.number = certificate.number
    appointment.save(update_fields=["certificate", "number"])


@transaction.atomic
def appoint_adviser(
    office: Office,
    mentor: Mentor,
    *,
    term_start: date,
    term_end: date,
    actor: User | None,
    title: str = DEFAULT_TITLE,
) -> Appointment:
    """Appoint ``mentor`` as the office's adviser for a term and issue the certificate."""
    title = (title or "").strip()
    if not title:
        raise AppointmentError(_("Give the title of the appointment."))
    _check_term(term_start, term_end)
    Office.objects.select_for_update().filter(pk=office.pk).first()
    if Appointment.objects.filter(
        office=office, mentor=mentor, title=title, status=Appointment.Status.ACTIVE
    ).exists():
        raise AppointmentError(
            _("%(name)s already holds this appointment; renew it instead.") % {"name": mentor}
        )
    appointment = Appointment.objects.create(
        office=office, mentor=mentor, title=title, term_start=term_start, term_end=term_end
    )
    _certify(appointment, actor)
    log_action(
        appointment,
        "mentors.appointment.create",
        actor=actor,
        changes={"adviser": mentor.name, "title": title, "number": appointment.number},
    )
    return appointment


@transaction.atomic
def renew_appointment(
    appointment: Appointment, *, term_end: date, actor: User | None
) -> Appointment:
    """A new term after this one (from the day after it ends, or today if it has lapsed),
    with a new number and certificate; the old appointment is marked renewed."""
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if appointment.status != Appointment.Status.ACTIVE:
        raise AppointmentError(_("Only a current appointment can be renewed."))
    term_start = max(appointment.term_end + timedelta(days=1), timezone.localdate())
    _check_term(term_start, term_end)
    appointment.status = Appointment.Status.RENEWED
    appointment.save(update_fields=["status"])
    renewal = Appointment.objects.create(
        office=appointment.office,
        mentor=appointment.mentor,
        title=appointment.title,
        term_start=term_start,
        term_end=term_end,
        renewed_from=appointment,
    )
    _certify(renewal, actor)
    log_action(
        renewal,
        "mentors.appointment.renew",
        actor=actor,
        changes={"renews": appointment.number, "number": renewal.number},
    )
    return renewal


@transaction.atomic
def end_appointment(appointment: Appointment, *, reason: str, actor: User) -> Appointment:
    """End a current appointment early; its certificate is revoked with the reason."""
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if appointment.status != Appointment.Status.ACTIVE:
        raise AppointmentError(_("This appointment has already ended."))
    reason = (reason or "").strip()
    if not reason:
        raise AppointmentError(_("Say why the appointment ends."))
    appointment.status = Appointment.Status.ENDED
    appointment.ended_on = timezone.localdate()
    appointment.end_reason = reason[:300]
    appointment.save(update_fields=["status", "ended_on", "end_reason"])
    certificate = appointment.certificate
    if certificate and certificate.issued_at and not certificate.revoked_at:
        revoke_certificate(certificate, reason=reason, actor=actor)
    log_action(appointment, "mentors.appointment.end", actor=actor, changes={"reason": reason})
    return appointment
