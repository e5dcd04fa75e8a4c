"""Idempotent writers of the demo rows: accounts, postings with a plausible timeline, claims
and landings, each keyed so that seeding twice changes nothing."""

from datetime import timedelta

from django.utils import timezone

from mentors.models import Mentee, Mentor, Organization
from projects.models import Claim, Landing, PostingEvent, Project, Status
from projects.services.postings import build_search_text
from talentbridge.models import User

from .data import PROPOSAL, REVIEWED


def account(email: str, name: str, **roles) -> User:
    """The demo account with this e-mail address, created without a usable password."""
    user, created = User.objects.get_or_create(email=email, defaults={"name": name, **roles})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def representative(organization: Organization, index: int, accounts: dict) -> User:
    """The account that manages an organisation's postings (the demo enterprise's own)."""
    if organization.members.filter(pk=accounts["enterprise"].pk).exists():
        return accounts["enterprise"]
    user = account(
        f"org{index:02d}@demo.talentbridge.cn", f"{organization.name} 联络人", is_enterprise=True
    )
    organization.members.add(user)
    return user


def expert_account(mentor: Mentor, accounts: dict) -> User:
    """The expert's own account, or a demo account for an expert who has none."""
    if mentor.user_id:
        return mentor.user
    return account(
        mentor.email or f"expert-{mentor.pk}@demo.talentbridge.cn", mentor.name, is_mentor=True
    )


def seed_history(posting, owner: User, organizer: User) -> None:
    """A plausible history for a seeded posting, written once."""
    if posting.history.exists():
        return
    ref = {"project": posting} if isinstance(posting, Project) else {"challenge": posting}
    steps = [(PostingEvent.Action.CREATED, owner, "", Status.DRAFT)]
    if posting.status != Status.DRAFT:
        steps.append((PostingEvent.Action.SUBMITTED, owner, Status.DRAFT, Status.SUBMITTED))
    if posting.status in REVIEWED:
        steps.append((PostingEvent.Action.PUBLISHED, organizer, Status.SUBMITTED, Status.PUBLISHED))
    if posting.status not in (Status.DRAFT, Status.SUBMITTED, Status.PUBLISHED):
        steps.append((PostingEvent.Action.CLAIM_ACCEPTED, owner, Status.PUBLISHED, posting.status))
    for action, actor, from_status, to_status in steps:
        PostingEvent.objects.create(
            **ref, action=action, actor=actor, from_status=from_status, to_status=to_status
        )


def upsert_posting(model, title: str, *, owner: User, poster, fields, status, organizer, **values):
    """The posting of that title, brought to the given state with its search text and timeline."""
    now = timezone.now()
    poster_fields = {
        "poster_mentor": poster if isinstance(poster, Mentor) else None,
        "poster_mentee": poster if isinstance(poster, Mentee) else None,
        "poster_organization": poster if isinstance(poster, Organization) else None,
    }
    posting, _ = model.objects.update_or_create(
        title=title,
        defaults={
            "owner": owner,
            "status": status,
            "submitted_at": now - timedelta(days=40) if status != Status.DRAFT else None,
            "published_at": now - timedelta(days=30) if status in REVIEWED else None,
            **poster_fields,
            **values,
        },
    )
    posting.fields.set(fields)
    model.objects.filter(pk=posting.pk).update(search_text=build_search_text(posting))
    seed_history(posting, owner, organizer)
    return posting


def upsert_claim(
    posting, claimant: User, status: str, *, mentor=None, mentee=None, organization_name=""
):
    """The claimant's claim on the posting, in the given status with the demo proposal."""
    ref = {"project": posting} if isinstance(posting, Project) else {"challenge": posting}
    decided = status in (Claim.Status.ACCEPTED, Claim.Status.DECLINED)
    claim, _ = Claim.objects.update_or_create(
        **ref,
        claimant=claimant,
        defaults={
            **PROPOSAL,
            "status": status,
            "mentor": mentor,
            "mentee": mentee,
            "organization_name": organization_name,
            "decided_by": posting.owner if decided else None,
            "decided_at": timezone.now() - timedelta(days=10) if decided else None,
            "decision_message": "期待合作！"
            if status == Claim.Status.ACCEPTED
            else (
                "方向与我们的需求不完全一致，感谢参与。" if status == Claim.Status.DECLINED else ""
            ),
        },
    )
    return claim


def upsert_landing(posting, place, amount: int, organizer: User) -> None:
    """The posting's landing at ``place`` (province … village) with the intended amount."""
    ref = {"project": posting} if isinstance(posting, Project) else {"challenge": posting}
    Landing.objects.update_or_create(
        **ref,
        defaults={
            "province": place[0],
            "city": place[1],
            "county": place[2],
            "town": place[3] if len(place) > 3 else "",
            "village": place[4] if len(place) > 4 else "",
            "intended_investment": amount,
            "signed_investment": amount // 2,
            "landed_on": timezone.localdate() - timedelta(days=5),
            "recorded_by": organizer,
        },
    )
