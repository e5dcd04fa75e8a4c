"""Profile services: the denormalised search text, and the audit trail of creations and edits."""

import pytest

from mentors.models import Mentor, Organization
from mentors.services import save_mentee, save_mentor, save_organization
from talentbridge.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def entries(obj) -> list[tuple[str, dict]]:
    found = AuditEntry.objects.filter(
        content_type__model=obj._meta.model_name, object_id=str(obj.pk)
    ).order_by("id")
    return [(entry.action, entry.changes) for entry in found]


def test_save_mentor_keeps_search_text_in_both_languages(make_mentor, taxonomy):
    mentor = make_mentor(
        name="陈思恩",
        title="Professor",
        affiliation="科技谷(厦门)信息技术有限公司",
        fields=[taxonomy["fields"]["marine_economy"]],
        honours=[taxonomy["honours"]["leading-talent"], taxonomy["honours"]["academician"]],
        county="同安区",
    )

    assert "陈思恩" in mentor.search_text
    assert "海洋经济" in mentor.search_text
    assert "marine economy" in mentor.search_text
    assert "professor" in mentor.search_text
    assert "科技谷" in mentor.search_text
    assert "同安区" in mentor.search_text
    assert mentor.honour_level == 1


def test_save_organization_refreshes_the_search_text_of_its_experts(make_mentor):
    mentor = make_mentor(affiliation="旧名称有限公司")
    organization = mentor.affiliation
    organization.name = "四创科技有限公司"

    save_organization(organization, actor=None)

    mentor.refresh_from_db()
    assert "四创科技" in mentor.search_text
    assert "旧名称" not in mentor.search_text


def test_save_mentor_records_the_creation_with_the_values_set(taxonomy, organizer):
    marine = taxonomy["fields"]["marine_economy"]
    mentor = save_mentor(
        Mentor(name="林海峰", county="连江县", capacity=2), actor=organizer, fields=[marine]
    )

    [(action, changes)] = entries(mentor)
    assert action == "mentors.mentor.create"
    assert changes["name"] == [None, "林海峰"]
    assert changes["county"] == [None, "连江县"]
    assert changes["capacity"] == [None, 2]
    assert changes["fields"] == [None, "海洋经济"]
    assert "title" not in changes  # empty values are not listed
    assert AuditEntry.objects.get().actor == organizer


def test_owner_edit_records_only_the_changed_fields(make_mentor, taxonomy):
    owner = UserFactory(is_mentor=True)
    mentor = make_mentor(user=owner, title="教授", fields=[taxonomy["fields"]["marine_economy"]])
    mentor.title = "研究员"
    mentor.languages = "zh en"

    save_mentor(
        mentor, actor=owner, fields=[taxonomy["fields"]["artificial_intelligence"]], honours=None
    )

    action, changes = entries(mentor)[-1]
    assert action == "mentors.mentor.edit"
    assert changes == {
        "title": ["教授", "研究员"],
        "languages": ["", "zh en"],
        "fields": ["海洋经济", "人工智能"],
    }
    assert AuditEntry.objects.filter(action="mentors.mentor.edit").get().actor == owner


def test_organizer_edit_records_honours_and_affiliation(make_mentor, taxonomy, organizer):
    mentor = make_mentor(affiliation="旧单位")
    mentor.affiliation = Organization.objects.create(kind="university", name="福州大学")

    save_mentor(mentor, actor=organizer, honours=[taxonomy["honours"]["academician"]])

    action, changes = entries(mentor)[-1]
    assert action == "mentors.mentor.edit"
    assert changes == {"affiliation": ["旧单位", "福州大学"], "honours": ["", "院士"]}


def test_save_without_changes_writes_no_edit_entry(make_mentor, make_mentee, organizer):
    mentor, mentee = make_mentor(held_by=None), make_mentee(held_by=None)
    save_mentor(mentor, actor=organizer, fields=[], honours=[])
    save_mentee(mentee, actor=organizer, fields=[])

    assert [action for action, _ in entries(mentor)] == ["mentors.mentor.create"]
    assert [action for action, _ in entries(mentee)] == ["mentors.mentee.create"]


def test_mentee_and_organization_edits_are_audited(make_mentee, organizer, taxonomy):
    mentee = make_mentee(needs="融资")
    mentee.needs = "技术攻关"
    save_mentee(mentee, actor=organizer)
    organization = save_organization(
        Organization(kind="enterprise", name="四创科技有限公司"), actor=organizer
    )
    organization.size = Organization.Size.SMALL
    save_organization(organization, actor=organizer, fields=[taxonomy["fields"]["biomedicine"]])

    assert entries(mentee)[-1] == ("mentors.mentee.edit", {"needs": ["融资", "技术攻关"]})
    assert [action for action, _ in entries(organization)] == [
        "mentors.organization.create",
        "mentors.organization.edit",
    ]
    assert entries(organization)[-1][1] == {"size": ["", "small"], "fields": ["", "生物医药"]}
