"""The page of an invitation link, for every kind of invitation that joins an account to
something: join as the logged-in person, or create the account for the invited address."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render

from ..forms import AcceptInvitationForm
from ..models import User
from ..services.invitations import InvitationKind, accept_invitation, pending_invitation


def invitation_page(
    request,
    token: str,
    *,
    kind: InvitationKind,
    heading: Callable[[object], str],
    welcome: Callable[[object], tuple[str, str]],
):
    """Show and accept the invitation ``token`` names. ``heading(invitation)`` titles the
    page; ``welcome(joined)`` gives the success message and where to go next."""
    try:
        invitation = pending_invitation(kind, token)
    except kind.error as error:
        return render(
            request, "talentbridge/offices/invitation_invalid.html", {"error": error}, status=410
        )
    has_account = User.objects.filter(email__iexact=invitation.email).exists()
    if has_account and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and (request.user.is_authenticated or form.is_valid()):
        try:
            if request.user.is_authenticated:
                joined = accept_invitation(kind, token, user=request.user)
            else:
                joined = accept_invitation(
                    kind,
                    token,
                    name=form.cleaned_data["name"],
                    password=form.cleaned_data["password1"],
                )
                login(request, joined.user, backend="django.contrib.auth.backends.ModelBackend")
        except kind.error as error:
            messages.error(request, str(error))
        else:
            message, url = welcome(joined)
            messages.success(request, message)
            return redirect(url)
    context = {"invitation": invitation, "form": form, "heading": heading(invitation)}
    return render(request, "talentbridge/invitation.html", context)
