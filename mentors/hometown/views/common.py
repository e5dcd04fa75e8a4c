"""What the hometown views share: an office or row the user may see, or 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from talentbridge.models import Office

from ..models import Appointment, RosterEntry
from ..rules import can_appoint_advisers, can_keep_roster


def roster_office_or_404(request, pk: int) -> Office:
    office = get_object_or_404(Office, pk=pk)
    if not can_keep_roster(request.user, office):
        raise Http404
    return office


def entry_or_404(request, pk: int) -> RosterEntry:
    entry = get_object_or_404(RosterEntry.objects.select_related("office", "mentor"), pk=pk)
    if not can_keep_roster(request.user, entry.office):
        raise Http404
    return entry


def appointment_or_404(request, pk: int) -> Appointment:
    """For the office's managers; liaisons see appointments but do not change them."""
    appointment = get_object_or_404(Appointment.objects.select_related("office", "mentor"), pk=pk)
    if not can_appoint_advisers(request.user, appointment.office):
        raise Http404
    return appointment


def entry_url(entry: RosterEntry) -> str:
    return reverse("mentors:hometown:entry", args=[entry.pk])
