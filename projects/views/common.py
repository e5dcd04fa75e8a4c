"""What the board views share: finding a posting the user may see, binding a form."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from projects import rules
from projects.queries.postings import board_model


def posting_or_404(request, kind: str, pk: int):
    """The posting, or 404 when it does not exist or the user may not see it."""
    posting = get_object_or_404(
        board_model(kind).objects.select_related(
            "owner", "office", "poster_mentor", "poster_mentee", "poster_organization"
        ),
        pk=pk,
    )
    if not rules.can_view_posting(request.user, posting):
        raise Http404
    return posting


def form_data(request):
    """Form data: bound on POST even when the body is empty, so that errors show."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)
