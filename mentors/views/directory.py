"""The directories of experts, mentees and organisations, and the hometown view."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.functional import cached_property
from django.views.decorators.vary import vary_on_headers

from talentbridge.http import paginate, query_string, wants_fragment

from .. import rules
from ..forms import HometownFilterForm, MentorFilterForm, PeopleFilterForm
from ..models import Mentee, Organization
from ..queries import hometown_groups, mentee_directory, mentor_directory, organization_directory

HOMETOWN_GROUPS = 200


class CappedPaginator(Paginator):
    """A paginator that counts at most ``cap`` matches.

    At city scale a broad query (海洋) matches tens of thousands of profiles; counting them all
    costs a full scan, and nobody pages that far. Counting stops at ``cap`` + 1 rows, the
    pages stop at ``cap``, and the page says “more than …” so that people refine the search.
    """

    cap = 1000

    @cached_property
    def count(self) -> int:
        found = self.object_list[: self.cap + 1].count()
        self.capped = found > self.cap
        return min(found, self.cap)


def _directory(request, rows, *, form, templates: tuple[str, str]):
    """A directory page, or only its results for an HTMX request."""
    context = {
        "form": form,
        "page": paginate(request, rows, paginator_class=CappedPaginator),
        "query_string": query_string(request),
        "can_export": rules.can_export_people(request.user),
        "can_add": rules.can_add_people(request.user),
    }
    fragment, page = templates
    return render(request, fragment if wants_fragment(request) else page, context)


def _require_directory_access(request) -> None:
    if not rules.can_view_people_directory(request.user):
        raise PermissionDenied


@vary_on_headers("HX-Request")
def mentor_list(request):
    """The expert directory: search, filters, sort; the results update as the user types."""
    form = MentorFilterForm(request.GET)
    return _directory(
        request,
        mentor_directory(form.filters()),
        form=form,
        templates=("mentors/_mentor_results.html", "mentors/mentor_list.html"),
    )


def hometown_list(request):
    """“Hometown experts” (老乡专家): the hometowns most experts come from, with counts."""
    form = HometownFilterForm(request.GET)
    # One grouped query; a place (金乡, 山东) narrows the list when there are many hometowns.
    groups = list(hometown_groups(place=form.place_filter())[:HOMETOWN_GROUPS])
    return render(request, "mentors/hometown_list.html", {"groups": groups, "form": form})


@login_required
@vary_on_headers("HX-Request")
def mentee_list(request):
    _require_directory_access(request)
    form = PeopleFilterForm(request.GET, kinds=Mentee.Kind.choices)
    return _directory(
        request,
        mentee_directory(**form.filters()),
        form=form,
        templates=("mentors/_mentee_results.html", "mentors/mentee_list.html"),
    )


@login_required
@vary_on_headers("HX-Request")
def organization_list(request):
    _require_directory_access(request)
    form = PeopleFilterForm(request.GET, kinds=Organization.Kind.choices)
    return _directory(
        request,
        organization_directory(**form.filters()),
        form=form,
        templates=("mentors/_organization_results.html", "mentors/organization_list.html"),
    )
