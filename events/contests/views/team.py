"""The team's side: the public contest page, the entry form, the status page, attachments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import paginate
from talentbridge.rules import office_ids_with_role

from .. import rules
from ..forms import EntryForm, LandingForm
from ..models import Award, Contest, Entry
from ..services import ATTACHMENTS, ContestError, save_entry, submit_entry, withdraw_entry
from .common import contest_for, entry_for


def contest_list(request):
    contests = Contest.objects.select_related("office", "event").filter(is_public=True)
    page = paginate(request, contests)
    managed = rules.is_office_manager_anywhere(request.user)
    return render(request, "events/contests/list.html", {"page": page, "can_create": managed})


def contest_detail(request, pk: int):
    contest = contest_for(request, pk, rules.can_view_contest)
    awards = []
    if contest.results_published:
        awards = list(
            Award.objects.filter(entry__contest=contest, confirmed_at__isnull=False)
            .select_related("entry__track")
            .order_by("entry__track__position", "entry__group", "prize", "entry__team_name")
        )
    my_entries = []
    if request.user.is_authenticated:
        my_entries = list(contest.entries.filter(owner=request.user).select_related("track"))
    judges = office_ids_with_role(request.user, "judge") if request.user.is_authenticated else ()
    context = {
        "contest": contest,
        "tracks": contest.tracks.all(),
        "criteria": contest.criteria.all(),
        "awards": awards,
        "my_entries": my_entries,
        "can_enter": rules.can_enter_contest(request.user, contest),
        "can_manage": rules.can_manage_contest(request.user, contest),
        "is_judge": contest.office_id in judges and rules.is_contest_judge(request.user, contest),
    }
    return render(request, "events/contests/detail.html", context)


def _entry_page(request, contest: Contest, entry: Entry | None):
    form = EntryForm(request.POST or None, request.FILES or None, instance=entry, contest=contest)
    if request.method == "POST" and form.is_valid():
        try:
            entry = save_entry(
                contest,
                actor=request.user,
                entry=entry,
                data=form.entry_data(),
                files=form.entry_files(),
            )
        except ContestError as error:
            form.add_error(None, str(error))
        else:
            if request.POST.get("submit") and entry.status == Entry.Status.DRAFT:
                try:
                    submit_entry(entry, actor=request.user)
                    messages.success(request, _("Your entry was submitted."))
                except ContestError as error:
                    messages.error(request, str(error))
            else:
                messages.success(request, _("Your entry was saved."))
            return redirect("events:contest_entry", pk=contest.pk, entry_id=entry.pk)
    context = {"contest": contest, "entry": entry, "form": form}
    return render(request, "events/contests/entry_form.html", context)


@login_required
def entry_create(request, pk: int):
    contest = contest_for(request, pk, rules.can_enter_contest)
    return _entry_page(request, contest, None)


@login_required
def entry_edit(request, pk: int, entry_id: int):
    entry = entry_for(request, pk, entry_id, rules.can_edit_entry)
    if entry.status not in (Entry.Status.DRAFT, Entry.Status.SUBMITTED):
        raise Http404
    return _entry_page(request, entry.contest, entry)


@login_required
def entry_detail(request, pk: int, entry_id: int):
    entry = entry_for(request, pk, entry_id, rules.can_view_entry)
    in_review = entry.status == Entry.Status.SUBMITTED and entry.assignments.exists()
    context = {
        "contest": entry.contest,
        "entry": entry,
        "in_review": in_review,
        "award": Award.objects.filter(entry=entry, confirmed_at__isnull=False).first(),
        "can_edit": rules.can_edit_entry(request.user, entry)
        and entry.status in (Entry.Status.DRAFT, Entry.Status.SUBMITTED)
        and entry.contest.is_open,
        "can_manage": rules.can_manage_contest(request.user, entry.contest),
        "landing_form": LandingForm(initial={"province": "", "landed_on": None}),
        "answers": [
            (q.text, entry.answers.get(str(q.pk), "")) for q in entry.contest.questions.all()
        ],
    }
    return render(request, "events/contests/entry_detail.html", context)


@login_required
@require_POST
def entry_action(request, pk: int, entry_id: int, action: str):
    entry = entry_for(request, pk, entry_id, rules.can_edit_entry)
    services = {"submit": submit_entry, "withdraw": withdraw_entry}
    if action not in services:
        raise Http404
    try:
        services[action](entry, actor=request.user)
        messages.success(request, _("Done."))
    except ContestError as error:
        messages.error(request, str(error))
    return redirect("events:contest_entry", pk=pk, entry_id=entry_id)


@login_required
def attachment(request, pk: int, entry_id: int, kind: str):
    entry = entry_for(request, pk, entry_id, rules.can_read_attachment)
    if kind not in ATTACHMENTS or not getattr(entry, kind):
        raise Http404
    stored = getattr(entry, kind)
    name = getattr(entry, f"{kind}_name") or stored.name.rsplit("/", 1)[-1]
    if not rules.shows_team(request.user, entry.contest):
        name = f"{kind}-{entry.pk}{('.' + name.rsplit('.', 1)[-1]) if '.' in name else ''}"
    return FileResponse(stored.open("rb"), as_attachment=True, filename=name)
