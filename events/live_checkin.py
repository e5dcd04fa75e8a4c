"""Delivery of the check-in counters to the desks that follow them.

After each committed check-in (or each synced batch of offline scans) the event's counters
are rendered once per language and published to the event's channel (``talentbridge.live``);
every open desk of the event follows the stream. The event id is the counters' version tag,
so a reconnecting desk gets the counters only when they have changed.
"""

import hashlib

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from talentbridge.live import publish, push_enabled, sse_event

from .models import Event
from .queries import categories_with_counts

COUNTERS_TEMPLATE = "events/_checkin_counters.html"
# How long a reconnecting desk waits before it tries again.
RETRY_MS = 2000


def counters_channel(event_id: int, language: str) -> str:
    return f"checkin-{event_id}-counters-{language}"


def event_counters(event: Event) -> list:
    return list(categories_with_counts(event))


def counters_tag(categories: list) -> str:
    parts = [(c.pk, c.name, c.checked_in, c.seated) for c in categories]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def counters_event(event: Event, categories: list) -> str:
    """The counters as one SSE event in the active language."""
    html = render_to_string(COUNTERS_TEMPLATE, {"event": event, "categories": categories})
    return sse_event(counters_tag(categories), "state", html, retry_ms=RETRY_MS)


def publish_counters(event: Event) -> bool:
    """Count once, render once per language and publish each to its channel."""
    if not push_enabled():
        return False
    categories = event_counters(event)
    tag = counters_tag(categories)
    items = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            items.append(
                (counters_channel(event.pk, language), tag, counters_event(event, categories))
            )
    return publish(items)


def publish_counters_on_commit(event_id: int) -> None:
    """After commit, push the event's counters to its open desks."""
    if not push_enabled():
        return

    def run():
        event = Event.objects.filter(pk=event_id).first()
        if event is not None:
            publish_counters(event)

    transaction.on_commit(run)
