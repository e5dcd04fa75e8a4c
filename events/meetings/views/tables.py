"""The table staff's page: one table's meetings of the day, and no-shows marked there."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.models import Meeting

from .. import rules
from ..forms import NoShowForm
from ..services.schedule import mark_no_show
from .common import day_for, row_of


@login_required
def tables(request, pk: int, table_id: int | None = None):
    """Pick a table; see its meetings in time order with the no-show buttons."""
    event = day_for(request, pk, rules.can_staff_tables)
    all_tables = event.meeting_tables.all()
    table = row_of(all_tables, table_id) if table_id is not None else None
    meetings = []
    if table is not None:
        meetings = (
            Meeting.objects.filter(table=table)
            .select_related("slot", "request__requester__user", "request__recipient__user")
            .order_by("slot__starts_at")
        )
    context = {
        "event": event,
        "tables": all_tables,
        "table": table,
        "meetings": meetings,
        "choices": Meeting.NoShow.choices,
    }
    return render(request, "events/meetings/tables.html", context)


@require_POST
@login_required
def no_show(request, pk: int, meeting_id: int):
    event = day_for(request, pk, rules.can_staff_tables)
    meeting = row_of(Meeting.objects.filter(request__event=event), meeting_id)
    form = NoShowForm(request.POST)
    if form.is_valid():
        mark_no_show(meeting, who=form.cleaned_data["no_show"], actor=request.user)
        messages.success(request, _("Recorded."))
    else:
        messages.error(request, _("Unknown choice."))
    return redirect("events:meetings:table", pk=event.pk, table_id=meeting.table_id)
