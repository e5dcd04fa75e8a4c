"""The platform's audit trail, for administrators."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from ..forms import AuditFilterForm
from ..http import paginate, query_string, wants_fragment
from ..queries import audit_entries, filter_audit_entries
from ..rules import can_view_audit_trail


@login_required
def audit_trail(request):
    """The platform's audit trail, filtered and paginated; administrators only."""
    if not can_view_audit_trail(request.user):
        raise Http404
    form = AuditFilterForm(request.GET or None)
    entries = audit_entries()
    if form.is_valid():
        entries = filter_audit_entries(entries, form.cleaned_data)
    context = {
        "form": form,
        "page": paginate(request, entries),
        "query_string": query_string(request),
    }
    if wants_fragment(request):
        return render(request, "talentbridge/_audit_results.html", context)
    return render(request, "talentbridge/audit_list.html", context)
