"""The roster (一录): the list with its groupings, adding people, an entry with its contact
log, editing it and logging a contact."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import paginate, query_string
from talentbridge.models import Office
from talentbridge.parsing import parse_id
from talentbridge.rules import is_admin, managed_office_ids

from ...models import Mentor
from ...regions import in_place
from ...search import search_filter
from ..forms import (
    AddExpertSearchForm,
    AppointForm,
    ContactForm,
    RosterEntryForm,
    RosterFilterForm,
)
from ..models import RosterEntry
from ..queries import (
    appointments_of,
    contact_log,
    office_liaisons,
    roster,
    roster_by_field,
    roster_by_workplace,
    roster_tags,
)
from ..rules import can_appoint_advisers, liaison_office_ids
from ..services import (
    RosterError,
    add_natives,
    add_to_roster,
    edit_roster_entry,
    log_contact,
)
from .common import entry_or_404, entry_url, roster_office_or_404

GROUPS_SHOWN = 12
ADD_RESULTS = 20


@login_required
def programmes(request):
    """The offices whose roster the user keeps."""
    if is_admin(request.user):
        offices = Office.objects.filter(kind=Office.Kind.HOMETOWN)
    else:
        ids = managed_office_ids(request.user) | liaison_office_ids(request.user)
        offices = Office.objects.filter(pk__in=ids)
    return render(request, "mentors/hometown/programmes.html", {"offices": offices})


@login_required
def roster_list(request, pk: int):
    office = roster_office_or_404(request, pk)
    form = RosterFilterForm(request.GET or None)
    today = timezone.localdate()
    context = {
        "office": office,
        "form": form,
        "page": paginate(request, roster(office, form.filters(), today)),
        "query_string": query_string(request),
        "workplaces": list(roster_by_workplace(office)[:GROUPS_SHOWN]),
        "fields": list(roster_by_field(office)[:GROUPS_SHOWN]),
        "tags": roster_tags(office),
        "today": today,
        "can_appoint": can_appoint_advisers(request.user, office),
    }
    return render(request, "mentors/hometown/roster.html", context)


@login_required
def roster_add(request, pk: int):
    """Find an expert profile and put it on the roster."""
    office = roster_office_or_404(request, pk)
    if request.method == "POST":
        mentor = get_object_or_404(Mentor, pk=_int(request.POST.get("mentor")))
        try:
            entry = add_to_roster(office, mentor, actor=request.user)
        except RosterError as error:
            messages.error(request, str(error))
            return redirect("mentors:hometown:roster_add", pk=office.pk)
        messages.success(request, _("%(name)s is on the roster.") % {"name": mentor.name})
        return redirect(entry_url(entry))
    form = AddExpertSearchForm(request.GET or None)
    query = (form.cleaned_data.get("q") or "").strip() if form.is_valid() else ""
    found = []
    if query:
        found = list(
            Mentor.objects.filter(search_filter(query) | in_place(query))
            .exclude(roster_entries__office=office)
            .select_related("affiliation")
            .order_by("name", "id")[:ADD_RESULTS]
        )
    context = {"office": office, "form": form, "found": found, "query": query}
    return render(request, "mentors/hometown/roster_add.html", context)


@login_required
@require_POST
def roster_add_natives(request, pk: int):
    """Put every expert whose hometown lies in the office's region on the roster."""
    office = roster_office_or_404(request, pk)
    try:
        added = add_natives(office, actor=request.user)
    except RosterError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(count)d experts added to the roster.") % {"count": added})
    return redirect("mentors:hometown:roster", pk=office.pk)


def _int(value) -> int:
    return parse_id(value) or 0


@login_required
def entry_detail(request, pk: int):
    entry = entry_or_404(request, pk)
    return _render_entry(request, entry)


def _render_entry(request, entry: RosterEntry, *, edit_form=None, contact_form=None, appoint=None):
    office = entry.office
    context = {
        "entry": entry,
        "office": office,
        "mentor": entry.mentor,
        "edit_form": edit_form
        or RosterEntryForm(initial=_entry_initial(entry), liaisons=office_liaisons(office)),
        "contact_form": contact_form or ContactForm(),
        "appoint_form": appoint or AppointForm(),
        "log": list(contact_log(entry)),
        "appointments": list(appointments_of(entry.mentor, office)),
        "can_appoint": can_appoint_advisers(request.user, office),
        "today": timezone.localdate(),
    }
    status = (
        400 if any(f is not None and f.errors for f in (edit_form, contact_form, appoint)) else 200
    )
    return render(request, "mentors/hometown/entry.html", context, status=status)


def _entry_initial(entry: RosterEntry) -> dict:
    return {
        "liaison": entry.liaison_id,
        "tags": ", ".join(entry.tag_list),
        "willing_to_advise": entry.willing_to_advise,
        "willing_to_return": entry.willing_to_return,
        "willing_to_invest": entry.willing_to_invest,
        "notes": entry.notes,
    }


@login_required
@require_POST
def entry_edit(request, pk: int):
    entry = entry_or_404(request, pk)
    form = RosterEntryForm(request.POST, liaisons=office_liaisons(entry.office))
    if not form.is_valid():
        return _render_entry(request, entry, edit_form=form)
    try:
        edit_roster_entry(entry, actor=request.user, **form.cleaned_data)
    except RosterError as error:
        form.add_error(None, str(error))
        return _render_entry(request, entry, edit_form=form)
    messages.success(request, _("Saved."))
    return redirect(entry_url(entry))


@login_required
@require_POST
def contact_add(request, pk: int):
    entry = entry_or_404(request, pk)
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _render_entry(request, entry, contact_form=form)
    try:
        log_contact(entry, actor=request.user, **form.cleaned_data)
    except RosterError as error:
        form.add_error(None, str(error))
        return _render_entry(request, entry, contact_form=form)
    messages.success(request, _("The contact is in the log."))
    return redirect(entry_url(entry))
