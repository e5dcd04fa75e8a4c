"""A person's own commissioner service: the firms a commissioner serves and what awaits them;
the commissioners serving a firm and what awaits its representatives."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from talentbridge.http import paginate

from .. import rules
from ..queries import (
    dispatches_for_firms,
    dispatches_of,
    drafts_awaiting,
    drafts_by,
    open_whistles_of,
    records_awaiting,
    records_by,
    records_for_firms,
    whistles_for_firms,
)

# Each list of the desk shows this many rows; the records and requests pages show them all.
RECENT = 10


@login_required
def desk(request):
    user = request.user
    firm_ids = rules.represented_firm_ids(user)
    serving = rules.is_commissioner(user)
    context = {
        "is_commissioner": serving,
        "represents_firms": bool(firm_ids),
        "now": timezone.now(),
    }
    if serving:
        context |= {
            "my_firms": list(dispatches_of(user)),
            "my_whistles": list(open_whistles_of(user)[:RECENT]),
            "my_records": list(records_by(user)[:RECENT]),
            "my_drafts": list(drafts_by(user)[:RECENT]),
        }
    if firm_ids:
        context |= {
            "our_commissioners": list(dispatches_for_firms(firm_ids)),
            "to_confirm": list(records_awaiting(firm_ids)[:RECENT]),
            "drafts_to_review": list(drafts_awaiting(firm_ids)[:RECENT]),
            "our_whistles": list(whistles_for_firms(firm_ids)[:RECENT]),
            "our_records": list(records_for_firms(firm_ids)[:RECENT]),
        }
    context["can_raise"] = rules.can_raise_whistle(user)
    return render(request, "projects/commissioners/desk.html", context)


@login_required
def record_list(request):
    """Every record the user wrote or that concerns a firm they represent, newest first."""
    user = request.user
    firm_ids = rules.represented_firm_ids(user)
    if not (rules.is_commissioner(user) or firm_ids):
        raise PermissionDenied
    rows = records_by(user) | records_for_firms(firm_ids)
    return render(
        request, "projects/commissioners/record_list.html", {"page": paginate(request, rows)}
    )
