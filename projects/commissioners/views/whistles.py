"""Whistle requests (项目吹哨、专员报到): raise one, read it, acknowledge and close it (the
assigned commissioner), assign it (the office's managers)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import paginate, redirect_to
from talentbridge.models import Office
from talentbridge.rules import is_admin, managed_office_ids

from .. import rules
from ..forms import AssignWhistleForm, CloseWhistleForm, WhistleForm
from ..models import WhistleRequest
from ..queries import is_overdue, whistle_targets
from ..services import CommissionerError
from ..services.whistles import acknowledge_whistle, assign_whistle, close_whistle, raise_whistle
from .common import object_or_404


def _whistles():
    return WhistleRequest.objects.select_related(
        "organization", "commissioner", "office", "raised_by"
    )


@login_required
def whistle_list(request):
    """The requests the user answers or whose firm raised them, newest first."""
    user = request.user
    firm_ids = rules.represented_firm_ids(user)
    if not (rules.is_commissioner(user) or firm_ids):
        raise PermissionDenied
    rows = _whistles().filter(Q(commissioner=user) | Q(organization__in=firm_ids))
    context = {"page": paginate(request, rows), "now": timezone.now()}
    return render(request, "projects/commissioners/whistle_list.html", context)


@login_required
def whistle_create(request):
    user = request.user
    if not rules.can_raise_whistle(user):
        raise PermissionDenied
    managed = Office.objects.values_list("pk", flat=True) if is_admin(user) else None
    targets = whistle_targets(user, managed if managed is not None else managed_office_ids(user))
    form = WhistleForm(request.POST or None, targets=targets)
    if request.method == "POST" and form.is_valid():
        office, firm = form.target_pair()
        data = form.cleaned_data
        try:
            whistle = raise_whistle(
                office,
                firm,
                actor=user,
                title=data["title"],
                details=data["details"],
                urgency=data["urgency"],
                key_project=data["key_project"],
            )
        except CommissionerError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Raised. It must be acknowledged by %(time)s.")
                % {"time": timezone.localtime(whistle.acknowledge_by).strftime("%Y-%m-%d %H:%M")},
            )
            return redirect_to(request, whistle.get_absolute_url())
    return render(
        request, "projects/commissioners/whistle_form.html", {"form": form, "targets": targets}
    )


@login_required
def whistle_detail(request, pk: int):
    whistle = object_or_404(request, _whistles(), pk, rules.can_view_whistle)
    user = request.user
    manages = rules.can_manage_commissioners(user, whistle.office_id)
    context = {
        "whistle": whistle,
        "overdue": is_overdue(whistle),
        "records": list(whistle.records.select_related("commissioner")),
        "can_acknowledge": rules.can_acknowledge_whistle(user, whistle),
        "can_close": rules.can_close_whistle(user, whistle),
        "can_assign": rules.can_assign_whistle(user, whistle),
        "manages": manages,
        "close_form": CloseWhistleForm(),
        "assign_form": AssignWhistleForm(
            office=whistle.office, initial={"commissioner": whistle.commissioner_id}
        )
        if manages
        else None,
    }
    return render(request, "projects/commissioners/whistle_detail.html", context)


@require_POST
@login_required
def whistle_action(request, pk: int, action: str):
    """``acknowledge``, ``close`` or ``assign`` a request; the service checks who may."""
    whistle = object_or_404(request, _whistles(), pk, rules.can_view_whistle)
    try:
        if action == "acknowledge":
            acknowledge_whistle(whistle, actor=request.user)
            messages.success(request, _("Acknowledged. The firm is told you are on it."))
        elif action == "close":
            form = CloseWhistleForm(request.POST)
            if not form.is_valid():
                raise CommissionerError(_("Say what was done."))
            close_whistle(whistle, actor=request.user, resolution=form.cleaned_data["resolution"])
            messages.success(request, _("Closed. The firm is told what was done."))
        else:
            form = AssignWhistleForm(request.POST, office=whistle.office)
            if not form.is_valid():
                raise CommissionerError(_("Choose a commissioner of the office."))
            assign_whistle(whistle, form.cleaned_data["commissioner"], actor=request.user)
            messages.success(request, _("Assigned."))
    except CommissionerError as error:
        messages.error(request, error.message)
    return redirect(whistle.get_absolute_url())
