"""The controlled lists' services: every add, edit, rename and delete is audited."""

import pytest

from mentors.models import Honour, IndustryChain
from mentors.services import (
    TaxonomyInUse,
    add_taxonomy_entry,
    delete_taxonomy_entry,
    edit_taxonomy_entry,
)
from talentbridge.models import AuditEntry

pytestmark = pytest.mark.django_db


def trail(entry) -> list[tuple[str, dict]]:
    found = AuditEntry.objects.filter(
        content_type__model=entry._meta.model_name, object_id=str(entry.pk)
    ).order_by("id")
    return [(item.action, item.changes) for item in found]


def test_add_edit_rename_and_delete_are_each_one_audit_entry(organizer):
    honour = add_taxonomy_entry(
        Honour(slug="academician", name_zh="院士", name_en="Academician", level=1), actor=organizer
    )
    honour.order = 5
    edit_taxonomy_entry(honour, actor=organizer)
    honour.name_zh = "两院院士"
    edit_taxonomy_entry(honour, actor=organizer)
    edit_taxonomy_entry(honour, actor=organizer)  # nothing changed: nothing recorded
    pk = honour.pk
    delete_taxonomy_entry(honour, actor=organizer)
    honour.pk = pk

    assert trail(honour) == [
        (
            "mentors.honour.add",
            {
                "slug": [None, "academician"],
                "name_zh": [None, "院士"],
                "name_en": [None, "Academician"],
                "level": [None, 1],
                "order": [None, 100],
            },
        ),
        ("mentors.honour.edit", {"order": [100, 5]}),
        ("mentors.honour.rename", {"name_zh": ["院士", "两院院士"]}),
        (
            "mentors.honour.delete",
            {"slug": "academician", "name_zh": "两院院士", "name_en": "Academician"},
        ),
    ]
    assert {entry.actor for entry in AuditEntry.objects.all()} == {organizer}


def test_refused_delete_is_not_audited(taxonomy, make_mentor, organizer):
    marine = taxonomy["fields"]["marine_economy"]
    make_mentor(fields=[marine])

    with pytest.raises(TaxonomyInUse):
        delete_taxonomy_entry(marine, actor=organizer)

    assert IndustryChain.objects.filter(pk=marine.pk).exists()
    assert not AuditEntry.objects.filter(action__startswith="mentors.industrychain").exists()


def test_a_code_change_is_a_rename_that_refreshes_the_search_text(taxonomy, make_mentor):
    marine = taxonomy["fields"]["marine_economy"]
    expert = make_mentor(fields=[marine])
    marine.slug = "blue_economy"

    edit_taxonomy_entry(marine, actor=None)

    expert.refresh_from_db()
    assert "blue_economy" in expert.search_text
    assert trail(marine) == [
        ("mentors.industrychain.rename", {"slug": ["marine_economy", "blue_economy"]})
    ]
