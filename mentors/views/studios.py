"""Studios of an office (名医工作室, expert workstations): the list with their training
figures, opening one, and a studio's page with its training sessions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from talentbridge.http import paginate
from talentbridge.models import Office
from talentbridge.rules import is_office_manager

from ..forms.studios import StudioForm, TrainingSessionForm
from ..models import Studio
from ..services.studios import open_studio, record_training_session
from . import object_or_404


def _managed(request, office_id: int) -> None:
    if not is_office_manager(request.user, office_id):
        raise Http404


@login_required
def office_studios(request, pk):
    office = object_or_404(Office.objects.all(), pk)
    _managed(request, office.pk)
    form = StudioForm(request.POST or None, office=office)
    if request.method == "POST" and form.is_valid():
        studio = open_studio(office, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Studio opened."))
        return redirect("mentors:studio", pk=studio.pk)
    studios = (
        office.studios.select_related("mentor", "host")
        .annotate(
            session_count=Count("sessions"),
            trainee_total=Sum("sessions__trainees"),
            backbone_total=Sum("sessions__backbone_trained"),
        )
        .order_by("-opened_on", "pk")
    )
    context = {"office": office, "form": form, "page": paginate(request, studios)}
    return render(request, "mentors/studios.html", context)


@login_required
def studio_detail(request, pk):
    studio = object_or_404(Studio.objects.select_related("office", "mentor", "host"), pk)
    _managed(request, studio.office_id)
    form = TrainingSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record_training_session(studio, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Training session recorded."))
        return redirect("mentors:studio", pk=studio.pk)
    sessions = studio.sessions.all()
    context = {"studio": studio, "form": form, "page": paginate(request, sessions)}
    return render(request, "mentors/studio.html", context)
