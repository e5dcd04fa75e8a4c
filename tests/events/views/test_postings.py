"""The call's postings: linking them, the on-site board link in running order."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from events.models import EventPosting, Session
from projects.models import Challenge
from tests.factories import (
    ChallengeFactory,
    EventFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def posted(event):
    """Four postings linked to the event; three posted on site, in a known running order."""
    morning = Session.objects.create(
        event=event,
        kind=Session.Kind.DEMAND_ROADSHOW,
        title="需求路演",
        starts_at=event.starts_at,
        ends_at=event.starts_at + timedelta(hours=1),
    )
    afternoon = Session.objects.create(
        event=event,
        kind=Session.Kind.PROJECT_SHARING,
        title="项目分享",
        starts_at=event.starts_at + timedelta(hours=3),
        ends_at=event.starts_at + timedelta(hours=4),
    )
    second_demand, first_demand = ChallengeFactory(), ChallengeFactory()
    late_project, unscheduled_project, not_on_site = (
        ProjectFactory(),
        ProjectFactory(),
        ProjectFactory(),
    )
    EventPosting.objects.create(event=event, project=unscheduled_project, posted_on_site=True)
    EventPosting.objects.create(
        event=event, project=late_project, posted_on_site=True, session=afternoon, slot_order=1
    )
    EventPosting.objects.create(
        event=event, challenge=second_demand, posted_on_site=True, session=morning, slot_order=2
    )
    EventPosting.objects.create(
        event=event, challenge=first_demand, posted_on_site=True, session=morning, slot_order=1
    )
    EventPosting.objects.create(event=event, project=not_on_site, posted_on_site=False)
    EventPosting.objects.create(
        event=EventFactory(), challenge=ChallengeFactory(), posted_on_site=True
    )
    return f"c{first_demand.pk},c{second_demand.pk},p{late_project.pk},p{unscheduled_project.pk}"


def _onsite_href(html: str) -> str:
    return re.search(r'href="(/boards/onsite/\?ids=[^"]*)"', html).group(1)


@pytest.mark.django_db
def test_onsite_link_on_manage_page_lists_posted_postings_in_order(
    event, posted, organizer, client_for
):
    html = client_for(organizer).get(reverse("events:manage", kwargs={"pk": event.pk}))
    assert _onsite_href(html.content.decode()) == f"{reverse('projects:onsite')}?ids={posted}"


@pytest.mark.django_db
def test_onsite_link_on_public_page_and_board_keeps_the_order(event, posted):
    html = Client().get(reverse("events:detail", kwargs={"pk": event.pk})).content.decode()
    href = _onsite_href(html)
    assert href == f"{reverse('projects:onsite')}?ids={posted}"
    shown = []
    for index in range(4):
        posting = Client().get(f"{href}&i={index}").context["posting"]
        shown.append(f"{'c' if isinstance(posting, Challenge) else 'p'}{posting.pk}")
    assert ",".join(shown) == posted


@pytest.mark.django_db
def test_onsite_link_absent_when_nothing_is_posted_on_site(event, organizer, client_for):
    EventPosting.objects.create(event=event, project=ProjectFactory(), posted_on_site=False)
    html = client_for(organizer).get(reverse("events:manage", kwargs={"pk": event.pk}))
    assert "/boards/onsite/" not in html.content.decode()


@pytest.mark.parametrize("posting", ["abc", "", "-1", "99999999999999999999", "１２"])
def test_linking_a_bad_posting_id_is_a_form_error(event, organizer, client_for, posting):
    client = client_for(organizer)
    response = client.post(
        reverse("events:posting_link", kwargs={"pk": event.pk}),
        {"kind": "projects", "posting": posting},
        follow=True,
    )
    assert response.status_code == 200
    assert "请从列表中选择项目或需求。" in response.content.decode()
    assert not EventPosting.objects.exists()


def test_linking_a_missing_posting_says_so(event, organizer, client_for):
    response = client_for(organizer).post(
        reverse("events:posting_link", kwargs={"pk": event.pk}),
        {"kind": "challenges", "posting": "424242"},
        follow=True,
    )
    assert "该项目或需求已不存在。" in response.content.decode()
    assert response.redirect_chain[-1][0].endswith("?kind=challenges")


def test_linking_a_published_posting_adds_it(event, organizer, client_for):
    demand = ChallengeFactory(title="泵站故障预警")
    client_for(organizer).post(
        reverse("events:posting_link", kwargs={"pk": event.pk}),
        {"kind": "challenges", "posting": str(demand.pk)},
    )
    assert EventPosting.objects.get().challenge == demand
