"""Submitting a posting to an office, and each office's review queue."""

import pytest
from django.urls import reverse

from projects.models import Challenge, Status
from talentbridge.models import OfficeRole
from tests.factories import ChallengeFactory, OfficeFactory, member_of
from tests.projects.views.pages import demand_data

pytestmark = pytest.mark.django_db

QUEUE = reverse("projects:review_queue")
NEW_DEMAND = reverse("projects:posting_create", args=["challenges"])


def test_a_new_posting_goes_to_the_office_chosen(
    enterprise_user, company, client_for, home_office, other_office
):
    client = client_for(enterprise_user)
    form = client.get(NEW_DEMAND).context["form"]
    assert list(form.fields["office"].queryset) == [other_office, home_office]
    assert form.fields["office"].required is True
    assert form.initial["office"] == other_office.pk

    response = client.post(NEW_DEMAND, {**demand_data(), "office": home_office.pk, "submit": "1"})

    assert response.status_code == 302
    assert Challenge.objects.get().office == home_office


def test_the_office_parameter_preselects_an_office(
    enterprise_user, client_for, home_office, other_office
):
    client = client_for(enterprise_user)
    for value, expected in [
        (home_office.pk, home_office.pk),
        ("99999999999999999999", other_office.pk),
        ("abc", other_office.pk),
        (0, other_office.pk),
    ]:
        form = client.get(NEW_DEMAND, {"office": value}).context["form"]
        assert form.initial["office"] == expected


def test_a_posting_needs_an_office_once_offices_exist(enterprise_user, company, client_for):
    OfficeFactory()
    response = client_for(enterprise_user).post(NEW_DEMAND, demand_data())
    assert response.status_code == 200
    assert response.context["form"].errors["office"]
    assert Challenge.objects.count() == 0


def test_without_any_office_a_posting_needs_none(enterprise_user, company, client_for):
    response = client_for(enterprise_user).post(NEW_DEMAND, demand_data())
    assert response.status_code == 302
    assert Challenge.objects.get().office is None


@pytest.fixture
def queues(home_office, other_office, enterprise_user, company):
    mine = ChallengeFactory(
        status=Status.SUBMITTED, office=home_office, owner=enterprise_user, title="本中心的需求"
    )
    theirs = ChallengeFactory(status=Status.SUBMITTED, office=other_office, title="晋安区的需求")
    return mine, theirs


@pytest.mark.parametrize(
    ("role", "status", "shown"),
    [
        ("manager", 200, {"本中心的需求"}),
        ("reviewer", 200, {"本中心的需求"}),
        ("staff", 403, set()),
        ("other_reviewer", 200, {"晋安区的需求"}),
        ("admin", 200, {"本中心的需求", "晋安区的需求"}),
    ],
)
def test_the_queue_shows_the_postings_of_the_user_s_offices(
    queues, client_for, home_office, other_office, admin_user, role, status, shown
):
    user = {
        "manager": lambda: member_of(home_office, OfficeRole.MANAGER),
        "reviewer": lambda: member_of(home_office, OfficeRole.REVIEWER),
        "staff": lambda: member_of(home_office, OfficeRole.STAFF),
        "other_reviewer": lambda: member_of(other_office, OfficeRole.REVIEWER),
        "admin": lambda: admin_user,
    }[role]()
    response = client_for(user).get(QUEUE)
    assert response.status_code == status
    if status == 200:
        assert {posting.title for posting in response.context["challenges"]} == shown


def test_a_reviewer_publishes_only_the_postings_of_their_office(queues, client_for, home_office):
    mine, theirs = queues
    client = client_for(member_of(home_office, OfficeRole.REVIEWER))

    for posting, expected, status in [(mine, 302, "published"), (theirs, 404, "submitted")]:
        path = reverse("projects:posting_action", args=["challenges", posting.pk, "publish"])
        assert client.post(path).status_code == expected
        posting.refresh_from_db()
        assert posting.status == status


def test_the_queue_names_the_office_when_the_user_reviews_for_several(
    queues, client_for, home_office, other_office, admin_user
):
    reviewer = member_of(home_office, OfficeRole.REVIEWER)
    assert "晋安区人民政府" not in client_for(reviewer).get(QUEUE).content.decode()

    html = client_for(admin_user).get(QUEUE).content.decode()
    assert "<td>晋安区人民政府</td>" in html
    mine, _theirs = queues
    path = reverse("projects:posting_action", args=["challenges", mine.pk, "publish"])
    row = client_for(admin_user).post(path, HTTP_HX_REQUEST="true").content.decode()
    assert row.count("<td") == 5  # the swapped row keeps the office column
