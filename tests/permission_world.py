"""A small world for the permission matrix: two offices, one event of office A with its
team, people and postings held by office A, and one account per role.

``build()`` returns the accounts by role and the values that fill every URL's arguments.
"""

from datetime import timedelta

from django.utils import timezone

from events.models import Ceremony, EventPosting, EventRole, Registration
from events.services.experts import invite_experts
from events.services.team import add_team_member, invite_team_member
from mentors.models import Holding
from mentors.services import hold_person, invitation_path, invite_to_claim_profile
from projects.models import Claim
from talentbridge.certificates.services import create_certificate
from talentbridge.models import Office, OfficeRole
from talentbridge.services import invite_member
from talentbridge.services.offices import token_hash
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
        office=office_a, call_opens_at=now - timedelta(days=5), call_closes_at=now + timedelta(5)
    )
    event.co_host_offices.add(office_b)
    for role, key in ((EventRole.CO_ORGANIZER, "co"), (EventRole.CHECKIN, "chk")):
        add_team_member(event, users[key], role, actor=manager)
    add_team_member(event, users["cer"], EventRole.CEREMONY, actor=manager)
    category = AttendeeCategoryFactory(event=event, name="徒弟")
    registration = Registration.objects.create(
        event=event, category=category, user=users["mte"], status="confirmed", confirmed_at=now
    )
    pairing = PairingFactory(mentor=expert, mentee=mentee)
    ceremony = Ceremony.objects.create(event=event, title="对接仪式", group_count=2)
    pair = ceremony.pairs.create(pairing=pairing, group=1, position=1)

    project = ProjectFactory(owner=users["exp"], poster_mentor=expert, office=office_a)
    challenge = ChallengeFactory(owner=users["ent"], poster_organization=firm, office=office_a)
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
    dispatch = DispatchFactory(office=office_a, commissioner=users["exp"], organization=firm)
    record = ServiceRecordFactory(dispatch=dispatch)
    whistle = WhistleRequestFactory(dispatch=dispatch, raised_by=users["ent"])

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
        "record": record.pk,
        "whistle": whistle.pk,
        "invitation": event.expert_invitations.get().pk,
        "office_token": invite_member(
            office_a, email="new@example.cn", role=OfficeRole.STAFF, actor=manager
        ),
        "team_token": invite_team_member(
            event, email="helper@example.cn", role=EventRole.CHECKIN, actor=manager
        ),
        "expert_token": EXPERT_TOKEN,
        "claim_token": invitation_path(
            invite_to_claim_profile(office_a, on_file, actor=manager, send=False)
        )
        .rstrip("/")
        .rsplit("/", 1)[-1],
    }
    return users, refs
