"""Expert, mentee and organisation pages, and the forms that create and edit them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from talentbridge.rules import is_admin

from .. import rules
from ..forms import MenteeForm, MentorForm, OrganizationForm, ProposePairingForm
from ..models import Mentee, Mentor, Organization
from ..queries import holding_offices, occupied_places, offices_for_people, open_pairing
from ..services import save_mentee, save_mentor, save_organization
from . import object_or_404

PROFILE_FORM = "mentors/profile_form.html"


def _edit_profile(request, form, save):
    """Shared edit flow: the service saves a valid form; errors are re-rendered."""
    if request.method == "POST" and form.is_valid():
        saved = save(form)
        messages.success(request, _("The profile has been saved."))
        return redirect(saved.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "object": form.instance}
    return render(request, PROFILE_FORM, context, status=status)


def _office_choice(request, person: Mentor | Mentee) -> dict:
    """A new profile on file asks which office keeps it; the user's own profile does not."""
    if person.pk or person.user_id:
        return {}
    return {
        "offices": offices_for_people(request.user),
        "office_required": not is_admin(request.user),
    }


def _edit_mentor(request, mentor: Mentor):
    form = MentorForm(
        request.POST or None,
        instance=mentor,
        can_set_honours=rules.can_record_honours(request.user, mentor),
        **_office_choice(request, mentor),
    )

    def save(form):
        return save_mentor(
            form.instance,
            actor=request.user,
            fields=form.cleaned_data["fields"],
            honours=form.cleaned_data.get("honours"),
            held_by=form.cleaned_data.get("office"),
        )

    return _edit_profile(request, form, save)


def _edit_mentee(request, mentee: Mentee):
    form = MenteeForm(request.POST or None, instance=mentee, **_office_choice(request, mentee))

    def save(form):
        return save_mentee(
            form.instance,
            actor=request.user,
            fields=form.cleaned_data["fields"],
            held_by=form.cleaned_data.get("office"),
        )

    return _edit_profile(request, form, save)


def _runs_context(user, held) -> dict:
    """What only those who run a profile see: its audit history and the offices holding it."""
    runs = rules.can_view_profile_history(user, held)
    return {"show_history": runs, "holders": list(holding_offices(held)) if runs else []}


def mentor_detail(request, pk):
    mentor = object_or_404(
        Mentor.objects.select_related("affiliation").prefetch_related("honours", "fields"), pk
    )
    user = request.user
    own_mentee = rules.mentee_of(user)
    if own_mentee and not rules.can_propose_pairing(user, mentor, own_mentee):
        own_mentee = None
    context = {
        "mentor": mentor,
        "show_contact": rules.can_see_contact(user, mentor),
        "can_edit": rules.can_edit_mentor(user, mentor),
        **_runs_context(user, mentor),
        "occupied": occupied_places(mentor),
        "propose_form": ProposePairingForm(initial={"mentor": mentor.pk})
        if rules.can_pair_for(user, mentor)
        else None,
        "own_mentee": own_mentee,
        "own_pairing": open_pairing(mentor, own_mentee) if own_mentee else None,
    }
    return render(request, "mentors/mentor_detail.html", context)


@login_required
def mentor_edit(request, pk):
    mentor = object_or_404(Mentor.objects.all(), pk)
    if not rules.can_edit_mentor(request.user, mentor):
        raise Http404
    return _edit_mentor(request, mentor)


@login_required
def mentor_create(request):
    """A new expert profile: the expert's own (linked to the account) or one on file."""
    user = request.user
    if rules.can_add_people(user):
        mentor = Mentor()
    elif user.is_mentor and rules.mentor_of(user) is None:
        mentor = Mentor(user=user, name=user.name, email=user.email, phone=user.phone)
    else:
        raise PermissionDenied
    return _edit_mentor(request, mentor)


@login_required
def mentee_detail(request, pk):
    mentee = object_or_404(
        Mentee.objects.select_related("organization").prefetch_related("fields"), pk
    )
    user = request.user
    if not rules.can_view_mentee(user, mentee):
        raise Http404
    own_mentor = rules.mentor_of(user)
    if own_mentor and not rules.can_propose_pairing(user, own_mentor, mentee):
        own_mentor = None
    context = {
        "mentee": mentee,
        "show_contact": rules.can_see_contact(user, mentee),
        "can_edit": rules.can_edit_mentee(user, mentee),
        **_runs_context(user, mentee),
        "own_mentor": own_mentor,
        "own_pairing": open_pairing(own_mentor, mentee) if own_mentor else None,
    }
    return render(request, "mentors/mentee_detail.html", context)


@login_required
def mentee_edit(request, pk):
    mentee = object_or_404(Mentee.objects.all(), pk)
    if not rules.can_edit_mentee(request.user, mentee):
        raise Http404
    return _edit_mentee(request, mentee)


@login_required
def mentee_create(request):
    user = request.user
    if rules.can_add_people(user):
        mentee = Mentee()
    elif user.is_mentee and rules.mentee_of(user) is None:
        mentee = Mentee(user=user, name=user.name, email=user.email, phone=user.phone)
    else:
        raise PermissionDenied
    return _edit_mentee(request, mentee)


@login_required
def organization_detail(request, pk):
    organization = object_or_404(Organization.objects.prefetch_related("fields"), pk)
    if not rules.can_view_organization(request.user, organization):
        raise Http404
    context = {
        "organization": organization,
        "can_edit": rules.can_edit_organization(request.user, organization),
        **_runs_context(request.user, organization),
        "experts": organization.mentors.order_by("name")[:50],
        "mentees": organization.mentees.order_by("name")[:50],
    }
    return render(request, "mentors/organization_detail.html", context)


@login_required
def organization_edit(request, pk):
    organization = object_or_404(Organization.objects.all(), pk)
    if not rules.can_edit_organization(request.user, organization):
        raise Http404
    form = OrganizationForm(request.POST or None, instance=organization)

    def save(form):
        return save_organization(
            form.instance, actor=request.user, fields=form.cleaned_data["fields"]
        )

    return _edit_profile(request, form, save)
