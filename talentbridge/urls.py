from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views
from .certificates.views import certificate_verify
from .forms import LoginForm
from .regions.views import region_suggest

account_patterns = [
    path("signup/", views.signup, name="signup"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("password_reset/", views.ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("", include("django.contrib.auth.urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("language/", views.set_language, name="set_language"),
    path("notifications/", views.notifications, name="notifications"),
    path("audit/", views.audit_trail, name="audit_trail"),
    path("offices/", views.office_list, name="office_list"),
    path("offices/new/", views.office_create, name="office_create"),
    path("offices/<int:pk>/", views.office_detail, name="office_detail"),
    path("offices/<int:pk>/invite/", views.member_invite, name="office_invite"),
    path("offices/<int:pk>/members/remove/", views.member_remove, name="office_member_remove"),
    path(
        "offices/<int:pk>/invitations/revoke/",
        views.invitation_revoke,
        name="office_invitation_revoke",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("offices/<int:pk>/certificates/", include("talentbridge.certificates.urls")),
    path("certificates/<str:code>/", certificate_verify, name="certificate_verify"),
    path("regions/suggest/", region_suggest, name="region_suggest"),
    path("accounts/", include(account_patterns)),
    path("people/", include("mentors.urls")),
    path("boards/", include("projects.urls")),
    path("events/", include("events.urls")),
    path("admin/", admin.site.urls),
]
