"""The contest or entry behind a URL, checked against a predicate (404 otherwise)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Contest, Entry, Round


def contest_for(request, pk: int, predicate) -> Contest:
    contest = get_object_or_404(Contest.objects.select_related("office", "event"), pk=pk)
    if not predicate(request.user, contest):
        raise Http404
    return contest


def entry_for(request, pk: int, entry_id: int, predicate) -> Entry:
    entry = get_object_or_404(
        Entry.objects.select_related("contest__office", "track"), pk=entry_id, contest_id=pk
    )
    if not predicate(request.user, entry):
        raise Http404
    return entry


def round_of(contest: Contest, kind: str) -> Round:
    if kind not in Round.Kind.values:
        raise Http404
    return get_object_or_404(Round, contest=contest, kind=kind)
