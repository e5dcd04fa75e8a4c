"""The meeting pages: each renders for its people, contacts stay hidden until acceptance,
bad input gets a message, the agenda comes as .ics, list pages keep their query count."""

import pytest
from django.urls import reverse

from events.meetings.services.profiles import opt_in
from events.meetings.services.requests import accept_request, request_meeting
from events.meetings.services.schedule import schedule_meetings
from events.models import EventRole, Meeting, MeetingRequest
from events.services.team import add_team_member
from mentors.rules import can_see_contact
from tests.factories import MentorFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _url(name, day, *args):
    return reverse(f"events:meetings:{name}", args=[day.pk, *args])


def test_opting_in_from_the_profile_page(client, day, carol):
    client.force_login(carol)
    assert client.get(_url("home", day)).url == _url("profile", day)
    response = client.post(
        _url("profile", day), {"offers": "路演项目", "seeks": "投资", "max_meetings": 5}
    )
    assert response.status_code == 302
    assert carol.meeting_profiles.get().max_meetings == 5


def test_bad_cap_gets_a_message(client, day, carol):
    client.force_login(carol)
    response = client.post(_url("profile", day), {"offers": "a", "seeks": "b", "max_meetings": 99})
    assert response.status_code == 200
    assert "24" in response.content.decode()


def test_contacts_stay_hidden_until_accepted(client, day, alice, bob):
    client.force_login(alice)
    person = _url("person", day, bob.meeting_profiles.get().pk)
    assert bob.email not in client.get(person).content.decode()
    client.post(person, {"message": "想了解传感器"})
    request = MeetingRequest.objects.get()
    assert bob.email not in client.get(person).content.decode()
    client.force_login(bob)
    client.post(_url("answer", day, request.pk, "accept"))
    client.force_login(alice)
    assert bob.email in client.get(person).content.decode()


def test_contact_grant_covers_expert_profiles_after_acceptance(day, alice, attendees):
    expert = MentorFactory()
    RegistrationFactory(category=day.categories.get(), user=expert.user)
    opt_in(day, expert.user, offers="传感器", seeks="场景", max_meetings=3, actor=expert.user)
    assert not can_see_contact(alice, expert)
    accept_request(request_meeting(day, alice, expert.user, message="你好"), actor=expert.user)
    assert can_see_contact(alice, expert)


def test_request_to_oneself_from_the_page_is_refused_with_a_message(client, day, alice):
    client.force_login(alice)
    response = client.post(_url("person", day, alice.meeting_profiles.get().pk), {"message": "x"})
    assert response.status_code == 200
    assert not MeetingRequest.objects.exists()


def test_duplicate_request_from_the_page_shows_the_reason(client, day, alice, bob):
    client.force_login(alice)
    person = _url("person", day, bob.meeting_profiles.get().pk)
    client.post(person, {"message": "第一次"})
    response = client.post(person, {"message": "第二次"})
    assert "已有进行中的约见申请" in response.content.decode()
    assert MeetingRequest.objects.count() == 1


def test_only_the_recipient_answers(client, day, alice, bob):
    request = request_meeting(day, alice, bob, message="hi")
    client.force_login(alice)
    assert client.post(_url("answer", day, request.pk, "accept")).status_code == 404
    assert client.post(_url("answer", day, request.pk, "explode")).status_code == 404


def test_people_agenda_and_ics(client, day, alice, bob, organizer):
    accept_request(request_meeting(day, alice, bob, message="hi"), actor=bob)
    schedule_meetings(day, actor=organizer)
    client.force_login(alice)
    assert client.get(_url("people", day)).status_code == 200
    page = client.get(_url("agenda", day)).content.decode()
    assert bob.name in page
    assert bob.name in client.get(_url("agenda", day) + "?print=1").content.decode()
    ics = client.get(_url("agenda_ics", day))
    assert ics["Content-Type"] == "text/calendar"
    assert ics.content.decode().count("BEGIN:VEVENT") == 1
    meeting = Meeting.objects.get()
    response = client.post(
        _url("follow_up", day, meeting.pk), {"stage": "day", "outcome": "contract"}
    )
    assert response.status_code == 200
    response = client.post(
        _url("follow_up", day, meeting.pk), {"stage": "day", "outcome": "contact"}
    )
    assert response.status_code == 302


def test_organizer_pages_and_bad_input(client, day, alice, bob, organizer):
    accept_request(request_meeting(day, alice, bob, message="hi"), actor=bob)
    client.force_login(organizer)
    for name in ("setup", "requests", "schedule", "tables"):
        assert client.get(_url(name, day)).status_code == 200
    response = client.post(
        _url("setup", day),
        {
            "form": "slots",
            "starts_at": day.ends_at.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": day.ends_at.replace(hour=23, minute=0).strftime("%Y-%m-%dT%H:%M"),
            "minutes": 20,
        },
    )
    assert "时段必须在活动时间之内" in response.content.decode()
    client.post(_url("schedule_run", day))
    meeting = Meeting.objects.get()
    response = client.post(_url("remove", day, "table", meeting.table_id), follow=True)
    assert "已排 1 场洽谈" in response.content.decode()
    assert client.post(_url("meeting_lock", day, meeting.pk), {"locked": "1"}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.locked
    assert client.get(_url("schedule", day) + "?page=abc").status_code == 200


def test_table_staff_mark_no_shows(client, day, alice, bob, organizer):
    accept_request(request_meeting(day, alice, bob, message="hi"), actor=bob)
    schedule_meetings(day, actor=organizer)
    staff = UserFactory()
    add_team_member(day, staff, EventRole.MEETINGS, actor=organizer)
    meeting = Meeting.objects.get()
    client.force_login(staff)
    assert client.get(_url("table", day, meeting.table_id)).status_code == 200
    client.post(_url("no_show", day, meeting.pk), {"no_show": "both"})
    meeting.refresh_from_db()
    assert meeting.no_show == "both"
    assert client.get(_url("schedule", day)).status_code == 404


def _pairs(day, organizer, count):
    users = [UserFactory() for _ in range(2 * count)]
    for user in users:
        RegistrationFactory(category=day.categories.get(), user=user)
        opt_in(day, user, offers="o", seeks="s", max_meetings=4, actor=user)
    for a, b in zip(users[::2], users[1::2], strict=True):
        accept_request(request_meeting(day, a, b, message="hi"), actor=b)
    schedule_meetings(day, actor=organizer)


def test_schedule_page_query_count_does_not_grow(
    client, day, organizer, django_assert_max_num_queries, attendees
):
    client.force_login(organizer)
    _pairs(day, organizer, 1)
    with django_assert_max_num_queries(40) as small:
        client.get(_url("schedule", day))
    _pairs(day, organizer, 4)
    with django_assert_max_num_queries(40) as big:
        client.get(_url("schedule", day))
    assert Meeting.objects.count() == 5
    assert len(big.captured_queries) == len(small.captured_queries)
