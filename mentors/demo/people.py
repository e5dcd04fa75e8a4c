"""Idempotent writers of the demo people: the taxonomy, organisations, experts, mentees and
pairings, each keyed on a natural key so that seeding twice changes nothing."""

from django.utils import timezone

from talentbridge.models import User

from ..models import Honour, IndustryChain, Mentee, Mentor, Organization, Pairing
from ..services import save_mentee, save_mentor, save_organization
from .data import (
    ENTERPRISES,
    FIELDS,
    HONOURS,
    INSTITUTIONS,
    JINXIANG,
    MENTEES,
    MENTORS,
    PAIRINGS,
    S,
)


def _phone(index: int, offset: int) -> str:
    return f"139{offset:04d}{index:04d}"


def seed_taxonomy() -> tuple[dict, dict]:
    fields = {}
    for order, (slug, zh, en) in enumerate(FIELDS, start=1):
        fields[slug], _ = IndustryChain.objects.update_or_create(
            slug=slug, defaults={"name_zh": zh, "name_en": en, "order": order * 10}
        )
    honours = {}
    for order, (slug, zh, en, level) in enumerate(HONOURS, start=1):
        honours[slug], _ = Honour.objects.update_or_create(
            slug=slug, defaults={"name_zh": zh, "name_en": en, "level": level, "order": order * 10}
        )
    return fields, honours


def seed_organizations(fields: dict, accounts: dict[str, User]) -> dict[str, Organization]:
    organizations = {}
    for name, kind, tags, (province, city, county), size in ENTERPRISES:
        organization, _ = Organization.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "province": province,
                "city": city,
                "county": county,
                "size": size,
                "country": "中国",
            },
        )
        organizations[name] = save_organization(
            organization, actor=None, fields=[fields[t] for t in tags]
        )
    for name, kind, (province, city, county), country in INSTITUTIONS:
        organization, _ = Organization.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "province": province,
                "city": city,
                "county": county,
                "country": country,
            },
        )
        organizations[name] = save_organization(organization, actor=None)
    organizations["四创科技有限公司"].members.add(accounts["enterprise"])
    return organizations


def seed_mentors(fields, honours, organizations, accounts) -> dict[str, Mentor]:
    mentors = {}
    demo_mentor = accounts["mentor"]
    for index, row in enumerate(MENTORS, start=1):
        name, title, affiliation, honour, tags, hometown, (city, country), languages = row[:8]
        capacity, research = row[8], row[9]
        extra = [honours["hometown-adviser"]] if hometown == JINXIANG else []
        is_demo = name == demo_mentor.name
        mentor, _ = Mentor.objects.update_or_create(
            name=name,
            affiliation=organizations[affiliation],
            defaults={
                "user": demo_mentor if is_demo else None,
                "title": title,
                "province": hometown[0],
                "city": hometown[1],
                "county": hometown[2],
                "current_city": city,
                "country": country,
                "languages": languages,
                "capacity": capacity,
                "research_fields": research,
                "bio": f"{name}，{affiliation}{title}，研究方向：{research}。",
                "phone": _phone(index, 1000),
                "email": demo_mentor.email
                if is_demo
                else f"expert{index:02d}@demo.talentbridge.cn",
            },
        )
        mentors[name] = save_mentor(
            mentor,
            actor=None,
            fields=[fields[t] for t in tags],
            honours=[honours[honour], *extra],
        )
    return mentors


def seed_mentees(fields, organizations, accounts) -> dict[str, Mentee]:
    mentees = {}
    demo_mentee = accounts["mentee"]
    for index, (name, kind, organization, tags, place, needs) in enumerate(MENTEES, start=1):
        is_demo = name == demo_mentee.name
        mentee, _ = Mentee.objects.update_or_create(
            name=name,
            defaults={
                "user": demo_mentee if is_demo else None,
                "kind": kind,
                "organization": organizations.get(organization) if organization else None,
                "province": place[0],
                "city": place[1],
                "county": place[2],
                "needs": needs,
                "phone": _phone(index, 2000),
                "email": demo_mentee.email
                if is_demo
                else f"mentee{index:02d}@demo.talentbridge.cn",
            },
        )
        mentees[name] = save_mentee(mentee, actor=None, fields=[fields[t] for t in tags])
    return mentees


def seed_pairings(mentors, mentees, accounts) -> list[Pairing]:
    now = timezone.now()
    pairings = []
    for mentor_name, mentee_name, status, note in PAIRINGS:
        mentor, mentee = mentors[mentor_name], mentees[mentee_name]
        accepted = status not in (S.PROPOSED,)
        proposer = mentee.user or accounts["organizer"]
        pairing, _ = Pairing.objects.update_or_create(
            mentor=mentor,
            mentee=mentee,
            defaults={
                "status": status,
                "note": note,
                "proposed_by": proposer,
                "accepted_at": now if accepted and status != S.DISSOLVED else None,
                "celebrated_at": now if status in (S.CELEBRATED, S.ACTIVE) else None,
                "ended_at": now if status in (S.CONCLUDED, S.DISSOLVED) else None,
            },
        )
        pairings.append(pairing)
    return pairings
