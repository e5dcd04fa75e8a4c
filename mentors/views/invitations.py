"""The experts an office holds, with where each stands with its invitations (求贤帖);
inviting them by e-mail or on a printable sheet; and opening a link to claim a profile."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from talentbridge.http import paginate, query_string
from talentbridge.models import Office, User
from talentbridge.parsing import parse_ids

from .. import rules
from ..forms import ClaimProfileForm, HeldExpertsFilterForm, InviteExpertsForm
from ..models import ClaimStatus
from ..queries import (
    claim_status_counts,
    held_experts,
    live_invitations,
    offices_for_people,
    people_held_by,
)
from ..services import (
    InvitationError,
    claim_profile,
    invitation_for_token,
    invitation_url,
    invite_experts,
    open_profile_invitation,
)
from . import object_or_404

SHEET_SIZE = 60


def _office_or_404(request, pk) -> Office:
    office = object_or_404(Office.objects.all(), pk)
    if not rules.can_invite_experts(request.user, office):
        raise Http404
    return office


@login_required
def held_offices(request):
    """The offices whose experts the user looks after; straight to the office when one."""
    offices = list(offices_for_people(request.user))
    if not offices:
        raise Http404
    if len(offices) == 1:
        return redirect("mentors:office_experts", pk=offices[0].pk)
    return render(request, "mentors/held_offices.html", {"offices": offices})


@login_required
def office_experts(request, pk):
    """An office's experts: each one's invitation status, and the invitation actions."""
    office = _office_or_404(request, pk)
    form = HeldExpertsFilterForm(request.GET)
    experts = held_experts(office, **form.filters())
    context = {
        "office": office,
        "form": form,
        "page": paginate(request, experts),
        "query_string": query_string(request),
        "counts": _counts(office),
        "invite_form": InviteExpertsForm(experts=people_held_by(office).mentors),
    }
    return render(request, "mentors/office_experts.html", context)


def _counts(office: Office) -> list[tuple[ClaimStatus, int]]:
    counts = claim_status_counts(office)
    return [(status, counts[status.value]) for status in ClaimStatus]


@login_required
@require_POST
def office_invite(request, pk):
    """E-mail the links, or prepare the printable sheet, for the chosen experts."""
    office = _office_or_404(request, pk)
    form = InviteExpertsForm(request.POST, experts=people_held_by(office).mentors)
    back = reverse("mentors:office_experts", args=[office.pk])
    if not form.is_valid():
        for error in form.non_field_errors() or [_("Choose what to do and for whom.")]:
            messages.error(request, error)
        return redirect(back)
    data = form.cleaned_data
    if data["scope"] == form.SELECTED:
        experts = list(data["mentors"])
    else:
        experts = list(held_experts(office).exclude(claim_status=ClaimStatus.JOINED))
    send = data["action"] == form.EMAIL
    result = invite_experts(office, experts, actor=request.user, send=send)
    _report(request, result, sent=send)
    if send or not result.invitations:
        return redirect(back)
    sheet = reverse("mentors:office_sheet", args=[office.pk])
    if data["scope"] == form.SELECTED:
        ids = ",".join(str(invitation.mentor_id) for invitation in result.invitations)
        sheet += f"?ids={ids}"
    return redirect(sheet)


def _report(request, result, *, sent: bool) -> None:
    count = len(result.invitations)
    if sent and count:
        messages.success(
            request,
            ngettext("%(n)d invitation was sent.", "%(n)d invitations were sent.", count)
            % {"n": count},
        )
    if result.joined:
        messages.warning(
            request,
            ngettext(
                "%(n)d expert has already joined and was left out.",
                "%(n)d experts have already joined and were left out.",
                len(result.joined),
            )
            % {"n": len(result.joined)},
        )
    if result.without_email:
        messages.warning(
            request,
            _("No e-mail address on file for %(names)s: hand them the link on the sheet.")
            % {"names": _names(result.without_email)},
        )


def _names(mentors, shown: int = 10) -> str:
    names = "、".join(mentor.name for mentor in mentors[:shown])
    return f"{names}…" if len(mentors) > shown else names


@login_required
def office_sheet(request, pk):
    """The printable sheet: each invited expert's link as a QR code, and the same links as
    texts to paste into an SMS or a WeChat group."""
    office = _office_or_404(request, pk)
    wanted = parse_ids(request.GET.get("ids", "").split(","))
    invitations = live_invitations(office, wanted or people_held_by(office).mentors.values("pk"))
    page = paginate(request, invitations, per_page=SHEET_SIZE)
    rows = [{"invitation": invitation, "url": invitation_url(invitation)} for invitation in page]
    context = {"office": office, "page": page, "rows": rows, "query_string": query_string(request)}
    return render(request, "mentors/invitation_sheet.html", context)


def profile_claim(request, token: str):
    """Open an invitation link: set a password (or use the account logged in) and take over
    the existing profile."""
    try:
        invitation = invitation_for_token(token)
    except InvitationError as error:
        return render(request, "mentors/claim_invalid.html", {"error": error.message}, status=410)
    user = request.user
    open_profile_invitation(invitation, actor=user if user.is_authenticated else None)
    email = invitation.email
    if not user.is_authenticated and email and User.objects.filter(email__iexact=email).exists():
        messages.info(request, _("You already have an account: log in to claim your profile."))
        return redirect_to_login(request.get_full_path())
    form = ClaimProfileForm(request.POST or None, email=email, name=invitation.mentor.name)
    status = 200
    if request.method == "POST" and (user.is_authenticated or form.is_valid()):
        try:
            if user.is_authenticated:
                mentor = claim_profile(token, user=user)
            else:
                mentor = claim_profile(
                    token,
                    email=form.cleaned_data.get("email", ""),
                    password=form.cleaned_data["password1"],
                )
                login(request, mentor.user, backend="django.contrib.auth.backends.ModelBackend")
        except InvitationError as error:
            messages.error(request, error.message)
            status = 400
        else:
            messages.success(
                request,
                _("Welcome, %(name)s: this is your profile now. Check it and keep it current.")
                % {"name": mentor.name},
            )
            return redirect(mentor.get_absolute_url())
    elif request.method == "POST":
        status = 400
    wrong_account = bool(user.is_authenticated and email and user.email.lower() != email)
    context = {"invitation": invitation, "form": form, "wrong_account": wrong_account}
    return render(request, "mentors/claim_profile.html", context, status=status)
