"""The demo summit's cast: the host office (福建省引进人才服务中心) with two managers, the
co-host office (晋安区人民政府) with its own manager, three volunteers at the check-in desk
and one ceremony operator. Idempotent: accounts are keyed on their e-mail, offices on their
name, roles on (event, person, role); passwords are set once, when an account is created."""

from talentbridge.demo import DEMO_PASSWORD
from talentbridge.models import Membership, Office, OfficeRole, User
from talentbridge.services import add_member, create_office

from ..models import Event, EventMember, EventRole
from ..services.team import add_team_member

CO_HOST_OFFICE = "晋安区人民政府"
# (key printed by seed_demo, e-mail, name)
HOST_MANAGER = ("manager", "manager@demo.talentbridge.cn", "黄文清")
CO_HOST_MANAGER = ("co-host", "jinan@demo.talentbridge.cn", "晋安区 郑科长")
CHECKIN_STAFF = [
    ("checkin1", "checkin1@demo.talentbridge.cn", "志愿者 陈一帆"),
    ("checkin2", "checkin2@demo.talentbridge.cn", "志愿者 林雨萱"),
    ("checkin3", "checkin3@demo.talentbridge.cn", "志愿者 王子涵"),
]
CEREMONY_OPERATOR = ("ceremony", "ceremony@demo.talentbridge.cn", "仪式操作员 吴思远")
CAST = [HOST_MANAGER, CO_HOST_MANAGER, *CHECKIN_STAFF, CEREMONY_OPERATOR]


def _account(email: str, name: str) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"name": name})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _office_role(office: Office, user: User, role: str, actor: User) -> None:
    if not Membership.objects.filter(office=office, user=user, role=role).exists():
        add_member(office, user, role, actor=actor)


def _event_role(event: Event, user: User, role: str, actor: User) -> None:
    if not EventMember.objects.filter(event=event, user=user, role=role).exists():
        add_team_member(event, user, role, actor=actor)


def seed_cast(event: Event, organizer: User) -> list[User]:
    """Staff the summit; return the check-in volunteers (who checked people in on the day)."""
    _office_role(event.office, _account(*HOST_MANAGER[1:]), OfficeRole.MANAGER, organizer)
    co_host_manager = _account(*CO_HOST_MANAGER[1:])
    co_host = Office.objects.filter(name=CO_HOST_OFFICE).first() or create_office(
        name=CO_HOST_OFFICE,
        kind=Office.Kind.GOVERNMENT,
        region="福建省福州市晋安区",
        description="“青蓝接力”主题会承办单位，引导对接项目在晋安区落地。",
        actor=organizer,
        owner=co_host_manager,
    )
    event.co_host_offices.set([co_host])
    desk = []
    for _, email, name in CHECKIN_STAFF:
        volunteer = _account(email, name)
        _event_role(event, volunteer, EventRole.CHECKIN, organizer)
        desk.append(volunteer)
    operator = _account(*CEREMONY_OPERATOR[1:])
    _event_role(event, operator, EventRole.CEREMONY, organizer)
    return desk


def cast_accounts() -> dict[str, User]:
    """The cast's demo accounts by the key ``seed_demo`` prints (password ``DEMO_PASSWORD``)."""
    users = {u.email: u for u in User.objects.filter(email__in=[row[1] for row in CAST])}
    return {key: users[email] for key, email, _ in CAST if email in users}
