"""Helpers every app's views share: pagination, query strings, HTMX-aware redirects, and
the one safe way to follow a ``next`` parameter."""

from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.http import HttpResponseClientRedirect

PAGE_SIZE = 20


def query_string(request, drop: tuple[str, ...] = ("page",)) -> str:
    """The request's query string without ``drop`` (for links to other pages of a list)."""
    params = request.GET.copy()
    for name in drop:
        params.pop(name, None)
    return params.urlencode()


def paginate(request, rows, per_page: int = PAGE_SIZE, paginator_class=Paginator):
    """The page of ``rows`` that the ``page`` parameter asks for (the last one if too far)."""
    return paginator_class(rows, per_page).get_page(request.GET.get("page"))


def wants_fragment(request) -> bool:
    """Whether an HTMX request asks for a part of the page rather than the whole page."""
    return bool(
        request.htmx and not request.htmx.boosted and not request.htmx.history_restore_request
    )


def safe_next(request, default: str) -> str:
    """The ``next`` parameter (POST, then GET) if it stays on this site, else ``default``.

    Refuses other hosts, scheme-relative ``//host`` links and back-slash tricks, so a form
    can never be used to send someone elsewhere.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path on this site: "abc" or "0" would otherwise be taken for a view name.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def redirect_to(request, url: str):
    """Redirect to a URL (never a view name); an HTMX form swap is told to load the whole page
    instead."""
    return HttpResponseClientRedirect(url) if request.htmx else HttpResponseRedirect(url)


def job_progress(request, job, *, progress_url: str, done_url: str, context: dict | None = None):
    """The progress partial of a background job, polled every second while it runs.

    When an HTMX poll finds the job finished it answers with ``HX-Redirect`` to ``done_url``,
    where the result (a download, the recomputed lists) is shown. ``?part=state`` answers the
    part the job's live stream pushes (``talentbridge.live_jobs``), for a page that polls
    because the stream cannot be opened. Every long job's page uses this and
    ``templates/_job_progress.html``.
    """
    if request.htmx and job.is_finished:
        return HttpResponseClientRedirect(done_url)
    if request.GET.get("part") == "state":
        return render(request, "_job_progress_state.html", {"job": job})
    return render(
        request,
        "_job_progress.html",
        {"job": job, "progress_url": progress_url, "done_url": done_url, **(context or {})},
    )
