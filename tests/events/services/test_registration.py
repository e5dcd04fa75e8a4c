"""Registration rules: categories and their access, registering with capacity and waitlist,
approval, cancellation and promotion, and the audit trail they write."""

import pytest
from django.core import mail
from django.utils import translation

from events.models import Event, Registration
from events.services import EventError
from events.services import registration as services
from events.services.checkin import check_in
from talentbridge.models import AuditEntry, Notification
from tests.factories import AttendeeCategoryFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Domain errors are matched by their English text.
    with translation.override("en"):
        yield


Status = Registration.Status


def register(event, category, user=None, **kwargs):
    return services.register_for_event(
        event, user=user or UserFactory(), category=category, **kwargs
    )


def test_register_confirms_while_seats_are_free(event, guests):
    first = register(event, guests)
    assert first.status == Status.CONFIRMED
    assert first.confirmed_at is not None


def test_register_waitlists_when_category_is_full(event, guests):
    register(event, guests)
    register(event, guests)
    third = register(event, guests)
    assert third.status == Status.WAITLISTED
    assert guests.registrations.filter(status=Status.CONFIRMED).count() == 2


def test_register_twice_is_refused(event, guests):
    user = UserFactory()
    register(event, guests, user)
    other = AttendeeCategoryFactory(event=event, name="媒体")
    with pytest.raises(EventError, match="already registered"):
        register(event, other, user)
    assert Registration.objects.filter(user=user).count() == 1


def test_register_after_close_is_refused(event, guests):
    event.status = Event.Status.CLOSED
    event.save()
    with pytest.raises(EventError, match="not open"):
        register(event, guests)
    assert Registration.objects.count() == 0


def test_register_with_category_of_another_event_is_refused(event):
    foreign = AttendeeCategoryFactory()
    with pytest.raises(EventError):
        register(event, foreign)


def test_register_again_after_cancelling_is_allowed(event, guests):
    user = UserFactory()
    first = register(event, guests, user)
    services.cancel_registration(first, actor=user)
    second = register(event, guests, user)
    assert second.status == Status.CONFIRMED


def test_register_stores_answers_and_consent(event, guests):
    question = event.questions.create(label="所在领域", kind="choice", options="数字经济\n海洋经济")
    registration = register(
        event, guests, answers={question.pk: "海洋经济"}, consent_share_contacts=True
    )
    assert list(registration.answers.values_list("value", flat=True)) == ["海洋经济"]
    assert registration.consent_share_contacts is True


def test_register_confirmed_sends_ticket_with_qr_and_ics(
    event, guests, django_capture_on_commit_callbacks
):
    user = UserFactory(email="guest@example.cn")
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, guests, user)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["guest@example.cn"]
    assert registration.display_code in message.body
    names = [name for name, _content, _type in message.attachments]
    assert names == [f"checkin-{registration.code}.png", "event.ics"]
    png = message.attachments[0][1]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    ics = message.attachments[1][1]
    assert "BEGIN:VEVENT" in ics
    assert "SUMMARY:第二届中国侨智发展大会" in ics


def test_ticket_is_sent_once(event, guests, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, guests)
    services.send_ticket(registration)
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(key=f"event-ticket-{registration.pk}").count() == 1


def test_cancel_promotes_first_waiting_person_and_tells_them(
    event, guests, django_capture_on_commit_callbacks
):
    confirmed = [register(event, guests) for _ in range(2)]
    first_waiting = register(event, guests, UserFactory(email="first@example.cn"))
    second_waiting = register(event, guests)
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.cancel_registration(confirmed[0], actor=confirmed[0].user)
    assert [r.pk for r in promoted] == [first_waiting.pk]
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == Status.CONFIRMED
    assert second_waiting.status == Status.WAITLISTED
    assert sorted(m.to[0] for m in mail.outbox) == ["first@example.cn", "first@example.cn"]
    assert Notification.objects.filter(
        user=first_waiting.user, key=f"event-promoted-{first_waiting.pk}"
    ).exists()


def test_cancel_twice_is_refused(event, guests):
    registration = register(event, guests)
    services.cancel_registration(registration, actor=registration.user)
    with pytest.raises(EventError, match="already cancelled"):
        services.cancel_registration(registration, actor=registration.user)


def test_approval_category_waits_then_confirms(event, organizer):
    vip = AttendeeCategoryFactory(event=event, name="院士专家", capacity=1, access="approval")
    first = register(event, vip)
    second = register(event, vip)
    assert first.status == second.status == Status.PENDING
    assert services.approve_registration(first, actor=organizer).status == Status.CONFIRMED
    assert services.approve_registration(second, actor=organizer).status == Status.WAITLISTED


def test_decline_cancels_pending(event, organizer):
    vip = AttendeeCategoryFactory(event=event, capacity=1, access="approval")
    registration = register(event, vip)
    assert services.decline_registration(registration, actor=organizer).status == Status.CANCELLED
    with pytest.raises(EventError):
        services.approve_registration(registration, actor=organizer)


def test_cancel_after_check_in_is_refused(event, guests, organizer):
    registration = register(event, guests)
    check_in(event, registration.code, actor=organizer)
    with pytest.raises(EventError):
        services.cancel_registration(registration, actor=registration.user)


# --- Category access (privileged categories) -------------------------------------------------


def test_invitation_only_category_is_refused_and_changes_nothing(event):
    leaders = AttendeeCategoryFactory(event=event, name="领导嘉宾", access="invitation")
    user = UserFactory()
    with pytest.raises(EventError, match="by invitation only"):
        register(event, leaders, user)
    assert not Registration.objects.filter(user=user).exists()
    assert not AuditEntry.objects.filter(action="events.registration.register").exists()


def test_approval_category_is_never_confirmed_at_once(event):
    media = AttendeeCategoryFactory(event=event, name="媒体", capacity=50, access="approval")
    assert register(event, media).status == Status.PENDING


# --- Categories and questions ----------------------------------------------------------------


def test_duplicate_category_name_is_refused_on_create_and_rename(event, guests, organizer):
    with pytest.raises(EventError, match="already has a category named"):
        services.add_category(event, actor=organizer, name="嘉宾", kind="guest", capacity=5)
    other = services.add_category(event, actor=organizer, name="媒体", kind="media", capacity=5)
    with pytest.raises(EventError, match="already has a category named"):
        services.edit_category(other, actor=organizer, name="嘉宾")
    assert set(event.categories.values_list("name", flat=True)) == {"媒体", "嘉宾"}


def test_category_changes_are_in_the_events_history(event, guests, organizer):
    services.edit_category(guests, actor=organizer, capacity=80, access="approval")
    entry = AuditEntry.objects.get(action="events.category.edit")
    assert (entry.actor, entry.object_id) == (organizer, str(event.pk))
    assert entry.changes == {
        "category": "嘉宾",
        "capacity": [2, 80],
        "access": ["open", "approval"],
    }


# --- The audit trail -------------------------------------------------------------------------


def test_every_registration_transition_writes_the_audit_trail(event, organizer):
    vip = AttendeeCategoryFactory(event=event, name="院士专家", capacity=1, access="approval")
    first, second = register(event, vip), register(event, vip)
    services.approve_registration(first, actor=organizer)
    services.decline_registration(second, actor=organizer)
    services.cancel_registration(first, actor=first.user)
    entries = AuditEntry.objects.filter(action__startswith="events.registration.")
    assert sorted(entries.values_list("action", "object_id", "changes")) == sorted(
        [
            ("events.registration.register", str(first.pk), {"status": "pending"}),
            ("events.registration.register", str(second.pk), {"status": "pending"}),
            ("events.registration.approve", str(first.pk), {"status": ["pending", "confirmed"]}),
            ("events.registration.decline", str(second.pk), {"status": ["pending", "cancelled"]}),
            ("events.registration.cancel", str(first.pk), {"status": ["confirmed", "cancelled"]}),
        ]
    )
    assert entries.get(action="events.registration.approve").actor == organizer


def test_promotion_from_the_waitlist_is_recorded(event, guests):
    confirmed = [register(event, guests) for _ in range(2)]
    waiting = register(event, guests)
    services.cancel_registration(confirmed[0], actor=confirmed[0].user)
    entry = AuditEntry.objects.get(action="events.registration.promote")
    assert (entry.object_id, entry.actor, entry.changes) == (
        str(waiting.pk),
        confirmed[0].user,
        {"status": ["waitlisted", "confirmed"]},
    )


# --- Invitation-only categories: placed by the team -------------------------------------------


@pytest.fixture
def leaders(event):
    return AttendeeCategoryFactory(event=event, name="领导嘉宾", access="invitation", capacity=1)


def test_assigning_gives_a_seat_a_ticket_and_an_audit_entry(
    event, leaders, organizer, django_capture_on_commit_callbacks
):
    guest = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.assign_category(
            event, user=guest, category=leaders, actor=organizer
        )
    assert (registration.category, registration.status) == (leaders, "confirmed")
    assert [m.to for m in mail.outbox] == [[guest.email]]
    entry = AuditEntry.objects.get(action="events.registration.assign")
    assert (entry.actor, entry.changes) == (
        organizer,
        {"category": ["", "领导嘉宾"], "status": "confirmed"},
    )


def test_assigning_moves_a_registration_and_frees_its_seat(event, leaders, guests, organizer):
    guest, waiting = UserFactory(), UserFactory()
    moved = RegistrationFactory(category=guests, user=guest)
    queued = RegistrationFactory(category=guests, user=waiting, status="waitlisted")
    RegistrationFactory(category=guests)
    services.assign_category(event, user=guest, category=leaders, actor=organizer)
    moved.refresh_from_db()
    queued.refresh_from_db()
    assert (moved.category, moved.status) == (leaders, "confirmed")
    assert queued.status == "confirmed"


@pytest.mark.parametrize("case", ["open", "full", "same", "other_event"])
def test_assignments_the_rules_refuse(event, leaders, guests, organizer, case):
    guest = UserFactory()
    category = leaders
    if case == "open":
        category = guests
    elif case == "full":
        RegistrationFactory(category=leaders)
    elif case == "same":
        RegistrationFactory(category=leaders, user=guest)
    else:
        category = AttendeeCategoryFactory(access="invitation")
    before = Registration.objects.count()
    with pytest.raises(EventError):
        services.assign_category(event, user=guest, category=category, actor=organizer)
    assert Registration.objects.count() == before
