"""Views of the base layer: home, accounts, language switch, notifications, health."""

import redis
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ..addresses import client_address
from ..forms import SignupForm
from ..http import paginate
from ..services import mark_notifications_read, register_user, set_user_language
from ..throttle import take_attempt


def home(request):
    return render(request, "talentbridge/home.html")


def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = register_user(
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            password=form.cleaned_data["password1"],
            roles=form.cleaned_data["roles"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome, %(name)s! Your account is ready.") % {"name": user})
        return redirect("home")
    return render(request, "registration/signup.html", {"form": form})


@require_POST
def set_language(request):
    """Switch the interface language and return to the page the visitor came from."""
    language = request.POST.get("language", "")
    target = request.POST.get("next") or request.headers.get("referer") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        if request.user.is_authenticated:
            set_user_language(request.user, language)
    return response


@login_required
def notifications(request):
    page = paginate(request, request.user.notifications.all())
    if request.method == "POST":
        mark_notifications_read(request.user)
        return redirect("notifications")
    return render(request, "talentbridge/notifications.html", {"page": page})


@never_cache
def healthz(request):
    """Report whether the database and the task broker answer: 200 if both do, else 503."""
    status = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        status["database"] = "ok"
    except Exception as exc:  # any failure means "unhealthy"; the class name says which
        status["database"] = f"error: {exc.__class__.__name__}"
    if settings.CELERY_TASK_ALWAYS_EAGER:
        status["broker"] = "in-process"
    else:
        try:
            redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_timeout=2).ping()
            status["broker"] = "ok"
        except redis.RedisError as exc:
            status["broker"] = f"error: {exc.__class__.__name__}"
    healthy = all(value in ("ok", "in-process") for value in status.values())
    return JsonResponse(status, status=200 if healthy else 503)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Password reset that sends at most ``PASSWORD_RESET_LIMIT`` e-mails an hour per client
    address and per account; beyond that it answers the same page and sends nothing, so it
    cannot be used to flood a mailbox nor to learn which addresses have accounts."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].lower()
        limit = settings.PASSWORD_RESET_LIMIT
        by_address = take_attempt(f"reset:addr:{client_address(self.request)}", limit)
        by_account = take_attempt(f"reset:mail:{email}", limit)
        if by_address and by_account:
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())
