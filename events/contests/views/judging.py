"""The judge's side: the queue of sheets, the score sheet on a phone, declaring a conflict."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import paginate

from .. import rules
from ..forms import ScoreForm
from ..judging import save_score
from ..models import Conflict, JudgeAssignment, Score
from ..services import ContestError, declare_conflict
from .common import contest_for


def _my_sheets(user, contest):
    conflicted = Conflict.objects.filter(entry=OuterRef("entry"), judge=user)
    return (
        JudgeAssignment.objects.filter(judge=user, entry__contest=contest)
        .exclude(Exists(conflicted))
        .select_related("entry__track", "round", "score")
        .order_by("-round__id", "entry__final_position", "entry__pk")
    )


@login_required
def judge_queue(request, pk: int):
    contest = contest_for(request, pk, rules.is_contest_judge)
    sheets = _my_sheets(request.user, contest)
    open_sheets = sheets.filter(round__closed_at__isnull=True)
    context = {
        "contest": contest,
        "page": paginate(request, sheets),
        "todo": open_sheets.filter(score__isnull=True).count(),
        "done": open_sheets.filter(score__isnull=False).count(),
        "show_team": rules.shows_team(request.user, contest),
    }
    return render(request, "events/contests/judge_queue.html", context)


@login_required
def score_sheet(request, pk: int, sheet_id: int):
    contest = contest_for(request, pk, rules.is_contest_judge)
    sheet = get_object_or_404(
        JudgeAssignment.objects.select_related("entry__track", "entry__contest", "round"),
        pk=sheet_id,
        entry__contest=contest,
    )
    if not rules.can_score(request.user, sheet):
        raise Http404
    criteria = list(contest.criteria.all())
    score = Score.objects.filter(assignment=sheet).first()
    initial = {"comment": score.comment} if score else {}
    if score:
        initial |= {f"c{k}": v for k, v in score.marks.items()}
    form = ScoreForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_score(
                sheet,
                actor=request.user,
                marks=form.marks(),
                comment=form.cleaned_data["comment"],
            )
        except ContestError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your score was saved."))
            return redirect("events:contest_judging", pk=pk)
    context = {
        "contest": contest,
        "sheet": sheet,
        "entry": sheet.entry,
        "score": score,
        "form": form,
        "show_team": rules.shows_team(request.user, contest),
    }
    return render(request, "events/contests/score_sheet.html", context)


@login_required
@require_POST
def conflict(request, pk: int, sheet_id: int):
    contest = contest_for(request, pk, rules.is_contest_judge)
    sheet = get_object_or_404(
        JudgeAssignment, pk=sheet_id, entry__contest=contest, judge=request.user
    )
    declare_conflict(sheet.entry, judge=request.user, reason=request.POST.get("reason", ""))
    messages.success(request, _("Your conflict was recorded; the entry left your queue."))
    return redirect("events:contest_judging", pk=pk)
