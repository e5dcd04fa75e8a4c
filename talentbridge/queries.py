"""Reads of the base layer: the audit trail and offices."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet

from .models import AuditEntry, Office


def audit_entries() -> QuerySet[AuditEntry]:
    """Every audit entry, newest first, with what a list row shows."""
    return AuditEntry.objects.select_related("actor", "content_type")


def audit_entries_for(obj) -> QuerySet[AuditEntry]:
    """The history of one object, newest first."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return audit_entries().filter(content_type=content_type, object_id=str(obj.pk))


def filter_audit_entries(entries: QuerySet[AuditEntry], data: dict) -> QuerySet[AuditEntry]:
    """Narrow ``entries`` by the cleaned data of the audit filter form."""
    if data.get("q"):
        text = data["q"]
        entries = entries.filter(
            Q(object_repr__icontains=text)
            | Q(actor__name__icontains=text)
            | Q(actor__email__icontains=text)
        )
    if data.get("action"):
        entries = entries.filter(action__startswith=data["action"])
    if data.get("object_type"):
        entries = entries.filter(content_type=data["object_type"])
    if data.get("since"):
        entries = entries.filter(created_at__date__gte=data["since"])
    if data.get("until"):
        entries = entries.filter(created_at__date__lte=data["until"])
    return entries


def offices_for(user) -> QuerySet[Office]:
    """The offices a user belongs to; every office for a platform administrator."""
    offices = Office.objects.annotate(member_count=Count("memberships__user", distinct=True))
    if user.is_authenticated and user.is_admin:
        return offices
    return offices.filter(memberships__user=user).distinct()


def office_members(office: Office) -> list[dict]:
    """The office's people, each with their roles: ``[{"user", "roles": [Membership…]}]``."""
    people: dict[int, dict] = {}
    for membership in office.memberships.select_related("user").order_by("user__name", "role"):
        person = people.setdefault(membership.user_id, {"user": membership.user, "roles": []})
        person["roles"].append(membership)
    return list(people.values())
