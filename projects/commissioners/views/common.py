"""What the commissioners' views share: finding an object the user may see."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from talentbridge.models import Office

from .. import rules


def object_or_404(request, queryset, pk: int, allowed):
    """The row, or 404 when it does not exist or ``allowed(user, row)`` says no, so that a
    private object's existence does not leak."""
    obj = get_object_or_404(queryset, pk=pk)
    if not allowed(request.user, obj):
        raise Http404
    return obj


def managed_office_or_404(request, pk: int) -> Office:
    """The office, for its managers (and platform administrators) only."""
    return object_or_404(request, Office.objects.all(), pk, rules.can_manage_commissioners)
