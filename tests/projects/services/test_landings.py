"""Landings: a posting's way from claimed to landed and closed."""

import pytest
from django.utils import timezone

from projects.models import Status
from projects.services.claims import accept_claim
from projects.services.landings import record_landing
from projects.services.postings import close_posting, solve_posting, start_posting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("run_on_commit_at_once")]


def test_lifecycle_to_landing_and_close(project, mentee_user, mentor_user, claim):
    accept_claim(claim(project, mentee_user), actor=mentor_user)
    start_posting(project, actor=mentor_user)
    solve_posting(project, actor=mentor_user)
    landing = record_landing(
        project,
        actor=mentor_user,
        province="福建省",
        city="福州市",
        county="晋安区",
        landed_on=timezone.localdate(),
        intended_investment=50_000_000,
        signed_investment=20_000_000,
    )
    close_posting(project, actor=mentor_user)
    project.refresh_from_db()
    assert project.status == Status.CLOSED
    assert landing.region_label == "福建省福州市晋安区"
    assert list(project.history.values_list("action", flat=True)) == [
        "claimed",
        "claim_accepted",
        "started",
        "solved",
        "landed",
        "closed",
    ]
