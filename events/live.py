"""Delivery of the ceremony's live state to the screens that follow it.

A console step is rendered once per language and per view (the big screen, the audience
page) and published to one channel each; the push engine fans it out to every open stream
(``talentbridge.live``). An event's id is the state's version tag, so a reconnecting client
that names the tag it last saw gets the current state only when it has changed.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from talentbridge.live import publish, push_enabled, sse_event

from .ceremony import CeremonyState
from .models import Ceremony
from .queries import screen_tag

# The stream's views and the partial each one shows.
VIEWS = {"screen": "events/_screen_state.html", "audience": "events/_audience_state.html"}
DEFAULT_VIEW = "audience"
# How long a reconnecting browser waits before it tries again.
RETRY_MS = 1000


def ceremony_channel(event_id: int, view: str, language: str) -> str:
    return f"ceremony-{event_id}-{view}-{language}"


def state_event(ceremony: Ceremony, state: CeremonyState, view: str) -> str:
    """The state as one SSE event in the active language."""
    html = render_to_string(VIEWS[view], {"event": ceremony.event, "state": state})
    return sse_event(screen_tag(ceremony), "state", html, retry_ms=RETRY_MS)


def publish_ceremony(ceremony: Ceremony, state: CeremonyState) -> bool:
    """Render the state once per language and view, and publish each to its channel."""
    if not push_enabled():
        return False
    items = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for view in VIEWS:
                items.append(
                    (
                        ceremony_channel(ceremony.event_id, view, language),
                        screen_tag(ceremony),
                        state_event(ceremony, state, view),
                    )
                )
    return publish(items)
