"""Pairing certificates (师徒结对证书) for the pairs of a ceremony, printed in one PDF."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from events.models import Ceremony
from events.services import EventError
from events.services.certificates import ceremony_certificates
from talentbridge.models import Certificate, OfficeRole
from tests.factories import (
    EventFactory,
    MenteeFactory,
    MentorFactory,
    OfficeFactory,
    PairingFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(office=OfficeFactory(name="福建省引进人才服务中心"), title="青蓝接力大会")


@pytest.fixture
def manager(event):
    return member_of(event.office, OfficeRole.MANAGER)


@pytest.fixture
def ceremony(event):
    ceremony = Ceremony.objects.create(event=event, title="对接仪式", group_count=2)
    for position, (mentor, mentee) in enumerate((("林师傅", "陈徒弟"), ("黄师傅", "王徒弟")), 1):
        pairing = PairingFactory(
            mentor=MentorFactory(name=mentor), mentee=MenteeFactory(name=mentee)
        )
        ceremony.pairs.create(pairing=pairing, group=1, position=position)
    return ceremony


def test_each_pair_gets_one_issued_certificate(event, manager, ceremony):
    first = ceremony_certificates(event, actor=manager)
    assert [c.holder_name for c in first] == ["林师傅、陈徒弟", "黄师傅、王徒弟"]
    assert {c.status for c in first} == {"valid"}
    assert ceremony_certificates(event, actor=manager) == first
    assert Certificate.objects.count() == 2


def test_no_pairs_no_certificates(event, manager):
    with pytest.raises(EventError):
        ceremony_certificates(event, actor=manager)


def test_the_batch_prints_every_pair(client, event, manager, ceremony):
    client.force_login(manager)
    response = client.post(reverse("events:ceremony_certificates", args=[event.pk]))
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = "".join("".join(p.extract_text().replace("\x00", "").split()) for p in pages)
    assert len(pages) == 2
    assert "林师傅" in text and "王徒弟" in text
