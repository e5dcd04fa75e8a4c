"""Views of people, organisations, pairings, imports and the controlled lists, one module per
feature. Thin: permission, parse the input, call one service, render."""

from django.http import Http404

from talentbridge.parsing import parse_id


def object_or_404(queryset, pk):
    """The row of ``queryset`` with primary key ``pk`` (read with the one id parser), or 404."""
    number = parse_id(pk)
    found = queryset.filter(pk=number).first() if number else None
    if found is None:
        raise Http404
    return found
