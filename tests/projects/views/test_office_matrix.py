"""One permission table over the pages of people and boards × the roles, office roles
included: who owns the profile or posting, who manages, reviews or staffs the office that
holds it (office A), who manages another office (B), and the platform administrator.

Office A holds the expert, the mentee and the organisation, and the enterprise's demands and
the expert's project are submitted to it. Office B has a manager and nothing else.
"""

import pytest
from django.test import Client
from django.urls import reverse

from mentors.models import Holding, ProfileInvitation
from mentors.services import hold_person
from projects.models import Challenge, Status
from talentbridge.models import OfficeRole
from tests.factories import (
    ChallengeFactory,
    MenteeFactory,
    MentorFactory,
    OfficeFactory,
    OrganizationFactory,
    ProjectFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

ROLES = (
    "visitor",
    "expert",
    "mentee",
    "enterprise",
    "manager_a",
    "reviewer_a",
    "staff_a",
    "manager_b",
    "admin",
)
L = 302  # to the login page (or, for an allowed POST, back to a page)


@pytest.fixture
def world(db):
    office_a = OfficeFactory(name="福建省引进人才服务中心")
    office_b = OfficeFactory(name="晋安区人民政府")
    users = {
        "expert": UserFactory(is_mentor=True),
        "mentee": UserFactory(is_mentee=True),
        "enterprise": UserFactory(is_enterprise=True),
        "manager_a": member_of(office_a, OfficeRole.MANAGER),
        "reviewer_a": member_of(office_a, OfficeRole.REVIEWER),
        "staff_a": member_of(office_a, OfficeRole.STAFF),
        "manager_b": member_of(office_b, OfficeRole.MANAGER),
        "admin": UserFactory(is_admin=True, is_staff=True, is_superuser=True),
    }
    organization = OrganizationFactory(name="四创科技有限公司")
    organization.members.add(users["enterprise"])
    mentor = MentorFactory(user=users["expert"], phone="13900001111")
    imported = MentorFactory(user=None, name="林海峰", email="lin@example.cn")
    mentee = MenteeFactory(user=users["mentee"])
    for held in (mentor, imported, mentee, organization):
        hold_person(office_a, held, source=Holding.Source.IMPORTED, actor=None)
    posted = {"owner": users["enterprise"], "poster_organization": organization}
    return {
        "users": users,
        "office_a": office_a.pk,
        "mentor": mentor.pk,
        "mentee": mentee.pk,
        "organization": organization.pk,
        "published": ChallengeFactory(office=office_a, **posted).pk,
        "draft": ChallengeFactory(office=office_a, status=Status.DRAFT, **posted).pk,
        "submitted": ChallengeFactory(office=office_a, status=Status.SUBMITTED, **posted).pk,
        "project": ProjectFactory(office=office_a, owner=users["expert"], poster_mentor=mentor).pk,
    }


def _client(world, role) -> Client:
    client = Client()
    if role != "visitor":
        client.force_login(world["users"][role])
    return client


def row(*codes):
    return dict(zip(ROLES, codes, strict=True))


C = "challenges"
# (url name, path arguments from the world) → status per role:
#        visitor expert mentee enterpr. mgr_A  rev_A  staff_A mgr_B  admin
TABLE = [
    ("mentors:mentor_list", [], row(200, 200, 200, 200, 200, 200, 200, 200, 200)),
    ("mentors:mentor_detail", ["mentor"], row(200, 200, 200, 200, 200, 200, 200, 200, 200)),
    ("mentors:mentor_edit", ["mentor"], row(L, 200, 404, 404, 200, 404, 404, 404, 200)),
    ("mentors:mentor_create", [], row(L, 403, 403, 403, 200, 403, 403, 200, 200)),
    ("mentors:mentee_list", [], row(L, 200, 403, 403, 200, 403, 403, 200, 200)),
    ("mentors:mentee_detail", ["mentee"], row(L, 200, 200, 404, 200, 404, 404, 200, 200)),
    ("mentors:mentee_edit", ["mentee"], row(L, 404, 200, 404, 200, 404, 404, 404, 200)),
    ("mentors:mentee_create", [], row(L, 403, 403, 403, 200, 403, 403, 200, 200)),
    ("mentors:organization_list", [], row(L, 200, 403, 403, 200, 403, 403, 200, 200)),
    ("mentors:organization_detail", ["organization"],
     row(L, 200, 404, 200, 200, 404, 404, 200, 200)),
    ("mentors:organization_edit", ["organization"],
     row(L, 404, 404, 200, 200, 404, 404, 404, 200)),
    ("mentors:my_pairings", [], row(L, 200, 200, 200, 200, 200, 200, 200, 200)),
    ("mentors:import", [], row(L, 403, 403, 403, 200, 403, 403, 200, 200)),
    ("mentors:taxonomy", [], row(L, 404, 404, 404, 200, 404, 404, 200, 200)),
    ("mentors:held_offices", [], row(L, 404, 404, 404, 302, 404, 404, 302, 200)),
    ("mentors:office_experts", ["office_a"], row(L, 404, 404, 404, 200, 404, 404, 404, 200)),
    ("mentors:office_sheet", ["office_a"], row(L, 404, 404, 404, 200, 404, 404, 404, 200)),
    ("projects:board", [C], row(200, 200, 200, 200, 200, 200, 200, 200, 200)),
    ("projects:posting", [C, "published"], row(200, 200, 200, 200, 200, 200, 200, 200, 200)),
    ("projects:posting", [C, "draft"], row(404, 404, 404, 200, 200, 200, 404, 404, 200)),
    ("projects:posting", [C, "submitted"], row(404, 404, 404, 200, 200, 200, 404, 404, 200)),
    ("projects:posting_edit", [C, "published"], row(L, 404, 404, 404, 200, 404, 404, 404, 200)),
    ("projects:posting_edit", [C, "draft"], row(L, 404, 404, 200, 200, 404, 404, 404, 200)),
    ("projects:posting_edit", ["projects", "project"],
     row(L, 404, 404, 404, 200, 404, 404, 404, 200)),
    ("projects:posting_create", [C], row(L, 403, 200, 200, 200, 403, 403, 200, 200)),
    ("projects:posting_create", ["projects"], row(L, 200, 403, 403, 200, 403, 403, 200, 200)),
    ("projects:review_queue", [], row(L, 403, 403, 403, 200, 200, 403, 200, 200)),
    ("projects:suggestions", [C, "published"], row(404, 404, 404, 200, 200, 404, 404, 404, 200)),
    ("projects:suggestions", ["projects", "project"],
     row(404, 200, 404, 404, 200, 404, 404, 404, 200)),
    ("projects:my_postings", [], row(L, 200, 200, 200, 200, 200, 200, 200, 200)),
]  # fmt: skip


def _path(world, name, args) -> str:
    return reverse(name, args=[world.get(arg, arg) for arg in args])


@pytest.mark.parametrize(("name", "args", "expected"), TABLE, ids=[f"{n}{a}" for n, a, _ in TABLE])
def test_get_matrix(world, name, args, expected):
    path = _path(world, name, args)
    got = {role: _client(world, role).get(path).status_code for role in ROLES}
    assert got == expected


# POST: (url name, path arguments, data) → status per role; the change happens exactly for
# the roles that get 302 (anonymous visitors are sent to log in).
POSTS = {
    "publish": ("projects:posting_action", [C, "submitted", "publish"], {},
                row(L, 404, 404, 404, 302, 302, 404, 404, 302)),
    "withdraw": ("projects:posting_action", [C, "published", "withdraw"], {},
                 row(L, 404, 404, 302, 302, 404, 404, 404, 302)),
    "invite": ("mentors:office_invite", ["office_a"], {"action": "sheet", "scope": "not_joined"},
               row(L, 404, 404, 404, 302, 404, 404, 404, 302)),
}  # fmt: skip
CHANGED = {
    "publish": lambda w: Challenge.objects.get(pk=w["submitted"]).status == Status.PUBLISHED,
    "withdraw": lambda w: Challenge.objects.get(pk=w["published"]).status == Status.WITHDRAWN,
    "invite": lambda w: ProfileInvitation.objects.filter(mentor__name="林海峰").exists(),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", POSTS)
def test_post_matrix(world, role, action):
    name, args, data, expected = POSTS[action]
    response = _client(world, role).post(_path(world, name, args), data)
    assert response.status_code == expected[role]
    if role == "visitor":
        assert response["Location"].startswith(reverse("login"))
    assert CHANGED[action](world) is (expected[role] == 302 and role != "visitor")


def test_contact_details_follow_the_holding_office(world):
    path = reverse("mentors:mentor_detail", args=[world["mentor"]])
    shown = {
        role: "13900001111" in _client(world, role).get(path).content.decode() for role in ROLES
    }
    assert shown == row(False, True, False, False, True, False, False, False, True)
