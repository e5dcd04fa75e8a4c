"""Views of people and organisations: thin — permission, parse, call a service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from . import rules
from .forms import (
    CommitImportForm,
    MenteeForm,
    MentorFilterForm,
    MentorForm,
    OrganizationForm,
    PeopleFilterForm,
    ProposePairingForm,
    UploadForm,
)
from .models import Mentee, Mentor, Organization, Pairing
from .queries import (
    hometown_groups,
    mentee_directory,
    mentor_directory,
    occupied_places,
    organization_directory,
    pairings_for_mentee,
    pairings_for_mentor,
)
from .services import (
    ImportRejected,
    PairingError,
    accept_pairing,
    conclude_pairing,
    decline_pairing,
    dissolve_pairing,
    import_spreadsheet,
    preview_import,
    propose_pairing,
    save_mentee,
    save_mentor,
    save_organization,
)
from .spreadsheets import storage
from .spreadsheets.columns import COLUMNS
from .spreadsheets.planning import ERROR
from .spreadsheets.writing import csv_rows, template_bytes, xlsx_bytes

PAGE_SIZE = 20
PREVIEW_ROWS = 200
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _wants_fragment(request) -> bool:
    return bool(request.htmx and not request.htmx.history_restore_request)


def _query_string(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


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


def _page(request, queryset):
    return CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _require_directory_access(request) -> None:
    if not rules.can_view_people_directory(request.user):
        raise PermissionDenied


def _require_manager(request) -> None:
    if not rules.can_import_people(request.user):
        raise PermissionDenied


# --- Directories ------------------------------------------------------------------------------


@vary_on_headers("HX-Request")
def mentor_list(request):
    """The expert directory: search, filters, sort; the results update as the user types."""
    form = MentorFilterForm(request.GET)
    page = _page(request, mentor_directory(form.filters()))
    context = {
        "form": form,
        "page": page,
        "query_string": _query_string(request),
        "can_export": rules.can_export_people(request.user),
    }
    if _wants_fragment(request):
        return render(request, "mentors/_mentor_results.html", context)
    return render(request, "mentors/mentor_list.html", context)


HOMETOWN_GROUPS = 200


def hometown_list(request):
    """“Hometown experts” (老乡专家): the hometowns most experts come from, with counts."""
    province = request.GET.get("province", "")[:40]
    # One grouped query; a province narrows the list when a country has more hometowns.
    groups = list(hometown_groups(province=province)[:HOMETOWN_GROUPS])
    return render(request, "mentors/hometown_list.html", {"groups": groups, "province": province})


@login_required
@vary_on_headers("HX-Request")
def mentee_list(request):
    _require_directory_access(request)
    form = PeopleFilterForm(request.GET, kinds=Mentee.Kind.choices)
    page = _page(request, mentee_directory(**form.filters()))
    context = {"form": form, "page": page, "query_string": _query_string(request)}
    context["can_export"] = rules.can_export_people(request.user)
    if _wants_fragment(request):
        return render(request, "mentors/_mentee_results.html", context)
    return render(request, "mentors/mentee_list.html", context)


@login_required
@vary_on_headers("HX-Request")
def organization_list(request):
    _require_directory_access(request)
    form = PeopleFilterForm(request.GET, kinds=Organization.Kind.choices)
    page = _page(request, organization_directory(**form.filters()))
    context = {"form": form, "page": page, "query_string": _query_string(request)}
    context["can_export"] = rules.can_export_people(request.user)
    if _wants_fragment(request):
        return render(request, "mentors/_organization_results.html", context)
    return render(request, "mentors/organization_list.html", context)


# --- Profiles ---------------------------------------------------------------------------------


def mentor_detail(request, pk):
    mentor = get_object_or_404(
        Mentor.objects.select_related("affiliation").prefetch_related("honours", "fields"), pk=pk
    )
    user = request.user
    own_mentee = rules.mentee_of(user)
    propose_form = None
    if rules.is_people_manager(user):
        propose_form = ProposePairingForm(initial={"mentor": mentor.pk})
    context = {
        "mentor": mentor,
        "show_contact": rules.can_see_contact(user, mentor),
        "can_edit": rules.can_edit_mentor(user, mentor),
        "occupied": occupied_places(mentor),
        "propose_form": propose_form,
        "own_mentee": own_mentee
        if own_mentee and rules.can_propose_pairing(user, mentor, own_mentee)
        else None,
    }
    return render(request, "mentors/mentor_detail.html", context)


def _edit_profile(request, *, instance, form_class, save, template, form_kwargs=None):
    """Shared edit flow: bound form, service call on success, errors re-rendered."""
    form = form_class(request.POST or None, instance=instance, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        saved = save(obj, form)
        messages.success(request, _("The profile has been saved."))
        return redirect(saved.get_absolute_url())
    status = 200 if request.method == "GET" or form.is_valid() else 400
    return render(request, template, {"form": form, "object": instance}, status=status)


def _mentor_saver(request):
    def save(mentor, form):
        return save_mentor(
            mentor,
            actor=request.user,
            fields=form.cleaned_data["fields"],
            honours=form.cleaned_data.get("honours"),
        )

    return save


@login_required
def mentor_edit(request, pk):
    mentor = get_object_or_404(Mentor, pk=pk)
    if not rules.can_edit_mentor(request.user, mentor):
        raise Http404
    return _edit_profile(
        request,
        instance=mentor,
        form_class=MentorForm,
        save=_mentor_saver(request),
        template="mentors/profile_form.html",
        form_kwargs={"can_set_honours": rules.is_people_manager(request.user)},
    )


@login_required
def mentor_create(request):
    """A new expert profile: the expert's own (linked to the account) or one on file."""
    user = request.user
    if rules.is_people_manager(user):
        mentor = Mentor()
    elif user.is_mentor and rules.mentor_of(user) is None:
        mentor = Mentor(user=user, name=user.name, email=user.email, phone=user.phone)
    else:
        raise PermissionDenied
    return _edit_profile(
        request,
        instance=mentor,
        form_class=MentorForm,
        save=_mentor_saver(request),
        template="mentors/profile_form.html",
        form_kwargs={"can_set_honours": rules.is_people_manager(user)},
    )


@login_required
def mentee_detail(request, pk):
    mentee = get_object_or_404(
        Mentee.objects.select_related("organization").prefetch_related("fields"), pk=pk
    )
    user = request.user
    if not rules.can_view_mentee(user, mentee):
        raise Http404
    own_mentor = rules.mentor_of(user)
    context = {
        "mentee": mentee,
        "show_contact": rules.can_see_contact(user, mentee),
        "can_edit": rules.can_edit_mentee(user, mentee),
        "own_mentor": own_mentor
        if own_mentor and rules.can_propose_pairing(user, own_mentor, mentee)
        else None,
    }
    return render(request, "mentors/mentee_detail.html", context)


def _mentee_saver(request):
    def save(mentee, form):
        return save_mentee(mentee, actor=request.user, fields=form.cleaned_data["fields"])

    return save


@login_required
def mentee_edit(request, pk):
    mentee = get_object_or_404(Mentee, pk=pk)
    if not rules.can_edit_mentee(request.user, mentee):
        raise Http404
    return _edit_profile(
        request,
        instance=mentee,
        form_class=MenteeForm,
        save=_mentee_saver(request),
        template="mentors/profile_form.html",
    )


@login_required
def mentee_create(request):
    user = request.user
    if rules.is_people_manager(user):
        mentee = Mentee()
    elif user.is_mentee and rules.mentee_of(user) is None:
        mentee = Mentee(user=user, name=user.name, email=user.email, phone=user.phone)
    else:
        raise PermissionDenied
    return _edit_profile(
        request,
        instance=mentee,
        form_class=MenteeForm,
        save=_mentee_saver(request),
        template="mentors/profile_form.html",
    )


@login_required
def organization_detail(request, pk):
    organization = get_object_or_404(Organization.objects.prefetch_related("fields"), pk=pk)
    if not rules.can_view_organization(request.user, organization):
        raise Http404
    context = {
        "organization": organization,
        "can_edit": rules.can_edit_organization(request.user, organization),
        "experts": organization.mentors.order_by("name")[:50],
        "mentees": organization.mentees.order_by("name")[:50],
    }
    return render(request, "mentors/organization_detail.html", context)


@login_required
def organization_edit(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    if not rules.can_edit_organization(request.user, organization):
        raise Http404

    def save(obj, form):
        return save_organization(obj, actor=request.user, fields=form.cleaned_data["fields"])

    return _edit_profile(
        request,
        instance=organization,
        form_class=OrganizationForm,
        save=save,
        template="mentors/profile_form.html",
    )


# --- Pairings ---------------------------------------------------------------------------------


@login_required
def my_pairings(request):
    """“My mentees / my mentor”: the user's pairings on either side, with their status."""
    user = request.user
    mentor, mentee = rules.mentor_of(user), rules.mentee_of(user)
    context = {
        "mentor": mentor,
        "mentee": mentee,
        "as_mentor": list(pairings_for_mentor(mentor)) if mentor else [],
        "as_mentee": list(pairings_for_mentee(mentee)) if mentee else [],
        "occupied": occupied_places(mentor) if mentor else 0,
    }
    for pairing in [*context["as_mentor"], *context["as_mentee"]]:
        pairing.can_accept = rules.can_accept_pairing(user, pairing)
        pairing.can_decline = rules.can_decline_pairing(user, pairing)
        pairing.can_end = rules.can_end_pairing(user, pairing)
    return render(request, "mentors/my_pairings.html", context)


@login_required
@require_POST
def pairing_propose(request):
    form = ProposePairingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an expert and a mentee to pair."))
        return redirect(request.POST.get("next") or reverse("mentors:my_pairings"))
    mentor, mentee = form.cleaned_data["mentor"], form.cleaned_data["mentee"]
    if not rules.can_propose_pairing(request.user, mentor, mentee):
        raise Http404
    try:
        propose_pairing(mentor, mentee, actor=request.user, note=form.cleaned_data["note"])
    except PairingError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The pairing has been proposed."))
    return redirect("mentors:my_pairings")


def _pairing_action(request, pk, *, allowed, service, success):
    pairing = get_object_or_404(Pairing.objects.select_related("mentor", "mentee"), pk=pk)
    if not rules.can_view_pairing(request.user, pairing):
        raise Http404
    if not allowed(request.user, pairing):
        messages.error(request, _("This pairing cannot be changed that way any more."))
    else:
        try:
            service(pairing, actor=request.user)
        except PairingError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, success)
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("mentors:my_pairings")
        return response
    return redirect("mentors:my_pairings")


@login_required
@require_POST
def pairing_accept(request, pk):
    return _pairing_action(
        request,
        pk,
        allowed=rules.can_accept_pairing,
        service=accept_pairing,
        success=_("The pairing has been accepted."),
    )


@login_required
@require_POST
def pairing_decline(request, pk):
    return _pairing_action(
        request,
        pk,
        allowed=rules.can_decline_pairing,
        service=decline_pairing,
        success=_("The proposal has been declined."),
    )


@login_required
@require_POST
def pairing_end(request, pk):
    concluded = request.POST.get("outcome") == "concluded"
    return _pairing_action(
        request,
        pk,
        allowed=rules.can_end_pairing,
        service=conclude_pairing if concluded else dissolve_pairing,
        success=_("The pairing has ended."),
    )


# --- Spreadsheets -----------------------------------------------------------------------------


def _preview_context(plan, *, kind, token, filename):
    errors = [row for row in plan.rows if row.action == ERROR]
    others = [row for row in plan.rows if row.action != ERROR][:PREVIEW_ROWS]
    return {
        "plan": plan,
        "rows": sorted(errors + others, key=lambda row: row.number),
        "hidden_rows": len(plan.rows) - len(errors) - len(others),
        "kind": kind,
        "token": token,
        "filename": filename,
    }


@login_required
def import_upload(request):
    """Upload a spreadsheet and see, row by row, what importing it would do (dry run)."""
    _require_manager(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        kind = form.cleaned_data["kind"]
        plan = preview_import(kind, upload.name, data)
        token = storage.store_upload(upload.name, data) if plan.is_valid else ""
        context = _preview_context(plan, kind=kind, token=token, filename=upload.name)
        form = UploadForm(initial={"kind": kind})
        return render(request, "mentors/import_preview.html", {**context, "form": form})
    status = 400 if request.method == "POST" else 200
    return render(request, "mentors/import_upload.html", {"form": form}, status=status)


@login_required
@require_POST
def import_commit(request):
    """Import a previewed file: every row or, if anything is wrong now, none."""
    _require_manager(request)
    form = CommitImportForm(request.POST)
    data = storage.load_upload(form.data.get("token", "")) if form.is_valid() else None
    if data is None:
        messages.error(request, _("The uploaded file has expired; please upload it again."))
        return redirect("mentors:import")
    kind, token, filename = (form.cleaned_data[k] for k in ("kind", "token", "filename"))
    try:
        plan = import_spreadsheet(kind, filename, data, actor=request.user)
    except ImportRejected as rejected:
        messages.error(request, _("Nothing was imported: the file has errors."))
        context = _preview_context(rejected.plan, kind=kind, token="", filename=filename)
        storage.discard_upload(token)
        form = UploadForm(initial={"kind": kind})
        return render(request, "mentors/import_preview.html", {**context, "form": form})
    storage.discard_upload(token)
    counts = plan.counts
    messages.success(
        request,
        _("Imported: %(create)d created, %(update)d updated, %(unchanged)d unchanged.") % counts,
    )
    return redirect(LIST_URLS[kind])


LIST_URLS = {
    "mentors": "mentors:mentor_list",
    "mentees": "mentors:mentee_list",
    "organizations": "mentors:organization_list",
}


@login_required
def import_template(request, kind):
    _require_manager(request)
    if kind not in COLUMNS:
        raise Http404
    response = HttpResponse(template_bytes(kind), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="talentbridge-{kind}-template.xlsx"'
    return response


def _export_rows(request, kind):
    if kind == "mentors":
        return mentor_directory(MentorFilterForm(request.GET).filters())
    kinds = Mentee.Kind.choices if kind == "mentees" else Organization.Kind.choices
    filters = PeopleFilterForm(request.GET, kinds=kinds).filters()
    if kind == "mentees":
        return mentee_directory(**filters)
    return organization_directory(**filters)


@login_required
def export(request, kind, fmt):
    """Export the (filtered) directory with the template's columns, as .xlsx or .csv."""
    _require_manager(request)
    if kind not in COLUMNS or fmt not in ("xlsx", "csv"):
        raise Http404
    rows = _export_rows(request, kind).iterator(chunk_size=2000)
    filename = f"talentbridge-{kind}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(csv_rows(kind, rows), content_type="text/csv")
    else:
        response = HttpResponse(xlsx_bytes(kind, rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
