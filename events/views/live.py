"""The ceremony's live stream (Server-Sent Events) that the big screen and the audience page
follow: ``GET /events/<id>/ceremony/stream[?view=screen]``."""

import time

from django.conf import settings
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import get_language

from talentbridge.live import hold_stream, is_grip_proxied, push_enabled

from .. import queries, rules
from ..live import DEFAULT_VIEW, RETRY_MS, VIEWS, ceremony_channel, state_event
from ..services.ceremony import ceremony_state

# Embedded mode: how often a stream served by Django looks for a new step.
CHECK_SECONDS = 0.25


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


def _served(pk: int, view: str, last_id: str, seconds: float, language: str):
    """A stream Django serves itself: the state now, then each change for ``seconds``; the
    browser reconnects when it ends, naming the last event id it saw."""
    yield f"retry: {RETRY_MS}\n\n"
    deadline = time.monotonic() + seconds
    while True:
        ceremony = queries.screen_version(pk)
        if ceremony is None:
            return
        with translation.override(language):
            event = _catch_up(ceremony, view, last_id)
        if event:
            last_id = queries.screen_tag(ceremony)
            yield event
        if time.monotonic() >= deadline:
            return
        time.sleep(CHECK_SECONDS)


def ceremony_stream(request, pk: int):
    ceremony = _watchable(request, pk)
    view = request.GET.get("view", DEFAULT_VIEW)
    if view not in VIEWS:
        view = DEFAULT_VIEW
    # The browser sends Last-Event-ID when it reconnects; a new EventSource names it instead.
    last_id = (request.headers.get("Last-Event-ID") or request.GET.get("lastEventId", ""))[:100]
    if is_grip_proxied(request):
        # Pushpin holds the connection on the channel; Django is done after this answer.
        response = HttpResponse(
            f"retry: {RETRY_MS}\n\n" + _catch_up(ceremony, view, last_id),
            content_type="text/event-stream",
        )
        hold_stream(response, [ceremony_channel(pk, view, get_language())])
    else:
        # Without a push engine (the embedded default) Django holds the stream a while; with
        # one configured, a request that bypassed it gets the state once and reconnects.
        seconds = 0 if push_enabled() else settings.LIVE_STREAM_SECONDS
        response = StreamingHttpResponse(
            _served(pk, view, last_id, seconds, get_language()), content_type="text/event-stream"
        )
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response
