"""The final's big screen: the team on stage and, once every judge has scored, the result.
It follows its live stream like the ceremony screen, polling with an ETag as fallback."""

from django.http import HttpResponseNotModified
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import get_language

from talentbridge.live import stream_response

from .. import rules
from ..live import RETRY_MS, contest_channel, final_state, state_event, state_tag
from ..models import Contest
from .common import contest_for


def screen(request, pk: int):
    contest = contest_for(request, pk, rules.can_view_contest)
    context = {"contest": contest, "state": final_state(contest)}
    return render(request, "events/contests/screen.html", context)


def screen_state(request, pk: int):
    contest = contest_for(request, pk, rules.can_view_contest)
    state = final_state(contest)
    etag = f'"{state_tag(state)}-{get_language()}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        context = {"contest": contest, "state": state}
        response = render(request, "events/contests/_screen_state.html", context)
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    return response


def screen_stream(request, pk: int):
    """The screen's live stream (SSE): held by the push engine on the language's channel, or
    served by Django itself in the embedded mode; a reconnecting screen that names the state
    it last saw gets the current one only when it changed."""
    contest = contest_for(request, pk, rules.can_view_contest)
    language = get_language()

    def catch_up(last_id: str):
        current = Contest.objects.filter(pk=contest.pk).first()
        if current is None:
            return None, ""
        state = final_state(current)
        tag = state_tag(state)
        if tag == last_id:
            return tag, ""
        with translation.override(language):
            return tag, state_event(state)

    return stream_response(
        request, channel=contest_channel(contest.pk, language), catch_up=catch_up, retry_ms=RETRY_MS
    )
