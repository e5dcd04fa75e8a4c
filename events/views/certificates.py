"""The pairing certificates of a ceremony's pairs, printed in one PDF for the stage."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from talentbridge.certificates import print_certificates

from .. import rules
from ..services import EventError
from ..services.certificates import ceremony_certificates
from .common import event_for


@login_required
@require_POST
def ceremony_certificates_print(request, pk: int):
    """Issue the pairing certificates the ceremony's pairs lack and print them all."""
    event = event_for(request, pk, rules.can_build_ceremony)
    try:
        certificates = ceremony_certificates(event, actor=request.user)
    except EventError as error:
        messages.error(request, str(error))
        return redirect("events:ceremony", pk=event.pk)
    response = HttpResponse(
        print_certificates(certificates, actor=request.user), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="pairing-certificates-{event.pk}.pdf"'
    return response
