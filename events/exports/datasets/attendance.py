"""The lists of attendance: registrations and check-ins."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ...models import Registration
from ...statistics.scope import Scope, registrations_in
from ..columns import Column, Dataset, label

# Only the columns an export reads: building fewer attributes per row is a good part of the
# time of a 100,000-row export.
REGISTRATION_COLUMNS = (
    "event__title",
    "category__name",
    "user__name",
    "user__email",
    "user__phone",
    "status",
    "organization_name",
    "job_title",
    "code",
    "created_at",
    "checked_in_at",
)


def _registrations(scope: Scope) -> list[QuerySet]:
    return [
        registrations_in(scope)
        .select_related("event", "category", "user")
        .only(*REGISTRATION_COLUMNS)
        .order_by("event_id", "category__order", "created_at", "id")
    ]


REGISTRATIONS = Dataset(
    "registrations",
    _("Registrations"),
    _registrations,
    (
        Column(_("Event"), lambda r: r.event.title),
        Column(_("Name"), lambda r: r.user.name),
        Column(_("Category"), lambda r: r.category.name),
        Column(_("Status"), lambda r: label(Registration.Status, r.status)),
        Column(_("Organisation"), lambda r: r.organization_name),
        Column(_("Title / position"), lambda r: r.job_title),
        Column(_("Registered on"), lambda r: r.created_at),
        Column(_("Checked in at"), lambda r: r.checked_in_at),
        Column(_("E-mail address"), lambda r: r.user.email, contact=True),
        Column(_("Mobile phone"), lambda r: r.user.phone, contact=True),
        Column(_("Check-in code"), lambda r: r.display_code, contact=True),
    ),
)


def _checkins(scope: Scope) -> list[QuerySet]:
    return [
        registrations_in(scope)
        .filter(status=Registration.Status.CHECKED_IN)
        .select_related("event", "category", "user", "checked_in_by")
        .only(*REGISTRATION_COLUMNS, "checked_in_by__name")
        .order_by("checked_in_at", "id")
    ]


CHECKINS = Dataset(
    "checkins",
    _("Check-ins"),
    _checkins,
    (
        Column(_("Event"), lambda r: r.event.title),
        Column(_("Name"), lambda r: r.user.name),
        Column(_("Category"), lambda r: r.category.name),
        Column(_("Organisation"), lambda r: r.organization_name),
        Column(_("Checked in at"), lambda r: r.checked_in_at),
        Column(_("Checked in by"), lambda r: r.checked_in_by.name if r.checked_in_by else ""),
        Column(_("E-mail address"), lambda r: r.user.email, contact=True),
        Column(_("Mobile phone"), lambda r: r.user.phone, contact=True),
    ),
)
