"""The organizers' page that starts a full recompute of the suggestions and follows its job."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from projects import rules
from projects.models import RecomputeRun
from projects.queries.suggestions import latest_run
from projects.services.suggestions import retry_full_recompute, start_full_recompute
from talentbridge.http import job_progress
from talentbridge.live_jobs import job_stream


def _done_url(run: RecomputeRun) -> str:
    return f"{reverse('projects:recompute')}?run={run.pk}"


@login_required
def recompute(request):
    """Start a full recompute (POST) and show the latest run's progress."""
    if not rules.can_recompute_suggestions(request.user):
        raise PermissionDenied
    if request.method == "POST":
        run = start_full_recompute(actor=request.user)
        messages.success(request, _("The suggestions are being recomputed."))
        return redirect(_done_url(run))
    run = latest_run()
    context = {"run": run}
    if run is not None:
        context["progress_url"] = reverse("projects:recompute_progress", args=[run.pk])
        context["retry_url"] = reverse("projects:recompute_retry", args=[run.pk])
        context["stream_url"] = reverse("projects:recompute_stream", args=[run.pk])
        context["done_url"] = _done_url(run)
    return render(request, "projects/recompute.html", context)


@login_required
def recompute_progress(request, pk: int):
    """The progress partial, polled while the run goes on; reloads the page once done."""
    if not rules.can_recompute_suggestions(request.user):
        raise PermissionDenied
    run = get_object_or_404(RecomputeRun.objects.select_related("job"), pk=pk)
    return job_progress(
        request,
        run.job,
        progress_url=reverse("projects:recompute_progress", args=[run.pk]),
        done_url=_done_url(run),
        context={
            "title": _("Recomputing the suggestions"),
            "retry_url": reverse("projects:recompute_retry", args=[run.pk]),
        },
    )


@login_required
def recompute_stream(request, pk: int):
    """The run's live progress (SSE), for those who may recompute."""
    if not rules.can_recompute_suggestions(request.user):
        raise PermissionDenied
    run = get_object_or_404(RecomputeRun, pk=pk)
    return job_stream(request, run.job_id)


@login_required
@require_POST
def recompute_retry(request, pk: int):
    """Run a failed recompute again from the chunks it had not done."""
    if not rules.can_recompute_suggestions(request.user):
        raise PermissionDenied
    run = get_object_or_404(RecomputeRun, pk=pk)
    if retry_full_recompute(run, actor=request.user):
        messages.success(request, _("The recompute runs again from where it stopped."))
    return redirect(_done_url(run))
