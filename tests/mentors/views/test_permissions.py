"""Permission matrix: every URL of the app × every role → the expected status code."""

import pytest
from django.test import Client
from django.urls import reverse

from mentors.models import Holding, Pairing
from mentors.services import hold_person
from talentbridge.models import OfficeRole
from tests.factories import OrganizationFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "organizer", "owner", "other_mentor", "mentee", "enterprise", "admin")
LOGIN = 302  # anonymous visitors are sent to the login page


@pytest.fixture
def world(make_mentor, make_mentee, home_office):
    """An expert (with account “owner”), a mentee (“mentee”) and a proposal between them,
    all held by the office that “organizer” manages."""
    users = {
        "organizer": member_of(home_office, OfficeRole.MANAGER, is_organizer=True),
        "owner": UserFactory(is_mentor=True),
        "other_mentor": UserFactory(is_mentor=True),
        "mentee": UserFactory(is_mentee=True),
        "enterprise": UserFactory(is_enterprise=True),
        "admin": UserFactory(is_admin=True, is_staff=True, is_superuser=True),
    }
    organization = OrganizationFactory()
    hold_person(home_office, organization, source=Holding.Source.CREATED, actor=None)
    mentor = make_mentor(user=users["owner"], affiliation=organization)
    make_mentor(user=users["other_mentor"])
    mentee = make_mentee(user=users["mentee"], organization=organization)
    pairing = Pairing.objects.create(mentor=mentor, mentee=mentee, proposed_by=users["mentee"])
    return {
        "users": users,
        "mentor": mentor.pk,
        "mentee": mentee.pk,
        "organization": organization.pk,
        "pairing": pairing.pk,
    }


def _client(world, role) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


def row(*expected):
    """Expected outcomes in the order of ROLES."""
    return dict(zip(ROLES, expected, strict=True))


GET_MATRIX = [
    ("mentors:mentor_list", None, row(200, 200, 200, 200, 200, 200, 200)),
    ("mentors:hometown_list", None, row(200, 200, 200, 200, 200, 200, 200)),
    ("mentors:mentor_detail", "mentor", row(200, 200, 200, 200, 200, 200, 200)),
    ("mentors:mentor_edit", "mentor", row(LOGIN, 200, 200, 404, 404, 404, 200)),
    ("mentors:mentor_create", None, row(LOGIN, 200, 403, 403, 403, 403, 200)),
    ("mentors:mentee_list", None, row(LOGIN, 200, 200, 200, 403, 403, 200)),
    ("mentors:mentee_detail", "mentee", row(LOGIN, 200, 200, 200, 200, 404, 200)),
    ("mentors:mentee_edit", "mentee", row(LOGIN, 200, 404, 404, 200, 404, 200)),
    ("mentors:mentee_create", None, row(LOGIN, 200, 403, 403, 403, 403, 200)),
    ("mentors:organization_list", None, row(LOGIN, 200, 200, 200, 403, 403, 200)),
    ("mentors:organization_detail", "organization", row(LOGIN, 200, 200, 200, 404, 404, 200)),
    ("mentors:organization_edit", "organization", row(LOGIN, 200, 404, 404, 404, 404, 200)),
    ("mentors:my_pairings", None, row(LOGIN, 200, 200, 200, 200, 200, 200)),
    ("mentors:import", None, row(LOGIN, 200, 403, 403, 403, 403, 200)),
]
DENIED = row(LOGIN, 200, 403, 403, 403, 403, 200)
EXTRA_GET = [
    ("mentors:import_template", {"kind": "mentors"}, row(LOGIN, 200, 403, 403, 403, 403, 200)),
    ("mentors:import_template", {"kind": "mentees"}, row(LOGIN, 200, 403, 403, 403, 403, 200)),
    ("mentors:taxonomy", {}, row(LOGIN, 200, 404, 404, 404, 404, 200)),
]


def _cases(matrix):
    return [(name, key, role, codes[role]) for name, key, codes in matrix for role in ROLES]


@pytest.mark.parametrize(("name", "key", "role", "expected"), _cases(GET_MATRIX))
def test_get_permission_matrix(world, name, key, role, expected):
    url = reverse(name, args=[world[key]] if key else [])
    response = _client(world, role).get(url)
    assert response.status_code == expected


@pytest.mark.parametrize(("name", "kwargs", "role", "expected"), _cases(EXTRA_GET))
def test_spreadsheet_permission_matrix(world, name, kwargs, role, expected):
    response = _client(world, role).get(reverse(name, kwargs=kwargs))
    assert response.status_code == expected


# POST: (url, data, codes, the pairing's status afterwards per role)
P, A, D = Pairing.Status.PROPOSED, Pairing.Status.ACCEPTED, Pairing.Status.DISSOLVED
POST_MATRIX = [
    ("mentors:pairing_accept", row(LOGIN, 302, 302, 404, 302, 404, 302), row(P, A, A, P, P, P, A)),
    ("mentors:pairing_decline", row(LOGIN, 302, 302, 404, 302, 404, 302), row(P, D, D, P, D, P, D)),
    ("mentors:pairing_end", row(LOGIN, 302, 302, 404, 302, 404, 302), row(P, P, P, P, P, P, P)),
]


@pytest.mark.parametrize(
    ("name", "role", "expected", "status"),
    [
        (name, role, codes[role], after[role])
        for name, codes, after in POST_MATRIX
        for role in ROLES
    ],
)
def test_pairing_action_permission_matrix(world, name, role, expected, status):
    response = _client(world, role).post(reverse(name, args=[world["pairing"]]))
    assert response.status_code == expected
    assert Pairing.objects.get(pk=world["pairing"]).status == status


@pytest.mark.parametrize(
    ("role", "expected", "created"),
    [
        ("anonymous", LOGIN, 0),
        ("organizer", 302, 1),
        ("owner", 302, 1),
        ("other_mentor", 404, 0),
        ("mentee", 404, 0),
        ("enterprise", 404, 0),
        ("admin", 302, 1),
    ],
)
def test_pairing_propose_permission(world, make_mentee, role, expected, created):
    target = make_mentee()
    data = {"mentor": world["mentor"], "mentee": target.pk, "note": "x"}
    response = _client(world, role).post(reverse("mentors:pairing_propose"), data)
    assert response.status_code == expected
    assert Pairing.objects.filter(mentee=target).count() == created


@pytest.mark.parametrize("role", ["anonymous", "owner", "mentee", "enterprise"])
def test_import_commit_denied_for_non_organizers(world, role):
    data = {"kind": "mentors", "token": "0" * 32 + ".csv", "filename": "x.csv"}
    response = _client(world, role).post(reverse("mentors:import_commit"), data)
    assert response.status_code == (LOGIN if role == "anonymous" else 403)


def test_contact_details_shown_only_to_permitted_roles(world):
    url = reverse("mentors:mentor_detail", args=[world["mentor"]])
    phone = Pairing.objects.get(pk=world["pairing"]).mentor.phone
    shown = {role: phone in _client(world, role).get(url).content.decode() for role in ROLES}
    assert shown == row(False, True, True, False, False, False, True)

    Pairing.objects.filter(pk=world["pairing"]).update(status=Pairing.Status.ACCEPTED)
    assert phone in _client(world, "mentee").get(url).content.decode()


HOSTILE = ["", "0", "-1", "99999999999999999999", "1e400", "x" * 5000, "a\x00b", "\u202e金乡", "🐉"]
HOSTILE += ["<script>alert(1)</script>", "'; DROP TABLE mentors_mentor; --", "１２", "²"]
QUERY_PARAMETERS = {
    "mentors:mentor_list": ["q", "field", "honour", "region", "hometown", "language", "sort"],
    "mentors:hometown_list": ["place"],
    "mentors:mentee_list": ["q", "field", "kind", "place"],
    "mentors:organization_list": ["q", "field", "kind", "place"],
}


@pytest.mark.parametrize("role", ["anonymous", "organizer", "owner"])
@pytest.mark.parametrize("name", list(QUERY_PARAMETERS))
def test_hostile_query_parameters_never_cause_a_server_error(world, role, name):
    client = _client(world, role)
    for parameter in [*QUERY_PARAMETERS[name], "page"]:
        for value in HOSTILE:
            response = client.get(reverse(name), {parameter: value})
            assert response.status_code < 500, (parameter, value)
            htmx = client.get(reverse(name), {parameter: value}, headers={"HX-Request": "true"})
            assert htmx.status_code < 500, (parameter, value)


@pytest.mark.parametrize(
    ("name", "key", "fields"),
    [
        ("mentors:mentor_edit", "mentor", ["name", "capacity", "fields", "honours", "phone"]),
        ("mentors:mentee_edit", "mentee", ["name", "kind", "organization", "fields", "email"]),
        ("mentors:organization_edit", "organization", ["name", "kind", "size", "fields"]),
    ],
)
def test_hostile_profile_form_values_are_form_errors(world, name, key, fields):
    client = _client(world, "organizer")
    url = reverse(name, args=[world[key]])
    for field in fields:
        for value in HOSTILE:
            response = client.post(url, {field: value, "name": "x"})
            assert response.status_code in (302, 400), (field, value)


def test_hostile_pairing_proposals_are_refused_without_a_server_error(world):
    client = _client(world, "organizer")
    for field in ("mentor", "mentee", "note", "next"):
        for value in HOSTILE:
            data = {"mentor": world["mentor"], "mentee": world["mentee"], field: value}
            response = client.post(reverse("mentors:pairing_propose"), data)
            assert response.status_code == 302, (field, value)
