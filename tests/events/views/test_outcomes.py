"""The outcomes report page and its .docx: each office sees its own, admins all."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document

from projects.models import Landing
from talentbridge.models import OfficeRole
from tests.factories import OfficeFactory, ProjectFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_offices():
    office_a, office_b = OfficeFactory(name="甲中心"), OfficeFactory(name="乙中心")
    for office, amount in ((office_a, 350_000_000), (office_b, 90_000_000)):
        Landing.objects.create(
            project=ProjectFactory(office=office),
            province="福建省",
            county="晋安区",
            landed_on=date(2023, 5, 1),
            intended_investment=amount,
        )
    return office_a, office_b


def test_an_office_manager_sees_only_their_office(two_offices, client_for):
    office_a, office_b = two_offices
    client = client_for(member_of(office_a, OfficeRole.MANAGER))
    page = client.get(reverse("events:outcomes"))
    assert page.status_code == 200
    assert page.context["totals"]["intended"] == 350_000_000
    assert client.get(reverse("events:outcomes"), {"office": office_b.pk}).status_code == 404
    bad = client.get(reverse("events:outcomes"), {"since": "2025", "until": "2020"})
    assert bad.status_code == 200 and bad.context["form"].errors


def test_an_admin_sees_all_or_one_office(two_offices, client_for):
    _office_a, office_b = two_offices
    client = client_for(UserFactory(is_admin=True))
    assert client.get(reverse("events:outcomes")).context["totals"]["landed"] == 2
    one = client.get(reverse("events:outcomes"), {"office": office_b.pk})
    assert one.context["totals"]["intended"] == 90_000_000
    assert "乙中心" in one.content.decode()


def test_the_docx_download_holds_the_paragraph(two_offices, client_for):
    office_a, _office_b = two_offices
    client = client_for(member_of(office_a, OfficeRole.MANAGER))
    response = client.get(reverse("events:outcomes_docx"), {"since": "2023", "until": "2023"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "2023年，甲中心先后有0名专家参与" in text and "意向投资3.5亿元" in text


def test_others_are_refused(client_for):
    client = client_for(UserFactory())
    assert client.get(reverse("events:outcomes")).status_code == 404
    assert client.get(reverse("events:outcomes_docx")).status_code == 404
