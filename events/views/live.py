"""The live streams (Server-Sent Events) of an event: the ceremony's, which the big screen and
the audience page follow (``GET /events/<id>/ceremony/stream[?view=screen]``), and the
check-in counters', which the desks follow."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils import translation
from django.utils.translation import get_language

from talentbridge.live import stream_response

from .. import queries, rules
from ..live import DEFAULT_VIEW, RETRY_MS, VIEWS, ceremony_channel, state_event
from ..live_checkin import RETRY_MS as COUNTERS_RETRY_MS
from ..live_checkin import counters_channel, counters_event, counters_tag, event_counters
from ..services.ceremony import ceremony_state
from .common import event_for

# Embedded mode: how often a stream served by Django looks for a new step, and for new counts.
CHECK_SECONDS = 0.25
COUNTERS_CHECK_SECONDS = 1.0


def _watchable(request, pk: int):
    ceremony = queries.screen_version(pk)
    if ceremony is None or not rules.can_watch_ceremony(request.user, ceremony.event):
        raise Http404
    return ceremony


def _catch_up(ceremony, view: str, last_id: str) -> str:
    """The current state, unless the client already has it."""
    if last_id == queries.screen_tag(ceremony):
        return ""
    return state_event(ceremony, ceremony_state(ceremony), view)


def ceremony_stream(request, pk: int):
    _watchable(request, pk)
    view = request.GET.get("view", DEFAULT_VIEW)
    if view not in VIEWS:
        view = DEFAULT_VIEW
    language = get_language()

    def catch_up(last_id: str):
        current = queries.screen_version(pk)
        if current is None:
            return None, ""
        with translation.override(language):
            return queries.screen_tag(current), _catch_up(current, view, last_id)

    return stream_response(
        request,
        channel=ceremony_channel(pk, view, language),
        catch_up=catch_up,
        retry_ms=RETRY_MS,
        check_seconds=CHECK_SECONDS,
    )


@login_required
def checkin_counters_stream(request, pk: int):
    """The desk's counters (SSE), for who may staff the event's check-in desk."""
    event = event_for(request, pk, rules.can_check_in)
    language = get_language()

    def catch_up(last_id: str):
        categories = event_counters(event)
        tag = counters_tag(categories)
        if last_id == tag:
            return tag, ""
        with translation.override(language):
            return tag, counters_event(event, categories)

    return stream_response(
        request,
        channel=counters_channel(event.pk, language),
        catch_up=catch_up,
        retry_ms=COUNTERS_RETRY_MS,
        check_seconds=COUNTERS_CHECK_SECONDS,
    )
