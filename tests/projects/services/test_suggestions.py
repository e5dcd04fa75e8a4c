"""What users do with suggestions: invitations to claim and feedback."""

import pytest

from projects.models import SuggestionFeedback
from projects.queries import suggestions as queries
from projects.services import recompute
from projects.services import suggestions as services
from projects.suggestions import SuggestionError
from talentbridge.models import Notification
from tests.projects.world import demand

pytestmark = pytest.mark.django_db


def test_invitation_to_claim_is_sent_once(experts, water, django_capture_on_commit_callbacks):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    row = queries.suggestions_for_posting(challenge).first()
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_to_claim(row, actor=challenge.owner)
        services.invite_to_claim(row, actor=challenge.owner)
    assert Notification.objects.filter(user=experts[0].user).count() == 1
    assert queries.invited_ids([row]) == {row.pk}


def test_invitation_needs_an_account(experts, water):
    challenge = demand(water)
    experts[0].user = None
    experts[0].save()
    recompute.recompute_target("challenges", challenge.pk)
    row = queries.suggestions_for_posting(challenge).first()
    with pytest.raises(SuggestionError):
        services.invite_to_claim(row, actor=challenge.owner)


def test_feedback_is_stored_per_pair_and_survives_a_recompute(experts, water):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    row = queries.suggestions_for_posting(challenge).first()
    services.record_feedback(row, actor=challenge.owner, relevant=False)
    services.record_feedback(row, actor=challenge.owner, relevant=True)
    recompute.recompute_target("challenges", challenge.pk)
    fresh = queries.suggestions_for_posting(challenge).first()
    assert SuggestionFeedback.objects.get().relevant is True
    assert queries.feedback_of(challenge.owner, [fresh]) == {fresh.pk: True}
