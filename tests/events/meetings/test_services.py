"""Matchmaking-day transitions: opting in, requests, the day's frame, scheduling, moves,
no-shows and follow-ups, each with its refusals and audit entry."""

from datetime import timedelta
from decimal import Decimal

import pytest

from events.meetings.services.day import add_slots, delete_slot, delete_table
from events.meetings.services.followups import record_follow_up
from events.meetings.services.profiles import opt_in, set_unavailable
from events.meetings.services.requests import (
    accept_request,
    cancel_request,
    decline_request,
    request_meeting,
)
from events.meetings.services.schedule import (
    lock_meeting,
    mark_no_show,
    move_meeting,
    place_late_requests,
    schedule_meetings,
)
from events.models import Meeting, MeetingFollowUp, MeetingRequest
from events.services import EventError
from talentbridge.models import AuditEntry
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def _accepted(day, a, b, **kwargs):
    request = request_meeting(day, a, b, message="想聊聊合作", **kwargs)
    return accept_request(request, actor=b)


def test_opt_in_only_for_seated_attendees_of_a_matchmaking_day(day, organizer):
    outsider = UserFactory()
    with pytest.raises(EventError, match="registered attendees"):
        opt_in(day, outsider, offers="x", seeks="y", max_meetings=3, actor=outsider)
    summit = EventFactory(office=day.office)
    with pytest.raises(EventError):
        opt_in(summit, organizer, offers="x", seeks="y", max_meetings=3, actor=organizer)


def test_opt_in_twice_edits_the_profile(day, alice):
    profile = opt_in(day, alice, offers="新订单", seeks="专家", max_meetings=6, actor=alice)
    assert profile.event.meeting_profiles.count() == 1
    assert profile.offers == "新订单"
    assert AuditEntry.objects.filter(action="events.meetingprofile.edit").count() == 1


def test_request_to_oneself_is_refused(day, alice):
    with pytest.raises(EventError, match="yourself"):
        request_meeting(day, alice, alice, message="hi")


def test_request_to_a_non_participant_is_refused(day, alice, carol):
    with pytest.raises(EventError, match="does not take part"):
        request_meeting(day, alice, carol, message="hi")


def test_duplicate_requests_are_refused_in_both_directions(day, alice, bob):
    request_meeting(day, alice, bob, message="hi")
    with pytest.raises(EventError, match="already an open request"):
        request_meeting(day, alice, bob, message="again")
    with pytest.raises(EventError, match="already an open request"):
        request_meeting(day, bob, alice, message="back")
    assert MeetingRequest.objects.count() == 1


def test_a_declined_request_can_be_asked_again(day, alice, bob):
    decline_request(request_meeting(day, alice, bob, message="hi"), actor=bob)
    assert request_meeting(day, alice, bob, message="再试一次").status == "pending"


def test_answering_twice_is_refused(day, alice, bob):
    request = _accepted(day, alice, bob)
    with pytest.raises(EventError, match="already been answered"):
        decline_request(request, actor=bob)
    assert AuditEntry.objects.filter(action="events.meetingrequest.accept").count() == 1


def test_slots_outside_the_day_are_refused(day, organizer):
    with pytest.raises(EventError, match="within the event"):
        add_slots(
            day,
            starts_at=day.ends_at - timedelta(minutes=20),
            ends_at=day.ends_at + timedelta(minutes=20),
            minutes=20,
            actor=organizer,
        )
    with pytest.raises(EventError, match="overlap"):
        add_slots(day, starts_at=day.starts_at, ends_at=day.ends_at, minutes=20, actor=organizer)
    assert day.meeting_slots.count() == 3


def test_schedule_places_accepted_requests_and_deleting_their_table_is_refused(
    day, alice, bob, organizer
):
    request = _accepted(day, alice, bob)
    result = schedule_meetings(day, actor=organizer)
    assert len(result.placed) == 1
    meeting = Meeting.objects.get(request=request)
    with pytest.raises(EventError, match="holds 1 meetings"):
        delete_table(meeting.table, actor=organizer)
    with pytest.raises(EventError, match="move them first"):
        delete_slot(meeting.slot, actor=organizer)
    assert AuditEntry.objects.filter(action="events.meeting.schedule").count() == 1


def test_unavailable_slots_are_avoided_and_the_reason_is_kept(day, alice, bob, organizer):
    request = _accepted(day, alice, bob)
    slots = list(day.meeting_slots.all())
    set_unavailable(alice.meeting_profiles.get(), slots[:2], actor=alice)
    schedule_meetings(day, actor=organizer)
    assert Meeting.objects.get(request=request).slot == slots[2]
    set_unavailable(bob.meeting_profiles.get(), slots[2:], actor=bob)
    schedule_meetings(day, actor=organizer)
    request.refresh_from_db()
    assert not Meeting.objects.filter(request=request).exists()
    assert request.unplaced_reason == "no_common_slot"


def test_moved_meetings_are_locked_and_kept_on_rerun(day, alice, bob, organizer):
    request = _accepted(day, alice, bob)
    schedule_meetings(day, actor=organizer)
    meeting = Meeting.objects.get(request=request)
    last_slot = day.meeting_slots.last()
    last_table = day.meeting_tables.last()
    move_meeting(meeting, slot=last_slot, table=last_table, actor=organizer)
    schedule_meetings(day, actor=organizer)
    meeting = Meeting.objects.get(request=request)
    assert (meeting.slot, meeting.table, meeting.locked) == (last_slot, last_table, True)
    lock_meeting(meeting, locked=False, actor=organizer)
    assert AuditEntry.objects.filter(action="events.meeting.unlock").count() == 1


def test_move_into_a_busy_slot_is_refused(day, alice, bob, carol, organizer):
    opt_in(day, carol, offers="路演项目", seeks="投资", max_meetings=4, actor=carol)
    first = _accepted(day, alice, bob)
    second = _accepted(day, carol, alice)
    schedule_meetings(day, actor=organizer)
    one, two = Meeting.objects.get(request=first), Meeting.objects.get(request=second)
    assert one.slot != two.slot
    with pytest.raises(EventError, match="already has a meeting"):
        move_meeting(
            two,
            slot=one.slot,
            table=day.meeting_tables.exclude(pk=one.table_id)[0],
            actor=organizer,
        )
    with pytest.raises(EventError, match="is taken"):
        move_meeting(two, slot=one.slot, table=one.table, actor=organizer)


def test_cancelling_removes_the_meeting(day, alice, bob, organizer):
    request = _accepted(day, alice, bob)
    schedule_meetings(day, actor=organizer)
    cancel_request(request, actor=alice)
    assert not Meeting.objects.exists()


def test_late_requests_go_into_free_slots_to_come(day, alice, bob, organizer):
    _accepted(day, alice, bob)
    assert place_late_requests(day, actor=organizer) == 1
    assert place_late_requests(day, actor=organizer) == 0


def test_no_show_and_follow_up(day, alice, bob, carol, organizer):
    request = _accepted(day, alice, bob)
    schedule_meetings(day, actor=organizer)
    meeting = Meeting.objects.get(request=request)
    mark_no_show(meeting, who="recipient", actor=organizer)
    with pytest.raises(EventError):
        mark_no_show(meeting, who="everyone", actor=organizer)
    profile = alice.meeting_profiles.get()
    with pytest.raises(EventError, match="contract amount"):
        record_follow_up(meeting, profile, stage="m3", outcome="contract", actor=alice)
    record_follow_up(
        meeting, profile, stage="m3", outcome="contract", amount=Decimal("120"), actor=alice
    )
    record_follow_up(
        meeting, profile, stage="m3", outcome="contract", amount=Decimal("150"), actor=alice
    )
    assert MeetingFollowUp.objects.get().amount == Decimal("150")
    outsider = opt_in(day, carol, offers="路演", seeks="投资", max_meetings=2, actor=carol)
    with pytest.raises(EventError, match="two sides"):
        record_follow_up(meeting, outsider, stage="day", outcome="none", actor=carol)
