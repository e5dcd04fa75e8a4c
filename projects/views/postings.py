"""A posting's page, its form, its transitions, the review queue and "my postings"."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from projects import rules
from projects.forms.landings import LandingForm
from projects.forms.postings import ChallengeForm, ProjectForm, SendBackForm
from projects.models import Challenge, Claim, Landing, Project, Status
from projects.queries.claims import claims_for_posting
from projects.queries.postings import (
    board_model,
    history_of,
    latest_send_back,
    owned_postings,
)
from projects.queries.postings import (
    review_queue as postings_to_review,
)
from projects.services import postings as services
from projects.services.common import BoardError, posting_ref
from talentbridge.http import redirect_to, safe_next
from talentbridge.parsing import parse_id

from .common import form_data, posting_or_404


def posting_detail(request, kind: str, pk: int):
    posting = posting_or_404(request, kind, pk)
    user = request.user
    manages = rules.can_view_history(user, posting)
    claims = list(claims_for_posting(posting))
    visible_claims = [claim for claim in claims if manages or claim.claimant_id == user.pk]
    landing = Landing.objects.filter(**posting_ref(posting)).first()
    context = {
        "posting": posting,
        "kind": kind,
        "manages": manages,
        "claims": visible_claims,
        "accepted_count": sum(claim.status == Claim.Status.ACCEPTED for claim in claims),
        "attachments": list(posting.attachments.all()),
        "can_see_details": rules.can_see_details(user, posting),
        "can_claim": rules.can_claim_posting(user, posting)
        and not any(c.claimant_id == user.pk and c.status in Claim.OPEN for c in claims),
        "can_edit": rules.can_edit_posting(user, posting),
        "can_submit": rules.can_submit_posting(user, posting),
        "can_review": rules.can_review_posting(user, posting),
        "can_withdraw": rules.can_withdraw_posting(user, posting),
        "can_manage": rules.can_manage_posting(user, posting),
        "can_close": rules.can_close_posting(user, posting),
        "history": list(history_of(posting)) if manages else None,
        "sent_back": latest_send_back(posting)
        if manages and posting.status == Status.DRAFT
        else None,
        "send_back_form": SendBackForm(),
        "followups": list(landing.followups.all()) if landing else [],
        "can_follow_up": landing is not None and rules.can_record_followup(user, landing),
        "landing_form": LandingForm(initial={"province": posting.province, "city": posting.city}),
    }
    return render(request, "projects/posting_detail.html", context)


def _save_posting_form(request, kind: str, posting):
    form_class = ChallengeForm if kind == Challenge.kind else ProjectForm
    form = form_class(
        *form_data(request),
        instance=posting,
        user=request.user,
        office=parse_id(request.GET.get("office")),
    )
    if request.method == "POST" and form.is_valid():
        try:
            posting = services.save_posting(
                form.instance,
                actor=request.user,
                poster=form.cleaned_data["poster"],
                fields=form.cleaned_data["fields"],
                files=form.cleaned_data["attachments"],
            )
        except BoardError as exc:
            form.add_error(None, exc.message)
        else:
            if "submit" in request.POST and posting.status == Status.DRAFT:
                services.submit_posting(posting, actor=request.user)
                messages.success(request, _("Submitted. An organizer will review it shortly."))
            else:
                messages.success(request, _("Saved."))
            return redirect_to(request, posting.get_absolute_url())
    template = "projects/_posting_form.html" if request.htmx else "projects/posting_form.html"
    return render(request, template, {"form": form, "kind": kind, "posting": posting})


@login_required
def posting_create(request, kind: str):
    if not rules.can_create_posting(request.user, kind):
        raise PermissionDenied
    return _save_posting_form(request, kind, board_model(kind)())


@login_required
def posting_edit(request, kind: str, pk: int):
    posting = posting_or_404(request, kind, pk)
    if not rules.can_edit_posting(request.user, posting):
        raise Http404
    return _save_posting_form(request, kind, posting)


def _shows_office(user) -> bool:
    """The review queue names each posting's office when the user reviews for several."""
    offices = rules.reviewing_office_ids(user)
    return offices is None or len(offices) > 1


def _review_done(request, posting, message: str):
    if request.htmx:
        context = {
            "posting": posting,
            "done_message": message,
            "show_office": _shows_office(request.user),
        }
        return render(request, "projects/_review_row.html", context)
    messages.success(request, message)
    return redirect(safe_next(request, posting.get_absolute_url()))


POSTING_ACTIONS: dict[str, tuple[Callable, Callable, object]] = {
    "submit": (
        rules.can_submit_posting,
        services.submit_posting,
        gettext_lazy("Submitted for review."),
    ),
    "publish": (rules.can_review_posting, services.publish_posting, gettext_lazy("Published.")),
    "withdraw": (rules.can_withdraw_posting, services.withdraw_posting, gettext_lazy("Withdrawn.")),
    "start": (
        rules.can_manage_posting,
        services.start_posting,
        gettext_lazy("Marked as in progress."),
    ),
    "solve": (rules.can_manage_posting, services.solve_posting, gettext_lazy("Marked as solved.")),
    "close": (rules.can_close_posting, services.close_posting, gettext_lazy("Closed.")),
}


@require_POST
@login_required
def posting_action(request, kind: str, pk: int, action: str):
    """Run one of the simple transitions of ``POSTING_ACTIONS`` on a posting."""
    posting = posting_or_404(request, kind, pk)
    allowed, service, done = POSTING_ACTIONS[action]
    if not allowed(request.user, posting):
        raise Http404
    try:
        posting = service(posting, actor=request.user)
    except BoardError as exc:
        messages.error(request, exc.message)
        return redirect(posting.get_absolute_url())
    return _review_done(request, posting, str(done))


@require_POST
@login_required
def posting_send_back(request, kind: str, pk: int):
    posting = posting_or_404(request, kind, pk)
    if not rules.can_review_posting(request.user, posting):
        raise Http404
    form = SendBackForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            context = {
                "posting": posting,
                "send_back_form": form,
                "show_office": _shows_office(request.user),
            }
            return render(request, "projects/_review_row.html", context)
        messages.error(request, _("Say what the poster should change."))
        return redirect(posting.get_absolute_url())
    posting = services.send_back_posting(
        posting, actor=request.user, comment=form.cleaned_data["comment"]
    )
    return _review_done(request, posting, _("Sent back to the poster."))


@login_required
def my_postings(request):
    context = {
        "challenges": list(owned_postings(request.user, Challenge.kind)),
        "projects": list(owned_postings(request.user, Project.kind)),
        "manages": True,
    }
    return render(request, "projects/my_postings.html", context)


@login_required
def review_queue(request):
    """The postings submitted to the offices the user reviews for (every office: admins)."""
    if not rules.can_view_review_queue(request.user):
        raise PermissionDenied
    offices = rules.reviewing_office_ids(request.user)
    context = {
        "challenges": list(postings_to_review(Challenge.kind, offices)),
        "projects": list(postings_to_review(Project.kind, offices)),
        "send_back_form": SendBackForm(),
        "show_office": _shows_office(request.user),
    }
    return render(request, "projects/review_queue.html", context)
