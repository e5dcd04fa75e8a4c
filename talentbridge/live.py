"""Live push: publish a change once, let the push engine fan it out to every open stream.

Production puts Pushpin (a GRIP proxy) in front of the web processes. A stream request goes
through Pushpin to Django, which checks permission, answers the current state and tells
Pushpin, in GRIP headers, which channels to hold the connection open on; Django is then done
with it. A change is published once per channel to Pushpin's HTTP publish endpoint (every
node's, when several run) and Pushpin writes it to all the connections it holds.

Without Pushpin (the embedded default) ``stream_response`` serves the connection itself for a
while, looking for a new state a few times a second; the browser reconnects when it ends.
Every live stream of the portal (the ceremony's, the contest final's) answers through it.
"""

import json
import logging
import time
import urllib.request
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

logger = logging.getLogger(__name__)

# Pushpin signs the requests it forwards with this header (a JWT); a request that did not come
# through it has none, and gets a stream served by Django instead.
GRIP_SIG_HEADER = "Grip-Sig"
PUBLISH_TIMEOUT_SECONDS = 2


def sse_event(event_id: str, event: str, data: str, *, retry_ms: int | None = None) -> str:
    """One Server-Sent Event; every line of ``data`` becomes a ``data:`` line."""
    lines = [f"retry: {retry_ms}"] if retry_ms is not None else []
    lines += [f"id: {event_id}", f"event: {event}"]
    lines += [f"data: {line}" for line in data.splitlines() or [""]]
    return "\n".join(lines) + "\n\n"


def push_enabled() -> bool:
    return bool(settings.PUSHPIN_PUBLISH_URLS)


def is_grip_proxied(request: HttpRequest) -> bool:
    return push_enabled() and GRIP_SIG_HEADER in request.headers


def hold_stream(response: HttpResponse, channels: list[str]) -> HttpResponse:
    """Ask the GRIP proxy to keep the connection open on ``channels`` after this response."""
    response["Grip-Hold"] = "stream"
    response["Grip-Channel"] = ", ".join(channels)
    # A comment line every 20 s keeps idle connections alive through proxies and NAT.
    response["Grip-Keep-Alive"] = ":\\n\\n; format=cstring; timeout=20"
    return response


def publish(channels_and_content: list[tuple[str, str, str]]) -> bool:
    """Publish ``(channel, id, content)`` items to every Pushpin node; True if all took them.

    A node that does not answer is logged, not raised: the console step is already committed,
    and a stream that missed it catches up from its last event id when it reconnects.
    """
    if not channels_and_content or not push_enabled():
        return False
    items = [
        {"channel": channel, "id": event_id, "formats": {"http-stream": {"content": content}}}
        for channel, event_id, content in channels_and_content
    ]
    body = json.dumps({"items": items}).encode()
    delivered = True
    for url in settings.PUSHPIN_PUBLISH_URLS:
        # The address comes from settings (PUSHPIN_PUBLISH_URLS), never from a request.
        request = urllib.request.Request(  # noqa: S310
            url.rstrip("/") + "/publish/",
            data=body,
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=PUBLISH_TIMEOUT_SECONDS) as answer:  # noqa: S310
                answer.read()
        except OSError:
            logger.warning("push engine at %s did not take the update", url, exc_info=True)
            delivered = False
    return delivered


def stream_response(
    request: HttpRequest,
    *,
    channel: str,
    catch_up: Callable[[str], tuple[str | None, str]],
    retry_ms: int,
    check_seconds: float = 0.25,
) -> HttpResponse | StreamingHttpResponse:
    """A Server-Sent Events answer for one live channel, through Pushpin or served by Django.

    ``catch_up(last_id)`` returns ``(tag, event)``: the current version tag and its event, or
    an empty event when the client already has that tag (or the object is gone: tag None).
    """
    last_id = (request.headers.get("Last-Event-ID") or request.GET.get("lastEventId", ""))[:100]
    if is_grip_proxied(request):
        _tag, event = catch_up(last_id)
        response = HttpResponse(f"retry: {retry_ms}\n\n" + event, content_type="text/event-stream")
        hold_stream(response, [channel])
    else:
        seconds = 0 if push_enabled() else settings.LIVE_STREAM_SECONDS

        def served(last_id=last_id):
            yield f"retry: {retry_ms}\n\n"
            deadline = time.monotonic() + seconds
            while True:
                tag, event = catch_up(last_id)
                if tag is None:
                    return
                if event:
                    last_id = tag
                    yield event
                if time.monotonic() >= deadline:
                    return
                time.sleep(check_seconds)

        response = StreamingHttpResponse(served(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response
