"""Signing records (签约): on-stage order, and a signing feeding its project's landing."""

from datetime import date

import pytest

from events.models import EventPosting, Signing
from events.services import EventError
from events.services.signings import land_signing, record_signing
from projects.models import Landing, Status
from talentbridge.models import AuditEntry
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

PLACE = {
    "province": "福建省",
    "city": "福州市",
    "county": "晋安区",
    "landed_on": date(2024, 12, 17),
}


def _sign(event, actor, **extra):
    values = {
        "title": "闸泵站智能诊断",
        "parties": "左明健院士 / 四创科技",
        "signed_on": date(2024, 12, 17),
    }
    return record_signing(event, actor=actor, **values | extra)


def test_record_signing_keeps_one_signing_per_stage_place(event, organizer):
    first = _sign(event, organizer, on_stage=1, amount=50_000_000)
    _sign(event, organizer, on_stage=None)
    with pytest.raises(EventError):
        _sign(event, organizer, on_stage=1)
    assert Signing.objects.count() == 2
    assert first.on_stage == 1
    assert AuditEntry.objects.filter(action="events.signing.record").count() == 2


def test_a_signing_records_its_project_landing_with_the_signed_amount(event, organizer):
    project = ProjectFactory(status=Status.CLAIMED, office=event.office)
    EventPosting.objects.create(event=event, project=project, submitted_by=organizer)
    signing = _sign(event, organizer, project=project, amount=30_000_000, on_stage=2)
    landing = land_signing(signing, actor=organizer, **PLACE)
    assert (landing.project, landing.intended_investment, landing.county) == (
        project,
        30_000_000,
        "晋安区",
    )
    signing.refresh_from_db()
    assert signing.landing == landing
    with pytest.raises(EventError):
        land_signing(signing, actor=organizer, **PLACE)


def test_a_signing_attaches_an_existing_landing(event, organizer):
    project = ProjectFactory(status=Status.LANDED, office=event.office)
    landing = Landing.objects.create(project=project, province="福建省", landed_on=date(2024, 1, 2))
    signing = _sign(event, organizer, project=project)
    assert land_signing(signing, actor=organizer, **PLACE) == landing
    assert Landing.objects.count() == 1


def test_a_signing_without_project_cannot_land(event, organizer):
    signing = _sign(event, organizer)
    with pytest.raises(EventError):
        land_signing(signing, actor=organizer, **PLACE)
    assert not Landing.objects.exists()
