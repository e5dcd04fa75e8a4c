"""Figures about people: experts by honour, residence and hometown; mentees and
organisations by kind."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from mentors.models import Honour, Mentee, Organization

from .scope import Scope, challenges_in, mentees_in, mentors_in, organizations_in

# Countries of residence that count as domestic (as ``Mentor.is_overseas`` reads them).
DOMESTIC_COUNTRIES = ("", "中国", "China", "CN")


def _by_choice(queryset, column: str, choices) -> list[dict]:
    """Count rows per choice of ``column``, in the choices' order, zeros included."""
    counts = dict(queryset.values_list(column).annotate(n=Count("pk")).order_by())
    return [
        {"key": value, "label": str(label), "count": counts.get(value, 0)}
        for value, label in choices
    ]


def mentor_count(scope: Scope) -> int:
    """How many experts the scope counts (see ``scope.mentors_in``)."""
    return mentors_in(scope).count()


def mentors_by_honour(scope: Scope) -> list[dict]:
    """Experts holding each honour, highest level first; an expert with two honours counts
    under both. Honours nobody in the scope holds are left out. ``label`` is the honour's name
    in the active language, ``names`` its name in each language (for bilingual reports)."""
    mentors = mentors_in(scope).values("pk")
    honours = (
        Honour.objects.annotate(count=Count("mentors", filter=Q(mentors__in=mentors)))
        .filter(count__gt=0)
        .order_by("level", "order", "slug")
    )
    return [
        {
            "key": h.slug,
            "label": h.name,
            "names": {"zh": h.name_zh, "en": h.name_en},
            "level": h.level,
            "count": h.count,
        }
        for h in honours
    ]


def mentees_by_kind(scope: Scope) -> list[dict]:
    """Mentees per kind (founder, returning youth, rural talent…), every kind listed."""
    return _by_choice(mentees_in(scope), "kind", Mentee.Kind.choices)


def organizations_by_kind(scope: Scope) -> list[dict]:
    """Organisations per kind (enterprise, university, venture firm…), every kind listed."""
    return _by_choice(organizations_in(scope), "kind", Organization.Kind.choices)


def demand_organizations(scope: Scope) -> int:
    """How many distinct organisations posted the scope's demands — the enterprises a
    揭榜挂帅 session matches experts with."""
    return (
        challenges_in(scope)
        .filter(poster_organization__isnull=False)
        .values("poster_organization")
        .distinct()
        .count()
    )


def experts_by_residence(scope: Scope) -> dict:
    """Domestic and overseas experts (by country of residence), and the overseas ones per
    country, most first."""
    mentors = mentors_in(scope)
    overseas = mentors.exclude(country__in=DOMESTIC_COUNTRIES)
    countries = overseas.values_list("country").annotate(n=Count("pk")).order_by("-n", "country")
    rows = [{"label": country, "count": n} for country, n in countries]
    total = mentors.count()
    abroad = sum(row["count"] for row in rows)
    return {"domestic": total - abroad, "overseas": abroad, "countries": rows}


def hometown_experts(scope: Scope) -> dict:
    """Hometown experts (老乡专家): experts of the scope whose hometown is the home region,
    counted by where they live now.

    The home region is the event's city for an event (its host's city when the event has
    none) and the filtered province across events; without either, experts are counted by
    hometown province instead and ``home`` is empty.
    """
    mentors = mentors_in(scope)
    home, column = "", "province"
    if scope.event:
        host_city = scope.event.host.city if scope.event.host_id else ""
        home = scope.event.city or host_city
        mentors, column = mentors.filter(city=home), "current_city"
    elif scope.province:
        home, column = scope.province, "current_city"
    places = mentors.values_list(column).annotate(n=Count("pk")).order_by("-n", column)
    rows = [{"label": place or _("Unknown"), "count": n} for place, n in places]
    return {"home": home, "count": sum(row["count"] for row in rows), "rows": rows}
