"""The host office of the demo summit and the people it holds: every demo expert, mentee and
organisation, and the experts' invitations to claim their profiles (求贤帖) in a realistic mix
of statuses. Idempotent: the office is keyed on its name, invitations on office and expert."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from talentbridge.models import Membership, Office, OfficeRole, User
from talentbridge.services import create_office

from ..models import Holding, Mentee, Mentor, Organization, ProfileInvitation
from ..services import hold_people

HOST_OFFICE = "福建省引进人才服务中心"

# Where the experts stand with the host office's invitations. Those who joined have their own
# account (the demo expert 左明健 logs in with the demo password); experts not named here have
# not been invited yet.
JOINED = ["左明健", "陈思恩", "胡晓惠", "柯东杰", "刘建华", "周立德", "罗振宇", "方俊", "王浩"]
JOINED += ["齐忠权", "李晓刚", "林志强"]
OPENED = ["沈寓实", "林海峰", "吴振华", "陈德明", "许文静", "张凌云"]
INVITED = ["郑宏远", "黄立群", "李明哲", "杨欣然", "陈国栋", "郭海燕", "蔡文博", "魏东升"]
INVITED += ["黄晓兰", "翁建平"]
EXPIRED = ["潘志远", "谢婉婷"]


def host_office(organizer: User) -> Office:
    """The summit's host office, owned by the demo organizer."""
    office = Office.objects.filter(name=HOST_OFFICE).first()
    if office is None:
        office = create_office(
            name=HOST_OFFICE,
            kind=Office.Kind.TALENT_CENTRE,
            region="福建省福州市",
            description="主办第二届中国侨智发展大会“青蓝接力”主题会，征集项目与需求，邀请专家揭榜挂帅。",
            actor=organizer,
            owner=organizer,
        )
    Membership.objects.get_or_create(office=office, user=organizer, role=OfficeRole.OWNER)
    return office


def seed_host_office(accounts: dict[str, User], people: dict) -> Office:
    """The host office holding every demo person, with its invitations to the experts."""
    organizer = accounts["organizer"]
    office = host_office(organizer)
    for model, rows in (
        (Mentor, people["mentors"]),
        (Mentee, people["mentees"]),
        (Organization, people["organizations"].values()),
    ):
        ids = [row.pk for row in rows]
        hold_people(office, model, ids, source=Holding.Source.IMPORTED, actor=organizer)
    _seed_invitations(office, people["mentors_by_name"], organizer)
    return office


def _expert_account(mentor: Mentor) -> User:
    user, created = User.objects.get_or_create(
        email=mentor.email, defaults={"name": mentor.name, "is_mentor": True}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _seed_invitations(office: Office, mentors: dict[str, Mentor], organizer: User) -> None:
    now = timezone.now()
    days = timedelta(days=1)
    for name in JOINED:
        mentor = mentors[name]
        if mentor.user_id is None:
            mentor.user = _expert_account(mentor)
            Mentor.objects.filter(pk=mentor.pk).update(user=mentor.user)
        joined = now - 19 * days
        _invitation(
            office,
            mentor,
            organizer,
            sent=now - 20 * days,
            status=ProfileInvitation.Status.ACCEPTED,
            opened_at=joined,
            accepted_at=joined,
            accepted_by=mentor.user,
        )
    for name in OPENED:
        _invitation(office, mentors[name], organizer, sent=now - 6 * days, opened_at=now - days)
    for name in INVITED:
        _invitation(office, mentors[name], organizer, sent=now - 3 * days)
    for name in EXPIRED:
        _invitation(office, mentors[name], organizer, sent=now - 40 * days)


def _invitation(office, mentor, organizer, *, sent, **values) -> ProfileInvitation:
    """The office's latest invitation of the expert, brought to the given state (its link,
    once printed, stays the same)."""
    values = {
        "status": ProfileInvitation.Status.PENDING,
        "opened_at": None,
        "accepted_at": None,
        "accepted_by": None,
        **values,
    }
    invitation = (
        ProfileInvitation.objects.filter(office=office, mentor=mentor)
        .order_by("-created_at", "-id")
        .first()
    ) or ProfileInvitation(office=office, mentor=mentor, key=secrets.token_urlsafe(16))
    invitation.email = mentor.email
    invitation.sent_by = organizer
    invitation.created_at = invitation.email_requested_at = invitation.emailed_at = sent
    invitation.expires_at = sent + timedelta(days=settings.INVITATION_DAYS)
    for name, value in values.items():
        setattr(invitation, name, value)
    invitation.save()
    return invitation
