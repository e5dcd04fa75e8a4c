"""What every events view shares: the event behind a URL, checked against a predicate."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from talentbridge.http import wants_fragment

from ..models import Event


def event_for(request, pk: int, predicate) -> Event:
    """The event if ``predicate(user, event)`` holds; 404 otherwise, so nothing leaks."""
    event = get_object_or_404(Event.objects.select_related("host", "office"), pk=pk)
    if not predicate(request.user, event):
        raise Http404
    return event


def page_or_fragment(request, page: str, fragment: str) -> str:
    """The fragment's template for an HTMX swap, the whole page's otherwise."""
    return fragment if wants_fragment(request) else page
