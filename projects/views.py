"""Pages of the boards: thin views (permission, parse the form, call one service, render)."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from . import queries, rules, services
from .forms import ChallengeForm, ClaimForm, DecisionForm, LandingForm, ProjectForm, SendBackForm
from .models import Attachment, Challenge, Claim, Project, Status

PAGE_SIZE = 20


def _posting_or_404(request, kind: str, pk: int):
    model = queries.board_model(kind)
    posting = get_object_or_404(
        model.objects.select_related(
            "owner", "poster_mentor", "poster_mentee", "poster_organization"
        ),
        pk=pk,
    )
    if not rules.can_view_posting(request.user, posting):
        raise Http404
    return posting


def _post(request):
    """Form data: bound on POST even when the body is empty, so that errors show."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def _redirect(request, url: str):
    """Redirect; an HTMX form swap is told to load the whole page instead."""
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _query_string(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def board_context(request, queryset, *, kind: str) -> dict:
    """Filter, sort and paginate ``queryset`` by the request's GET parameters.

    Reusable by any page that shows a board over its own base queryset; render it with the
    ``projects/_board_filters.html`` and ``projects/_board_results.html`` partials.
    """
    form = queries.BoardFilterForm(request.GET, kind=kind)
    rows = queries.board_rows(queries.filter_board(queryset, form, kind=kind))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"kind": kind, "filter_form": form, "page": page, "query_string": _query_string(request)}


def board(request, kind: str):
    context = board_context(request, queries.published_postings(kind), kind=kind)
    context["can_post"] = rules.can_create_posting(request.user, kind)
    if request.htmx and request.htmx.target == "board-results":
        return render(request, "projects/_board_results.html", context)
    return render(request, "projects/board.html", context)


def posting_detail(request, kind: str, pk: int):
    posting = _posting_or_404(request, kind, pk)
    user = request.user
    manages = rules.is_owner(user, posting) or rules.is_organizer(user)
    claims = list(queries.claims_for_posting(posting))
    visible_claims = [claim for claim in claims if manages or claim.claimant_id == user.pk]
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
        "history": list(queries.history_of(posting))
        if rules.can_view_history(user, posting)
        else None,
        "sent_back": queries.latest_send_back(posting)
        if manages and posting.status == Status.DRAFT
        else None,
        "send_back_form": SendBackForm(),
        "landing_form": LandingForm(initial={"province": posting.province, "city": posting.city}),
    }
    return render(request, "projects/posting_detail.html", context)


def _posting_form_class(kind: str):
    return ChallengeForm if kind == Challenge.kind else ProjectForm


def _save_posting_form(request, kind: str, posting):
    form = _posting_form_class(kind)(*_post(request), instance=posting, user=request.user)
    if request.method == "POST" and form.is_valid():
        posting = services.save_posting(
            form.save(commit=False),
            actor=request.user,
            poster=form.cleaned_data["poster"],
            fields=form.cleaned_data["fields"],
            files=form.cleaned_data["attachments"],
        )
        if "submit" in request.POST and posting.status == Status.DRAFT:
            services.submit_posting(posting, actor=request.user)
            messages.success(request, _("Submitted. An organizer will review it shortly."))
        else:
            messages.success(request, _("Saved."))
        return _redirect(request, posting.get_absolute_url())
    template = "projects/_posting_form.html" if request.htmx else "projects/posting_form.html"
    return render(request, template, {"form": form, "kind": kind, "posting": posting})


@login_required
def posting_create(request, kind: str):
    if not rules.can_create_posting(request.user, kind):
        raise PermissionDenied
    return _save_posting_form(request, kind, queries.board_model(kind)())


@login_required
def posting_edit(request, kind: str, pk: int):
    posting = _posting_or_404(request, kind, pk)
    if not rules.can_edit_posting(request.user, posting):
        raise Http404
    return _save_posting_form(request, kind, posting)


def _review_done(request, posting, message: str):
    if request.htmx:
        return render(
            request, "projects/_review_row.html", {"posting": posting, "done_message": message}
        )
    messages.success(request, message)
    return redirect(request.POST.get("next") or posting.get_absolute_url())


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
    posting = _posting_or_404(request, kind, pk)
    allowed, service, done = POSTING_ACTIONS[action]
    if not allowed(request.user, posting):
        raise Http404
    try:
        posting = service(posting, actor=request.user)
    except services.BoardError as exc:
        messages.error(request, exc.message)
        return redirect(posting.get_absolute_url())
    return _review_done(request, posting, str(done))


@require_POST
@login_required
def posting_send_back(request, kind: str, pk: int):
    posting = _posting_or_404(request, kind, pk)
    if not rules.can_review_posting(request.user, posting):
        raise Http404
    form = SendBackForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            return render(
                request, "projects/_review_row.html", {"posting": posting, "send_back_form": form}
            )
        messages.error(request, _("Say what the poster should change."))
        return redirect(posting.get_absolute_url())
    posting = services.send_back_posting(
        posting, actor=request.user, comment=form.cleaned_data["comment"]
    )
    return _review_done(request, posting, _("Sent back to the poster."))


@login_required
def posting_landing(request, kind: str, pk: int):
    posting = _posting_or_404(request, kind, pk)
    if not rules.can_manage_posting(request.user, posting):
        raise Http404
    form = LandingForm(_post(request)[0])
    if request.method == "POST" and form.is_valid():
        try:
            services.record_landing(posting, actor=request.user, **form.cleaned_data)
        except services.BoardError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Landing recorded."))
        return redirect(posting.get_absolute_url())
    return render(request, "projects/landing_form.html", {"form": form, "posting": posting})


@login_required
def claim_create(request, kind: str, pk: int):
    posting = _posting_or_404(request, kind, pk)
    if not rules.can_claim_posting(request.user, posting):
        raise PermissionDenied
    form = ClaimForm(*_post(request))
    if isinstance(posting, Challenge):
        del form.fields["organization_name"]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.claim_posting(
                posting,
                actor=request.user,
                approach=data["approach"],
                timeline=data["timeline"],
                team=data["team"],
                expected_result=data["expected_result"],
                organization_name=data.get("organization_name", ""),
                files=data["attachments"],
            )
        except services.BoardError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Your claim was sent to the poster."))
            return _redirect(request, posting.get_absolute_url())
    template = "projects/_claim_form.html" if request.htmx else "projects/claim_form.html"
    return render(request, template, {"form": form, "posting": posting})


CLAIM_ACTIONS = {
    "accept": (rules.can_decide_claim, services.accept_claim, gettext_lazy("Claim accepted.")),
    "decline": (rules.can_decide_claim, services.decline_claim, gettext_lazy("Claim declined.")),
    "withdraw": (
        rules.can_withdraw_claim,
        services.withdraw_claim,
        gettext_lazy("Claim withdrawn."),
    ),
}


@require_POST
@login_required
def claim_action(request, pk: int, action: str):
    """Accept, decline or withdraw a claim; HTMX gets the posting's refreshed claim list."""
    claim = get_object_or_404(
        Claim.objects.select_related("project__owner", "challenge__owner", "claimant"), pk=pk
    )
    if not rules.can_view_claim(request.user, claim):
        raise Http404
    allowed, service, done = CLAIM_ACTIONS[action]
    if not allowed(request.user, claim):
        raise Http404
    kwargs = {}
    if action != "withdraw":
        form = DecisionForm(request.POST)
        kwargs["message"] = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        service(claim, actor=request.user, **kwargs)
    except services.BoardError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    posting = claim.posting
    if request.htmx and action != "withdraw":
        posting = type(posting).objects.get(pk=posting.pk)
        response = render(
            request,
            "projects/_claims.html",
            {
                "posting": posting,
                "claims": list(queries.claims_for_posting(posting)),
                "manages": True,
            },
        )
        response["HX-Trigger"] = "claimsChanged"
        return response
    return redirect(request.POST.get("next") or posting.get_absolute_url())


def attachment_download(request, pk: int):
    attachment = get_object_or_404(
        Attachment.objects.select_related("project", "challenge", "claim"), pk=pk
    )
    if attachment.claim_id:
        allowed = rules.can_view_claim(request.user, attachment.claim)
    else:
        allowed = rules.can_see_details(request.user, attachment.posting)
    if not allowed:
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@login_required
def my_postings(request):
    context = {
        "challenges": list(queries.owned_postings(request.user, Challenge.kind)),
        "projects": list(queries.owned_postings(request.user, Project.kind)),
        "manages": True,
    }
    return render(request, "projects/my_postings.html", context)


@login_required
def my_claims(request):
    page = Paginator(queries.claims_of_user(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request, "projects/my_claims.html", {"page": page, "query_string": _query_string(request)}
    )


@login_required
def review_queue(request):
    if not rules.is_organizer(request.user):
        raise PermissionDenied
    context = {
        "challenges": list(queries.review_queue(Challenge.kind)),
        "projects": list(queries.review_queue(Project.kind)),
        "send_back_form": SendBackForm(),
    }
    return render(request, "projects/review_queue.html", context)


def _onsite_items(request) -> list[tuple[str, int]]:
    """The postings an on-site board cycles through: ``?ids=c12,p5`` or all published ones."""
    prefixes = {"c": Challenge.kind, "p": Project.kind}
    wanted = [
        (prefixes[token[0]], int(token[1:]))
        for token in request.GET.get("ids", "").split(",")
        if token[:1] in prefixes and token[1:].isdigit()
    ]
    items = []
    for kind in (Challenge.kind, Project.kind):
        ids = [pk for item_kind, pk in wanted if item_kind == kind]
        queryset = queries.published_postings(kind).exclude(status=Status.CLOSED)
        if wanted:
            queryset = queryset.filter(pk__in=ids)
        items += [
            (kind, pk)
            for pk in queryset.order_by("-published_at", "-id").values_list("pk", flat=True)
        ]
    if wanted:
        # Chosen postings keep the caller's order (an event's running order on site).
        position = {item: index for index, item in reversed(list(enumerate(wanted)))}
        items.sort(key=position.__getitem__)
    return items


def onsite_board(request):
    """The on-site board (现场张榜): one big card at a time, the next one swapped in by htmx."""
    items = _onsite_items(request)
    try:
        index = int(request.GET.get("i", 0)) % len(items) if items else 0
    except ValueError:
        index = 0
    context = {"count": len(items), "index": index, "ids": request.GET.get("ids", "")}
    if items:
        kind, pk = items[index]
        context["posting"] = queries.board_rows(queries.board_model(kind).objects.filter(pk=pk))[0]
        context["next_index"] = (index + 1) % len(items)
    if request.htmx:
        return render(request, "projects/_onsite_card.html", context)
    return render(request, "projects/onsite.html", context)


def board_index(request):
    return redirect("projects:board", kind=Challenge.kind)
