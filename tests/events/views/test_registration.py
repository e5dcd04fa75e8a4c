"""Registration pages: the register form, tickets, cancelling, "my events"."""

import pytest
from django.urls import reverse

from events.models import Event, Registration
from tests.factories import UserFactory

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
