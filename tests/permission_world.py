"""A small world for the permission matrix: two offices, one event of office A with its
team, people and postings held by office A, and one account per role.

``build()`` returns the accounts by role and the values that fill every URL's arguments.
"""

from datetime import timedelta

from django.utils import timezone

from events.meetings.services.day import add_slots, add_tables
from events.meetings.services.followups import record_follow_up
from events.meetings.services.profiles import opt_in
from events.meetings.services.requests import accept_request, request_meeting
from events.meetings.services.schedule import schedule_meetings
from events.models import (
    Ceremony,
    Event,
    EventPosting,
    EventRole,
    Meeting,
    Registration,
    Signing,
)
from events.services.experts import invite_experts
from events.services.team import add_team_member, invite_team_member
from mentors.hometown.services import add_to_roster, appoint_adviser
from mentors.models import Holding, Studio
from mentors.services import hold_person, invitation_path, invite_to_claim_profile
from projects.models import Claim, FirmMatch, Landing
from talentbridge.certificates.services import create_certificate
from talentbridge.models import Office, OfficeRole
from talentbridge.services import invite_member
from talentbridge.services.invitations import token_hash
from tests.events.contests.world import build_contest
from tests.factories import (
    AttendeeCategoryFactory,
    ChallengeFactory,
    DispatchFactory,
    EventFactory,
    IndustryChainFactory,
    MenteeFactory,
    MentorFactory,
    OfficeFactory,
    OrganizationFactory,
    PairingFactory,
    ProjectFactory,
    ServiceRecordFactory,
    UserFactory,
    WhistleRequestFactory,
    member_of,
)

# Visitor, expert, mentee, enterprise; office A's manager, reviewer and staff; office B's
# manager; the event's co-organizer, check-in staff and ceremony operator; the admin.
EXPERT_TOKEN = "world-expert-reply-link"
ROLES = ["vis", "exp", "mte", "ent", "mgrA", "revA", "stfA", "mgrB", "co", "chk", "cer", "adm"]


def _meetings(event, category, mentee_user, manager) -> Meeting:
    """The matchmaking day's frame and one scheduled meeting: a participant outside the
    roles asked the mentee, who accepted."""
    add_slots(event, starts_at=event.starts_at, ends_at=event.ends_at, minutes=60, actor=manager)
    add_tables(event, count=2, prefix="A", actor=manager)
    guest = UserFactory(name="对接嘉宾")
    Registration.objects.create(event=event, category=category, user=guest, status="confirmed")
    for user in (guest, mentee_user):
        opt_in(event, user, offers="订单", seeks="专家", max_meetings=4, actor=user)
    request = request_meeting(event, guest, mentee_user, message="想聊聊", priority=False)
    accept_request(request, actor=mentee_user)
    schedule_meetings(event, actor=manager)
    meeting = Meeting.objects.get(request=request)
    profile = request.recipient
    record_follow_up(meeting, profile, stage="day", outcome="cooperation", actor=mentee_user)
    return meeting


def build() -> tuple[dict, dict]:
    office_a = OfficeFactory(name="福建省引进人才服务中心")
    office_b = OfficeFactory(name="晋安区人民政府", kind=Office.Kind.GOVERNMENT)
    users = {
        "vis": None,
        "mgrA": member_of(office_a, OfficeRole.MANAGER, name="A 管理员"),
        "revA": member_of(office_a, OfficeRole.REVIEWER, name="A 评审"),
        "stfA": member_of(office_a, OfficeRole.STAFF, name="A 工作人员"),
        "mgrB": member_of(office_b, OfficeRole.MANAGER, name="B 管理员"),
        "co": UserFactory(name="协办"),
        "chk": UserFactory(name="签到志愿者"),
        "cer": UserFactory(name="仪式操作员"),
        "adm": UserFactory(name="管理员", is_admin=True, is_staff=True, is_superuser=True),
    }
    manager = users["mgrA"]
    firm = OrganizationFactory(name="四创科技有限公司")
    expert = MentorFactory(name="左明健", affiliation=firm)
    mentee = MenteeFactory(name="陈晓青")
    users["exp"], users["mte"] = expert.user, mentee.user
    users["ent"] = UserFactory(name="企业 王经理", is_enterprise=True)
    firm.members.add(users["ent"])
    on_file = MentorFactory(user=None, name="潘志远", email="pan@example.cn")
    for held in (expert, mentee, firm, on_file):
        hold_person(office_a, held, source=Holding.Source.IMPORTED, actor=manager)

    now = timezone.now()
    event = EventFactory(
        office=office_a,
        kind=Event.Kind.MATCHMAKING,
        call_opens_at=now - timedelta(days=5),
        call_closes_at=now + timedelta(5),
    )
    event.co_host_offices.add(office_b)
    for role, key in ((EventRole.CO_ORGANIZER, "co"), (EventRole.CHECKIN, "chk")):
        add_team_member(event, users[key], role, actor=manager)
    add_team_member(event, users["cer"], EventRole.CEREMONY, actor=manager)
    category = AttendeeCategoryFactory(event=event, name="徒弟")
    registration = Registration.objects.create(
        event=event, category=category, user=users["mte"], status="confirmed", confirmed_at=now
    )
    meeting = _meetings(event, category, users["mte"], manager)
    pairing = PairingFactory(mentor=expert, mentee=mentee)
    ceremony = Ceremony.objects.create(event=event, title="对接仪式", group_count=2)
    pair = ceremony.pairs.create(pairing=pairing, group=1, position=1)

    project = ProjectFactory(owner=users["exp"], poster_mentor=expert, office=office_a)
    challenge = ChallengeFactory(owner=users["ent"], poster_organization=firm, office=office_a)
    Landing.objects.create(project=project, province="福建省", landed_on=now.date())
    studio = Studio.objects.create(
        office=office_a, name="工作站", mentor=expert, opened_on=now.date()
    )
    signing = Signing.objects.create(
        event=event, title="签约", parties="甲方 / 乙方", signed_on=now.date()
    )
    challenge.fields.add(IndustryChainFactory(slug="talent-map-field"))  # the talent map's gaps
    link = EventPosting.objects.create(event=event, challenge=challenge, submitted_by=users["ent"])
    claim = Claim.objects.create(
        challenge=challenge,
        claimant=users["exp"],
        mentor=expert,
        approach="诊断方案",
        timeline="三个月",
        expected_result="上线",
    )
    invite_experts(event, [expert], actor=manager)
    # A reply link whose token the world knows (the e-mail is not read here).
    event.expert_invitations.update(token_hash=token_hash(EXPERT_TOKEN))
    certificate = create_certificate(
        office_a, kind="appointment", holder_name="左明健", title="顾问", actor=manager
    )
    # Office A's hometown roster: the expert, appointed adviser, proposed to the firm.
    roster_entry = add_to_roster(office_a, expert, actor=manager)
    appointment = appoint_adviser(
        office_a, expert, term_start=now.date(), term_end=now.date() + timedelta(700), actor=manager
    )
    firm_match = FirmMatch.objects.create(
        office=office_a, organization=firm, mentor=expert, score=1
    )
    dispatch = DispatchFactory(office=office_a, commissioner=users["exp"], organization=firm)
    record = ServiceRecordFactory(dispatch=dispatch)
    whistle = WhistleRequestFactory(dispatch=dispatch, raised_by=users["ent"])
    contest = build_contest(office=office_a, manager=manager, team=users["mte"])

    refs = {
        "event": event.pk,
        "field": IndustryChainFactory().pk,
        "category": category.pk,
        "registration": registration.pk,
        "code": registration.code,
        "pair": pair.pk,
        "link": link.pk,
        "member": event.members.first().pk,
        "expert": expert.pk,
        "mentee": mentee.pk,
        "firm": firm.pk,
        "pairing": pairing.pk,
        "project": project.pk,
        "challenge": challenge.pk,
        "claim": claim.pk,
        "office_a": office_a.pk,
        "certificate": certificate.pk,
        "certificate_code": certificate.code,
        "dispatch": dispatch.pk,
        "roster_entry": roster_entry.pk,
        "appointment": appointment.pk,
        "firm_match": firm_match.pk,
        "record": record.pk,
        "whistle": whistle.pk,
        "contest": contest["contest"].pk,
        "contest_entry": contest["entry"].pk,
        "signing": signing.pk,
        "studio": studio.pk,
        "invitation": event.expert_invitations.get().pk,
        "office_token": invite_member(
            office_a, email="new@example.cn", role=OfficeRole.STAFF, actor=manager
        ),
        "team_token": invite_team_member(
            event, email="helper@example.cn", role=EventRole.CHECKIN, actor=manager
        ),
        "expert_token": EXPERT_TOKEN,
        "meeting": meeting.pk,
        "meeting_request": meeting.request_id,
        "meeting_profile": meeting.request.requester_id,
        "meeting_table": meeting.table_id,
        "meeting_slot": meeting.slot_id,
        "meeting_follow_up": meeting.follow_ups.get().pk,
        "claim_token": invitation_path(
            invite_to_claim_profile(office_a, on_file, actor=manager, send=False)
        )
        .rstrip("/")
        .rsplit("/", 1)[-1],
    }
    return users, refs
