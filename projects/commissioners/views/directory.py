"""The commissioner directory (the information platform) and a firm's request for one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from mentors.models import Mentor
from talentbridge.http import paginate, query_string, redirect_to, wants_fragment
from talentbridge.models import Office, OfficeRole
from talentbridge.rules import is_admin, managed_office_ids

from .. import rules
from ..forms import DirectoryFilterForm, RequestCommissionerForm
from ..queries import commissioner_directory, requestable_offices
from ..services import CommissionerError
from ..services.dispatches import request_commissioner


def _managed_offices(user):
    if is_admin(user):
        return Office.objects.filter(memberships__role=OfficeRole.COMMISSIONER).distinct()
    return Office.objects.filter(pk__in=managed_office_ids(user))


@vary_on_headers("HX-Request")
def directory(request):
    """Commissioners by field, institution and region, with their service counts."""
    form = DirectoryFilterForm(request.GET)
    user = request.user
    context = {
        "form": form,
        "page": paginate(request, commissioner_directory(**form.filters())),
        "query_string": query_string(request),
        "can_request": rules.can_request_commissioner(user),
        "has_desk": rules.is_commissioner(user) or rules.can_request_commissioner(user),
        "managed_offices": list(_managed_offices(user).order_by("name"))
        if user.is_authenticated
        else [],
    }
    if wants_fragment(request):
        return render(request, "projects/commissioners/_directory_results.html", context)
    return render(request, "projects/commissioners/directory.html", context)


@login_required
def commissioner_request(request, pk: int):
    """A firm's representative asks an office for this commissioner."""
    mentor = get_object_or_404(Mentor.objects.select_related("user", "affiliation"), pk=pk)
    offices = requestable_offices(mentor.user) if mentor.user_id else Office.objects.none()
    if not offices.exists():
        raise Http404
    if not rules.can_request_commissioner(request.user):
        raise PermissionDenied
    form = RequestCommissionerForm(request.POST or None, user=request.user, offices=offices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            request_commissioner(
                data["office"],
                data["organization"],
                mentor.user,
                actor=request.user,
                message=data["message"],
            )
        except CommissionerError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your request was sent. The office will answer you by notification.")
            )
            return redirect_to(request, reverse("projects:commissioners:desk"))
    return render(
        request, "projects/commissioners/request_form.html", {"form": form, "mentor": mentor}
    )
