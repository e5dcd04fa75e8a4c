"""Registration pages: the register form, tickets, cancelling, "my events"."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from events.models import Event, EventRole, Registration
from events.services.registration import cancel_registration, register_for_event
from events.services.team import add_team_member
from talentbridge.models import AuditEntry
from tests.factories import (
    AttendeeCategoryFactory,
    MentorFactory,
    OrganizationFactory,
    RegistrationFactory,
    UserFactory,
)

from .pages import client_as

pytestmark = pytest.mark.django_db


def test_cancel_of_someone_elses_ticket_is_404(world, other_organizer):
    _, refs = world
    response = client_as(UserFactory()).post(
        reverse("events:cancel", kwargs={"code": refs["code"]})
    )
    assert response.status_code == 404
    assert Registration.objects.get(code=refs["code"]).status == Registration.Status.CONFIRMED


def test_register_form_registers_and_redirects_to_ticket(event, guests, client_for):
    user = UserFactory()
    response = client_for(user).post(
        reverse("events:register", kwargs={"pk": event.pk}),
        {"category": guests.pk, "organization_name": "四创科技", "consent_share_contacts": "on"},
    )
    registration = Registration.objects.get(user=user)
    assert response.status_code == 302
    assert response.url == reverse("events:ticket", kwargs={"code": registration.code})
    assert registration.consent_share_contacts is True
    page = client_for(user).get(response.url)
    assert b"<svg" in page.content
    assert registration.display_code in page.content.decode()


def test_register_after_close_shows_message(event, guests, client_for):
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CLOSED)
    user = UserFactory()
    response = client_for(user).post(
        reverse("events:register", kwargs={"pk": event.pk}), {"category": guests.pk}, follow=True
    )
    assert "本活动尚未开放报名或报名已截止。" in response.content.decode()
    assert not Registration.objects.filter(user=user).exists()


def test_register_required_question_rerenders_with_error(event, guests, client_for):
    question = event.questions.create(label="<b>研究方向</b>", kind="text", required=True)
    response = client_for(UserFactory()).post(
        reverse("events:register", kwargs={"pk": event.pk}), {"category": guests.pk}
    )
    assert response.status_code == 200
    assert f"question_{question.pk}" in response.context["form"].errors
    assert "&lt;b&gt;研究方向&lt;/b&gt;" in response.content.decode()


def test_register_with_bogus_category_rerenders(event, guests, client_for):
    response = client_for(UserFactory()).post(
        reverse("events:register", kwargs={"pk": event.pk}), {"category": "999999"}
    )
    assert response.status_code == 200
    assert "category" in response.context["form"].errors


def test_a_registration_runs_only_the_statements_it_needs(
    event, guests, client_for, django_assert_num_queries
):
    """Session, user, event, questions, category; then, in the transaction, the duplicate
    check, the category lock, the status under the lock, the seat count, the insert and the
    audit entry (and the test's savepoint around them). No lookup of an existing
    registration, no default category, no profile organisation."""
    client = client_for(UserFactory())
    url = reverse("events:register", kwargs={"pk": event.pk})
    ContentType.objects.get_for_model(Registration)  # cached for a server's lifetime
    with django_assert_num_queries(13):
        response = client.post(url, {"category": guests.pk})
    assert response.status_code == 302
    assert Registration.objects.get(event=event, category=guests).status == "confirmed"


def test_posting_again_leads_to_the_ticket_and_registers_nothing(event, guests, client_for):
    user = UserFactory()
    client = client_for(user)
    url = reverse("events:register", kwargs={"pk": event.pk})
    first = client.post(url, {"category": guests.pk})
    again = client.post(url, {"category": guests.pk}, follow=True)
    registration = Registration.objects.get(user=user)
    assert again.redirect_chain == [(first.url, 302)]
    assert "您已报名本活动。" in again.content.decode()
    assert Registration.objects.filter(user=user).count() == 1
    logged = AuditEntry.objects.filter(action="events.registration.register")
    assert list(logged.values_list("object_id", flat=True)) == [str(registration.pk)]


def test_a_registered_person_posting_after_close_is_sent_to_the_ticket(event, guests, client_for):
    user = UserFactory()
    registration = register_for_event(event, user=user, category=guests)
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CLOSED)
    response = client_for(user).post(
        reverse("events:register", kwargs={"pk": event.pk}), {"category": guests.pk}
    )
    assert response.url == reverse("events:ticket", kwargs={"code": registration.code})


def test_a_registered_person_posting_an_invalid_form_is_sent_to_the_ticket(
    event, guests, client_for
):
    user = UserFactory()
    registration = register_for_event(event, user=user, category=guests)
    response = client_for(user).post(
        reverse("events:register", kwargs={"pk": event.pk}), {"category": "999999"}
    )
    assert response.url == reverse("events:ticket", kwargs={"code": registration.code})


# --- Privileged categories -------------------------------------------------------------------


@pytest.fixture
def privileged(event):
    """领导嘉宾 (invitation) and 媒体 (approval) listed before the open 企业代表."""
    return {
        "leaders": AttendeeCategoryFactory(
            event=event, name="领导嘉宾", access="invitation", order=0
        ),
        "media": AttendeeCategoryFactory(event=event, name="媒体", access="approval", order=1),
        "open": AttendeeCategoryFactory(event=event, name="企业代表", order=2),
    }


def test_register_form_offers_no_invitation_category_and_defaults_to_an_open_one(
    event, privileged, client_for
):
    response = client_for(UserFactory()).get(reverse("events:register", kwargs={"pk": event.pk}))
    field = response.context["form"]["category"]
    assert [choice.data["label"] for choice in field.subwidgets] == ["媒体（需审核）", "企业代表"]
    assert field.value() == privileged["open"].pk
    assert f'<option value="{privileged["open"].pk}" selected>' in response.content.decode()


def test_a_rerendered_form_shows_the_posted_category_without_an_empty_choice(
    event, privileged, client_for
):
    event.questions.create(label="研究方向", kind="text", required=True)
    response = client_for(UserFactory()).post(
        reverse("events:register", kwargs={"pk": event.pk}), {"category": privileged["media"].pk}
    )
    field = response.context["form"]["category"]
    assert [choice.data["label"] for choice in field.subwidgets] == ["媒体（需审核）", "企业代表"]
    assert f'<option value="{privileged["media"].pk}" selected>' in response.content.decode()


def test_forged_post_for_an_invitation_category_is_refused(event, privileged, client_for):
    user = UserFactory()
    response = client_for(user).post(
        reverse("events:register", kwargs={"pk": event.pk}),
        {"category": privileged["leaders"].pk},
    )
    assert response.status_code == 200
    assert "仅限邀请的类别由组织者登记" in response.content.decode()
    assert not Registration.objects.filter(user=user).exists()


def test_approval_category_registers_as_pending(event, privileged, client_for):
    user = UserFactory()
    response = client_for(user).post(
        reverse("events:register", kwargs={"pk": event.pk}), {"category": privileged["media"].pk}
    )
    registration = Registration.objects.get(user=user)
    assert registration.status == Registration.Status.PENDING
    assert response.url == reverse("events:ticket", kwargs={"code": registration.code})


def test_register_form_suggests_the_organisation_of_the_profile(event, guests, client_for):
    mentor = MentorFactory(affiliation=OrganizationFactory(name="福州大学"))
    response = client_for(mentor.user).get(reverse("events:register", kwargs={"pk": event.pk}))
    assert response.context["form"]["organization_name"].value() == "福州大学"


# --- Cancelling, my events, the waitlist -----------------------------------------------------


def test_cancelling_asks_for_confirmation_first(event, guests, client_for):
    registration = RegistrationFactory(category=guests)
    client = client_for(registration.user)
    url = reverse("events:cancel", kwargs={"code": registration.code})
    ticket = client.get(reverse("events:ticket", kwargs={"code": registration.code}))
    assert f'href="{url}"' in ticket.content.decode()
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "确定取消报名吗？" in confirm.content.decode()
    assert f'action="{url}"' in confirm.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    response = client.post(url)
    assert response.url == reverse("events:mine")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_my_events_lists_an_event_once_after_registering_again(event, guests, client_for):
    user = UserFactory()
    first = register_for_event(event, user=user, category=guests)
    cancel_registration(first, actor=user)
    again = register_for_event(event, user=user, category=guests)
    response = client_for(user).get(reverse("events:mine"))
    assert [r.pk for r in response.context["page"]] == [again.pk]
    assert response.content.decode().count(event.title) == 1


def test_the_waitlist_position_is_shown_on_the_ticket_and_in_my_events(event, guests, client_for):
    for _ in range(2):
        register_for_event(event, user=UserFactory(), category=guests)
    waiting = [register_for_event(event, user=UserFactory(), category=guests) for _ in range(3)]
    third = waiting[2]
    client = client_for(third.user)
    ticket = client.get(reverse("events:ticket", kwargs={"code": third.code})).content.decode()
    assert "您在候补名单中排第 3 位。" in ticket
    mine = client.get(reverse("events:mine")).content.decode()
    assert "候补第 3 位" in mine
    cancel_registration(waiting[0], actor=waiting[0].user)
    assert "候补第 2 位" in client.get(reverse("events:mine")).content.decode()


# --- Placing people in invitation-only categories ----------------------------------------------


def test_the_team_places_a_registered_person_in_an_invitation_category(
    event, privileged, organizer, client_for
):
    guest = UserFactory(email="leader@example.cn")
    registration = RegistrationFactory(category=privileged["open"], user=guest)
    response = client_for(organizer).post(
        reverse("events:registration_assign", kwargs={"pk": event.pk}),
        {"email": "Leader@example.cn", "category": privileged["leaders"].pk},
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.category, registration.status) == (privileged["leaders"], "confirmed")


def test_the_assign_form_is_on_the_registrations_page_for_managers_only(
    event, privileged, organizer, client_for
):
    url = reverse("events:registrations", kwargs={"pk": event.pk})
    page = client_for(organizer).get(url)
    assert [c.name for c in page.context["assign_form"].fields["category"].queryset] == ["领导嘉宾"]
    reviewer = UserFactory()
    add_team_member(event, reviewer, EventRole.REVIEWER, actor=organizer)
    assert client_for(reviewer).get(url).context["assign_form"] is None
    refused = client_for(reviewer).post(
        reverse("events:registration_assign", kwargs={"pk": event.pk}),
        {"email": reviewer.email, "category": privileged["leaders"].pk},
    )
    assert refused.status_code == 404
    assert not Registration.objects.filter(user=reviewer).exists()


@pytest.mark.parametrize(
    ("category", "email", "message"),
    [
        ("open", "known@example.cn", "请选择一个仅限邀请的类别"),
        ("forged", "known@example.cn", "请选择一个仅限邀请的类别"),
        ("huge", "known@example.cn", "请选择一个仅限邀请的类别"),
        ("leaders", "nobody@example.cn", "没有使用该邮箱的账号"),
    ],
)
def test_bad_assignments_are_form_errors(
    event, privileged, organizer, client_for, category, email, message
):
    UserFactory(email="known@example.cn")
    other = AttendeeCategoryFactory(name="其他活动的嘉宾", access="invitation")
    ids = {
        "open": privileged["open"].pk,
        "forged": other.pk,
        "huge": "99999999999999999999",
        "leaders": privileged["leaders"].pk,
    }
    response = client_for(organizer).post(
        reverse("events:registration_assign", kwargs={"pk": event.pk}),
        {"email": email, "category": ids[category]},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Registration.objects.exists()
