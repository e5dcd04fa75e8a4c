"""The roster (一录): adding natives, liaisons, tags, the contact log and reminders."""

from datetime import date

import pytest

from mentors.hometown import tasks
from mentors.hometown.models import RosterEntry
from mentors.hometown.queries import RosterFilters, roster, roster_by_workplace
from mentors.hometown.services import (
    RosterError,
    add_natives,
    add_to_roster,
    edit_roster_entry,
    log_contact,
    remind_due_contacts,
)
from mentors.models import Holding
from mentors.rules import can_see_contact
from talentbridge.models import AuditEntry, Notification, OfficeRole
from tests.factories import MentorFactory, member_of

pytestmark = pytest.mark.django_db
TODAY = date(2026, 4, 7)


def test_add_to_roster_holds_the_person_and_cleans_tags(county_office, manager, liaison, native):
    entry = add_to_roster(
        county_office, native, actor=manager, liaison=liaison, tags="博士联盟， 返乡创业、博士联盟"
    )
    assert entry.tag_list == ["博士联盟", "返乡创业"]
    assert Holding.objects.filter(office=county_office, mentor=native).count() == 1
    assert AuditEntry.objects.filter(action="mentors.rosterentry.create").count() == 1
    with pytest.raises(RosterError):
        add_to_roster(county_office, native, actor=manager)


def test_only_an_office_liaison_can_be_the_liaison(county_office, manager, native):
    with pytest.raises(RosterError):
        add_to_roster(county_office, native, actor=manager, liaison=manager)
    entry = add_to_roster(county_office, native, actor=manager)
    with pytest.raises(RosterError):
        edit_roster_entry(entry, actor=manager, liaison=manager)


def test_edit_records_changes(county_office, manager, liaison, native):
    entry = add_to_roster(county_office, native, actor=manager)
    edit_roster_entry(entry, actor=manager, liaison=liaison, willing_to_invest=True, tags="蒜小宝")
    entry.refresh_from_db()
    assert (entry.liaison, entry.willing_to_invest, entry.tags) == (liaison, True, "蒜小宝")
    changes = AuditEntry.objects.get(action="mentors.rosterentry.edit").changes
    assert changes["willing_to_invest"] == [False, True]


def test_contact_log_sets_next_contact_from_the_latest(county_office, manager, liaison, native):
    entry = add_to_roster(county_office, native, actor=manager, liaison=liaison)
    log_contact(
        entry,
        contacted_on=date(2026, 3, 1),
        channel="phone",
        note="邀请参加大会",
        next_contact_on=date(2026, 4, 1),
        actor=liaison,
    )
    # An older contact logged late does not move the next contact.
    log_contact(
        entry,
        contacted_on=date(2026, 2, 1),
        channel="wechat",
        note="春节问候",
        next_contact_on=date(2026, 2, 20),
        actor=liaison,
    )
    entry.refresh_from_db()
    assert entry.last_contact_on == date(2026, 3, 1)
    assert entry.next_contact_on == date(2026, 4, 1)
    assert [c.channel for c in entry.log.all()] == ["phone", "wechat"]
    with pytest.raises(RosterError):
        log_contact(entry, contacted_on=TODAY, channel="fax", note="x", actor=liaison)
    with pytest.raises(RosterError):
        log_contact(entry, contacted_on=TODAY, channel="phone", note="  ", actor=liaison)
    with pytest.raises(RosterError):
        log_contact(
            entry,
            contacted_on=TODAY,
            channel="phone",
            note="x",
            next_contact_on=date(2026, 1, 1),
            actor=liaison,
        )


def test_reminders_go_to_the_liaison_once(
    county_office, manager, liaison, native, other_native, django_capture_on_commit_callbacks
):
    due = add_to_roster(county_office, native, actor=manager, liaison=liaison)
    orphan = add_to_roster(county_office, other_native, actor=manager)
    RosterEntry.objects.filter(pk=due.pk).update(next_contact_on=date(2026, 4, 1))
    RosterEntry.objects.filter(pk=orphan.pk).update(next_contact_on=date(2026, 4, 8))
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_due_contacts(TODAY) == 1
        assert remind_due_contacts(TODAY) == 1  # sent again, delivered once (same key)
    assert Notification.objects.filter(user=liaison).count() == 1
    assert Notification.objects.filter(user=manager).count() == 0
    # The entry without a liaison goes to the office's managers once it is due.
    with django_capture_on_commit_callbacks(execute=True):
        remind_due_contacts(date(2026, 4, 8))
    assert Notification.objects.filter(user=manager).count() == 1
    assert Notification.objects.filter(user=liaison).count() == 1


def test_roster_filters_and_groups(county_office, manager, liaison, native, other_native):
    add_to_roster(county_office, native, actor=manager, liaison=liaison, willing_to_advise=True)
    add_to_roster(county_office, other_native, actor=manager, tags="博士联盟")

    def names(**filters):
        return [e.mentor.name for e in roster(county_office, RosterFilters(**filters), TODAY)]

    assert names(works_in="北京") == ["胡晓惠"]
    assert names(works_in="上海市") == ["王立新"]
    assert names(tag="博士联盟") == ["王立新"]
    assert names(readiness="advise") == ["胡晓惠"]
    assert names(liaison=liaison) == ["胡晓惠"]
    assert sorted(r["mentor__current_city"] for r in roster_by_workplace(county_office)) == [
        "上海",
        "北京",
    ]


def test_add_natives_takes_everyone_from_the_county_once(county_office, manager, native):
    outsider = MentorFactory(name="济南人", province="山东省", city="济南市", county="历下区")
    town = MentorFactory(name="鸡黍人", province="山东省", city="济宁市", county="金乡县鸡黍镇")
    assert add_natives(county_office, actor=manager) == 2
    on_roster = set(RosterEntry.objects.values_list("mentor__name", flat=True))
    assert on_roster == {native.name, town.name}
    assert outsider.name not in on_roster
    assert add_natives(county_office, actor=manager) == 0
    county_office.region = "没有这个地方"
    with pytest.raises(RosterError):
        add_natives(county_office, actor=manager)


def test_the_assigned_liaison_sees_the_natives_contacts(county_office, manager, liaison, native):
    other_liaison = member_of(county_office, OfficeRole.LIAISON)
    entry = add_to_roster(county_office, native, actor=manager, liaison=liaison)
    assert can_see_contact(liaison, native)
    assert not can_see_contact(other_liaison, native)
    edit_roster_entry(entry, actor=manager, liaison=other_liaison)
    assert can_see_contact(other_liaison, native)
    assert not can_see_contact(liaison, native)


def test_the_beat_task_reminds_with_todays_date(
    county_office, manager, liaison, native, monkeypatch, django_capture_on_commit_callbacks
):
    entry = add_to_roster(county_office, native, actor=manager, liaison=liaison)
    RosterEntry.objects.filter(pk=entry.pk).update(next_contact_on=date(2026, 4, 7))
    monkeypatch.setattr(tasks.timezone, "localdate", lambda: date(2026, 4, 6))
    assert tasks.task_remind_contacts() == 0
    monkeypatch.setattr(tasks.timezone, "localdate", lambda: TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.task_remind_contacts() == 1
    notification = Notification.objects.get(user=liaison)
    assert "胡晓惠" in notification.title
    assert notification.url == f"/people/hometown/roster/{entry.pk}/"
