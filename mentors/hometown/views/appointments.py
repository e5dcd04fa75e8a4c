"""Adviser appointments (一书): appoint from a roster entry, renew, end; the register of
current advisers and the batch print of their certificates."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.certificates import can_manage_certificates, print_certificates
from talentbridge.http import paginate, query_string

from ..forms import AppointForm, EndForm, RenewForm
from ..queries import EXPIRING_DAYS, advisers
from ..rules import can_appoint_advisers
from ..services import AppointmentError, appoint_adviser, end_appointment, renew_appointment
from .common import appointment_or_404, entry_or_404, entry_url, roster_office_or_404
from .roster import _render_entry

# One PDF holds at most this many certificates (the certificates' own batch limit).
MAX_PRINT = 500


@login_required
@require_POST
def appoint(request, pk: int):
    entry = entry_or_404(request, pk)
    if not can_appoint_advisers(request.user, entry.office):
        raise Http404
    form = AppointForm(request.POST)
    if not form.is_valid():
        return _render_entry(request, entry, appoint=form)
    try:
        appointment = appoint_adviser(
            entry.office, entry.mentor, actor=request.user, **form.cleaned_data
        )
    except AppointmentError as error:
        form.add_error(None, str(error))
        return _render_entry(request, entry, appoint=form)
    messages.success(
        request,
        _("%(name)s is appointed; certificate No. %(number)s is issued.")
        % {"name": entry.mentor.name, "number": appointment.number},
    )
    return redirect(entry_url(entry))


@login_required
def register(request, pk: int):
    """The current advisers, terms ending first; ``?expiring=1`` keeps those ending soon."""
    office = roster_office_or_404(request, pk)
    today = timezone.localdate()
    expiring = request.GET.get("expiring") == "1"
    context = {
        "office": office,
        "page": paginate(request, advisers(office, today=today, expiring=expiring)),
        "query_string": query_string(request),
        "expiring": expiring,
        "expiring_days": EXPIRING_DAYS,
        "soon": today + timedelta(days=EXPIRING_DAYS),
        "today": today,
        "can_appoint": can_appoint_advisers(request.user, office),
        "can_print": can_manage_certificates(request.user, office),
        "renew_form": RenewForm(auto_id=False),
        "end_form": EndForm(auto_id=False),
    }
    return render(request, "mentors/hometown/register.html", context)


@login_required
def register_print(request, pk: int):
    """The certificates of the current advisers (those the register shows) in one PDF."""
    office = roster_office_or_404(request, pk)
    if not can_manage_certificates(request.user, office):
        raise Http404
    today = timezone.localdate()
    rows = advisers(office, today=today, expiring=request.GET.get("expiring") == "1")
    certificates = [a.certificate for a in rows[:MAX_PRINT] if a.certificate_id]
    if not certificates:
        messages.error(request, _("There is no certificate to print."))
        return redirect("mentors:hometown:register", pk=office.pk)
    content = print_certificates(certificates, actor=request.user)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="advisers-{office.pk}.pdf"'
    return response


def _back(appointment) -> str:
    entry = appointment.mentor.roster_entries.filter(office=appointment.office).first()
    if entry:
        return entry_url(entry)
    return reverse("mentors:hometown:register", args=[appointment.office_id])


@login_required
@require_POST
def renew(request, pk: int):
    appointment = appointment_or_404(request, pk)
    form = RenewForm(request.POST)
    if form.is_valid():
        try:
            renewal = renew_appointment(
                appointment, term_end=form.cleaned_data["term_end"], actor=request.user
            )
        except AppointmentError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Renewed: certificate No. %(number)s.") % {"number": renewal.number}
            )
    else:
        messages.error(request, _("Give the date the new term ends."))
    return redirect(_back(appointment))


@login_required
@require_POST
def end(request, pk: int):
    appointment = appointment_or_404(request, pk)
    form = EndForm(request.POST)
    if form.is_valid():
        try:
            end_appointment(appointment, reason=form.cleaned_data["reason"], actor=request.user)
        except AppointmentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The appointment has ended; its certificate is revoked."))
    else:
        messages.error(request, _("Say why the appointment ends."))
    return redirect(_back(appointment))
