"""The organizer's side: create and edit a contest, its entries, track judges, the judges'
assignment, the ranking, the final's running order and stage, and the awards."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import paginate
from talentbridge.models import Office
from talentbridge.parsing import parse_id
from talentbridge.rules import is_admin, managed_office_ids

from .. import rules
from ..assignment import LEAST_FITTING
from ..exports import write_contest_workbook
from ..figures import contest_figures
from ..forms import ContestForm, LandingForm, NewContestForm, TrackJudgesForm
from ..judging import (
    advance_to_final,
    apply_assignment,
    close_round,
    confirm_awards,
    decide_assignment,
    propose_awards,
    show_on_stage,
)
from ..landing import land_entry
from ..models import Award, Entry, JudgeAssignment, Round
from ..ranking import rank_round
from ..services import (
    ContestError,
    create_contest,
    edit_contest,
    log_contest_export,
    office_judges,
    set_track_judges,
)
from .common import contest_for, entry_for, round_of

ENTRY_FIELDS = ("track", "group", "team_name", "organisation", "project_title", "status")


@login_required
def contest_create(request):
    if not rules.is_office_manager_anywhere(request.user):
        raise Http404
    offices = Office.objects.all()
    if not is_admin(request.user):
        offices = offices.filter(pk__in=managed_office_ids(request.user))
    form = NewContestForm(request.POST or None, offices=offices)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("tracks", "criteria")}
        contest = create_contest(
            data.pop("office"),
            actor=request.user,
            tracks=form.cleaned_data["tracks"],
            criteria=form.cleaned_data["criteria"],
            **data,
        )
        return redirect("events:contest_entries", pk=contest.pk)
    return render(request, "events/contests/form.html", {"form": form})


@login_required
def contest_edit(request, pk: int):
    contest = contest_for(request, pk, rules.can_manage_contest)
    form = ContestForm(request.POST or None, instance=contest)
    if request.method == "POST" and form.is_valid():
        edit_contest(contest, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The contest was saved."))
        return redirect("events:contest_entries", pk=pk)
    return render(request, "events/contests/form.html", {"form": form, "contest": contest})


@login_required
def entries(request, pk: int):
    contest = contest_for(request, pk, rules.can_manage_contest)
    rows = contest.entries.select_related("track").annotate(
        sheets=Count("assignments"), scored=Count("assignments__score")
    )
    status = request.GET.get("status", "")
    if status in Entry.Status.values:
        rows = rows.filter(status=status)
    track_id = parse_id(request.GET.get("track"))
    if track_id:
        rows = rows.filter(track_id=track_id)
    counts = dict(contest.entries.values_list("status").annotate(n=Count("pk")))
    context = {
        "contest": contest,
        "page": paginate(request, rows.order_by("track__position", "pk")),
        "statuses": [(value, label, counts.get(value, 0)) for value, label in Entry.Status.choices],
        "tracks": contest.tracks.all(),
        "status": status,
        "track_id": track_id,
        "rounds": contest.rounds.all(),
        "figures": contest_figures(contest),
    }
    return render(request, "events/contests/entries.html", context)


@login_required
def judges(request, pk: int):
    contest = contest_for(request, pk, rules.can_manage_contest)
    tracks = contest.tracks.prefetch_related("judges")
    form = TrackJudgesForm(
        request.POST or None, tracks=tracks, judges=office_judges(contest.office)
    )
    if request.method == "POST" and form.is_valid():
        try:
            for track in form.tracks:
                set_track_judges(track, form.cleaned_data[f"t{track.pk}"], actor=request.user)
        except ContestError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The track judges were saved."))
            return redirect("events:contest_judges", pk=pk)
    return render(request, "events/contests/judges.html", {"contest": contest, "form": form})


@login_required
def assignment(request, pk: int, kind: str):
    contest = contest_for(request, pk, rules.can_manage_contest)
    round_ = round_of(contest, kind)
    if request.method == "POST":
        try:
            stored = apply_assignment(round_, actor=request.user)
            messages.success(request, _("%(count)s sheets assigned.") % {"count": stored})
        except ContestError as error:
            messages.error(request, str(error))
        return redirect("events:contest_assignment", pk=pk, kind=kind)
    sheets = JudgeAssignment.objects.filter(round=round_)
    judged = (
        Entry.objects.filter(contest=contest, assignments__round=round_)
        .annotate(n=Count("assignments", filter=Q(assignments__round=round_)))
        .values_list("n", flat=True)
    )
    entries_total = contest.entries.exclude(
        status__in=[Entry.Status.DRAFT, Entry.Status.WITHDRAWN]
    ).count()
    full = sum(1 for n in judged if n >= contest.judges_per_entry)
    load = (
        sheets.values("judge__name", "judge_id")
        .annotate(n=Count("pk"), done=Count("score"))
        .order_by("-n", "judge__name")
    )
    context = {
        "contest": contest,
        "round": round_,
        "sheets": sheets.count(),
        "full": full,
        "entries_total": entries_total,
        "coverage": round(100 * full / entries_total, 1) if entries_total else 0,
        "least": sheets.select_related("judge", "entry__track").order_by("fit", "pk")[
            :LEAST_FITTING
        ],
        "load": load,
        "decisions": round_.rules.select_related("judge", "entry").order_by("pk"),
    }
    return render(request, "events/contests/assignment.html", context)


@login_required
@require_POST
def assignment_decide(request, pk: int, kind: str):
    contest = contest_for(request, pk, rules.can_manage_contest)
    round_ = round_of(contest, kind)
    entry = get_object_or_404(Entry, pk=parse_id(request.POST.get("entry")), contest=contest)
    judge = get_object_or_404(office_judges(contest.office), pk=parse_id(request.POST.get("judge")))
    try:
        decide_assignment(round_, entry, judge, request.POST.get("kind", ""), actor=request.user)
    except ContestError as error:
        messages.error(request, str(error))
    return redirect("events:contest_assignment", pk=pk, kind=kind)


@login_required
def ranking(request, pk: int, kind: str):
    contest = contest_for(request, pk, rules.can_manage_contest)
    round_ = round_of(contest, kind)
    track_id = parse_id(request.GET.get("track"))
    rows = rank_round(round_, track_id=track_id)
    context = {
        "contest": contest,
        "round": round_,
        "page": paginate(request, rows, paginator_class=Paginator),
        "tracks": contest.tracks.all(),
        "track_id": track_id,
        "disagreements": sum(1 for r in rows if r.disagreement),
        "has_final": contest.rounds.filter(kind=Round.Kind.FINAL).exists(),
    }
    return render(request, "events/contests/ranking.html", context)


@login_required
@require_POST
def round_action(request, pk: int, kind: str, action: str):
    contest = contest_for(request, pk, rules.can_manage_contest)
    round_ = round_of(contest, kind)
    try:
        if action == "close":
            close_round(round_, actor=request.user)
        elif action == "advance" and kind == Round.Kind.PRELIMINARY:
            advance_to_final(contest, actor=request.user)
            messages.success(request, _("The finalists were chosen."))
            return redirect("events:contest_final", pk=pk)
        else:
            raise Http404
    except ContestError as error:
        messages.error(request, str(error))
    return redirect("events:contest_ranking", pk=pk, kind=kind)


@login_required
def final_console(request, pk: int):
    contest = contest_for(request, pk, rules.can_manage_contest)
    final = round_of(contest, Round.Kind.FINAL)
    if request.method == "POST":
        entry_id = parse_id(request.POST.get("entry"))
        entry = get_object_or_404(Entry, pk=entry_id, contest=contest) if entry_id else None
        try:
            show_on_stage(final, entry, actor=request.user)
        except ContestError as error:
            messages.error(request, str(error))
        return redirect("events:contest_final", pk=pk)
    order = (
        contest.entries.filter(final_position__isnull=False)
        .select_related("track")
        .annotate(
            sheets=Count("assignments", filter=Q(assignments__round=final)),
            scored=Count("assignments__score", filter=Q(assignments__round=final)),
        )
        .order_by("final_position")
    )
    return render(
        request,
        "events/contests/final.html",
        {"contest": contest, "final": final, "order": order},
    )


@login_required
def awards(request, pk: int):
    contest = contest_for(request, pk, rules.can_manage_contest)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "propose":
                count = propose_awards(contest, actor=request.user)
                messages.success(request, _("%(count)s awards proposed.") % {"count": count})
            elif action == "confirm":
                count = confirm_awards(contest, actor=request.user)
                messages.success(request, _("%(count)s awards confirmed.") % {"count": count})
        except ContestError as error:
            messages.error(request, str(error))
        return redirect("events:contest_awards", pk=pk)
    rows = Award.objects.filter(entry__contest=contest).select_related("entry__track")
    return render(
        request,
        "events/contests/awards.html",
        {
            "contest": contest,
            "awards": rows.order_by("entry__track__position", "entry__group", "prize"),
        },
    )


@login_required
def export(request, pk: int):
    """The contest's workbook: entries, assignment, score sheets, ranking, awards."""
    contest = contest_for(request, pk, rules.can_manage_contest)
    buffer = io.BytesIO()
    write_contest_workbook(contest, buffer)
    log_contest_export(contest, actor=request.user, rows=contest.entries.count())
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="contest{contest.pk}.xlsx"'
    return response


@login_required
@require_POST
def land(request, pk: int, entry_id: int):
    """The awarded entry becomes a landed project on the achievement board."""
    entry = entry_for(
        request, pk, entry_id, lambda user, e: rules.can_manage_contest(user, e.contest)
    )
    form = LandingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the province and the date of the landing."))
    else:
        try:
            land_entry(entry, actor=request.user, **form.cleaned_data)
            messages.success(request, _("The project is on the achievement board and landed."))
        except ContestError as error:
            messages.error(request, str(error))
    return redirect("events:contest_entry", pk=pk, entry_id=entry_id)
