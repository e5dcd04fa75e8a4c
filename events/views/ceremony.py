"""The pairing ceremony: the running order the organizers build, the console they run it
from, and the big screen and audience page that follow it live."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.cache import cache_add, cache_get

from .. import queries, rules
from ..ceremony import group_label
from ..forms import AddPairForm, CeremonyForm
from ..models import Ceremony, CeremonyPair, CeremonyStep
from ..services import EventError
from ..services.ceremony import (
    add_ceremony_pair,
    advance_ceremony,
    ceremony_state,
    create_ceremony,
    edit_ceremony,
    fill_running_order,
    move_ceremony_pair,
    remove_ceremony_pair,
)
from .common import event_for, page_or_fragment


def _ceremony_for(request, pk: int, predicate) -> Ceremony:
    event = event_for(request, pk, predicate)
    return get_object_or_404(Ceremony.objects.select_related("event"), event=event)


@login_required
def ceremony_builder(request, pk: int):
    event = event_for(request, pk, rules.can_build_ceremony)
    ceremony = Ceremony.objects.filter(event=event).first()
    form = CeremonyForm(request.POST or None, instance=ceremony)
    if request.method == "POST" and form.is_valid():
        title, group_count = form.cleaned_data["title"], form.cleaned_data["group_count"]
        if ceremony is None:
            create_ceremony(event, actor=request.user, title=title, group_count=group_count)
        else:
            edit_ceremony(ceremony, actor=request.user, title=title, group_count=group_count)
        messages.success(request, _("The ceremony was saved."))
        return redirect("events:ceremony", pk=event.pk)
    context = {"event": event, "ceremony": ceremony, "form": form}
    if ceremony is not None:
        candidates = list(queries.pairings_for_ceremony(ceremony)[:200])
        context |= {
            "state": ceremony_state(ceremony),
            "candidates": candidates,
            "group_choices": [(n, group_label(n)) for n in range(1, ceremony.group_count + 1)],
        }
    return render(request, "events/ceremony_builder.html", context)


@login_required
@require_POST
def ceremony_fill(request, pk: int):
    ceremony = _ceremony_for(request, pk, rules.can_build_ceremony)
    pairings = list(queries.pairings_for_ceremony(ceremony))
    titles = queries.project_titles_for_pairings(p.pk for p in pairings)
    added = fill_running_order(ceremony, pairings, actor=request.user, titles=titles)
    messages.success(request, _("%(count)s pairs were added.") % {"count": added})
    return redirect("events:ceremony", pk=pk)


@login_required
@require_POST
def ceremony_add(request, pk: int):
    ceremony = _ceremony_for(request, pk, rules.can_build_ceremony)
    form = AddPairForm(request.POST)
    if form.is_valid():
        pairing = get_object_or_404(
            queries.pairings_for_ceremony(ceremony), pk=form.cleaned_data["pairing"]
        )
        titles = queries.project_titles_for_pairings([pairing.pk])
        try:
            add_ceremony_pair(
                ceremony,
                pairing,
                actor=request.user,
                group=form.cleaned_data["group"],
                project_title=titles.get(pairing.pk, ""),
            )
        except EventError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Choose a group."))
    return redirect("events:ceremony", pk=pk)


@login_required
@require_POST
def ceremony_move(request, pk: int, pair_id: int):
    ceremony = _ceremony_for(request, pk, rules.can_build_ceremony)
    pair = get_object_or_404(CeremonyPair, pk=pair_id, ceremony=ceremony)
    direction = request.POST.get("direction", "")
    try:
        if direction == "remove":
            remove_ceremony_pair(pair, actor=request.user)
        else:
            move_ceremony_pair(pair, actor=request.user, direction=direction)
    except EventError as error:
        messages.error(request, str(error))
    if request.htmx:
        context = {"event": ceremony.event, "state": ceremony_state(ceremony)}
        return render(request, "events/_running_order.html", context)
    return redirect("events:ceremony", pk=pk)


@login_required
def console(request, pk: int):
    ceremony = _ceremony_for(request, pk, rules.can_run_ceremony)
    error = ""
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in CeremonyStep.Action.values:
            error = _("Unknown step.")
        else:
            try:
                advance_ceremony(ceremony, action, actor=request.user)
            except EventError as exc:
                error = str(exc)
        if not request.htmx and not error:
            return redirect("events:console", pk=pk)
    state = ceremony_state(ceremony)
    context = {
        "event": ceremony.event,
        "ceremony": ceremony,
        "state": state,
        "allowed": state.allowed(),
        "error": error,
        "can_build": rules.can_build_ceremony(request.user, ceremony.event),
        "steps": ceremony.steps.select_related("pair__pairing__mentor", "actor").order_by("-id")[
            :12
        ],
    }
    return render(
        request,
        page_or_fragment(request, "events/console.html", "events/_console_panel.html"),
        context,
    )


def _state_response(request, pk: int, template: str):
    """A ceremony state partial with an ETag: an unchanged state costs a cache lookup and a
    304; the tag is cached only for public events, and a 200 always checks permission."""
    key = queries.screen_cache_key(pk)
    tag = cache_get(key)
    ceremony = None
    if tag is None:
        ceremony = queries.screen_version(pk)
        if ceremony is None or not rules.can_watch_ceremony(request.user, ceremony.event):
            raise Http404
        tag = queries.screen_tag(ceremony)
        if ceremony.event.is_public:
            # add, not set: a writer's fresher tag wins over this possibly older read.
            cache_add(key, tag, queries.SCREEN_CACHE_SECONDS)
    etag = f'"{tag}-{get_language()}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        ceremony = ceremony or queries.screen_version(pk)
        if ceremony is None or not rules.can_watch_ceremony(request.user, ceremony.event):
            raise Http404
        response = render(
            request, template, {"event": ceremony.event, "state": ceremony_state(ceremony)}
        )
    response["ETag"] = etag
    # Screens revalidate every time; the browser replays its cached copy on a 304.
    response["Cache-Control"] = "no-cache"
    return response


def screen(request, pk: int):
    ceremony = _ceremony_for(request, pk, rules.can_watch_ceremony)
    context = {"event": ceremony.event, "ceremony": ceremony, "state": ceremony_state(ceremony)}
    return render(request, "events/screen.html", context)


def screen_state(request, pk: int):
    return _state_response(request, pk, "events/_screen_state.html")


def audience(request, pk: int):
    ceremony = _ceremony_for(request, pk, rules.can_watch_ceremony)
    context = {"event": ceremony.event, "ceremony": ceremony, "state": ceremony_state(ceremony)}
    return render(request, "events/audience.html", context)


def audience_state(request, pk: int):
    return _state_response(request, pk, "events/_audience_state.html")
