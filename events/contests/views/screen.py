"""The final's big screen: the team on stage and, once every judge has scored, the result.
It polls its state with an ETag like the ceremony screen."""

from django.http import HttpResponseNotModified
from django.shortcuts import render
from django.utils.translation import get_language

from .. import rules
from ..live import final_state, state_tag
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
