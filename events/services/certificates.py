"""Pairing certificates (师徒结对证书) for the pairs of an event's ceremony, through
``talentbridge.certificates``: one per pairing, issued by the event's office."""

from django.db import transaction
from django.utils.translation import gettext as _

from talentbridge.certificates import (
    certificates_about,
    create_certificate,
    issue_certificate,
)
from talentbridge.models import Certificate, CertificateKind, User

from ..models import Ceremony, Event
from . import EventError


@transaction.atomic
def ceremony_certificates(event: Event, *, actor: User | None) -> list[Certificate]:
    """The pairing certificate of every pair on the ceremony's running order, in that order;
    those not yet issued are created and issued now (a second call issues nothing more)."""
    ceremony = Ceremony.objects.filter(event=event).first()
    if event.office_id is None:
        raise EventError(_("An event without an office issues no certificates."))
    pairs = (
        list(
            ceremony.pairs.select_related("pairing__mentor", "pairing__mentee").order_by(
                "group", "position", "pk"
            )
        )
        if ceremony
        else []
    )
    if not pairs:
        raise EventError(_("The ceremony has no pairs yet."))
    issued = {
        certificate.subject_id: certificate
        for certificate in certificates_about([pair.pairing for pair in pairs]).filter(
            kind=CertificateKind.PAIRING, office_id=event.office_id, revoked_at__isnull=True
        )
    }
    certificates = []
    for pair in pairs:
        certificate = issued.get(str(pair.pairing_id))
        if certificate is None:
            pairing = pair.pairing
            certificate = create_certificate(
                event.office,
                kind=CertificateKind.PAIRING,
                holder_name=f"{pairing.mentor.name}、{pairing.mentee.name}",
                title=event.title,
                subject=pairing,
                actor=actor,
            )
        if not certificate.issued_at:
            certificate = issue_certificate(certificate, actor=actor)
        certificates.append(certificate)
    return certificates
