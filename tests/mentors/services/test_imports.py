"""Spreadsheet import: dry run, all-or-nothing commit, matching, and its audit entry."""

import pytest

from mentors.models import Holding, Mentee, Mentor, Organization
from mentors.services import ImportRejected, import_spreadsheet, preview_import
from mentors.signals import people_imported
from talentbridge.models import AuditEntry
from tests.mentors.sheets import GOOD, actions, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


def test_preview_import_of_xlsx_plans_creates(taxonomy):
    plan = preview_import("mentors", "experts.xlsx", xlsx_bytes(GOOD))
    assert plan.file_errors == []
    assert actions(plan) == [(2, "create"), (3, "create")]
    assert Mentor.objects.count() == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_import_csv_in_chinese_encodings(taxonomy, organizer, encoding):
    data = csv_bytes(GOOD, encoding=encoding)
    plan = import_spreadsheet("mentors", "experts.csv", data, actor=organizer)

    assert plan.counts["create"] == 2
    zuo = Mentor.objects.get(name="左明健")
    assert zuo.affiliation.name == "四创科技有限公司"
    assert zuo.phone == "13900001001"
    assert {f.slug for f in zuo.fields.all()} == {"marine_economy", "artificial_intelligence"}
    assert [h.slug for h in zuo.honours.all()] == ["academician"]
    assert zuo.honour_level == 1
    assert "海洋经济" in zuo.search_text
    assert Mentor.objects.get(name="王浩").phone == "+66812345678"


def test_import_again_updates_instead_of_duplicating(taxonomy, organizer):
    import_spreadsheet("mentors", "a.csv", csv_bytes(GOOD), actor=organizer)
    changed = [list(GOOD[0]), list(GOOD[1])]
    changed[0][6] = "鼓楼区"
    changed[0][5] = ""  # e-mail cleared: still matched by phone

    plan = import_spreadsheet("mentors", "a.csv", csv_bytes(changed), actor=organizer)

    assert actions(plan) == [(2, "update"), (3, "unchanged")]
    assert Mentor.objects.count() == 2
    assert Mentor.objects.get(name="左明健").county == "鼓楼区"


def test_import_matches_by_name_and_affiliation_without_phone(make_mentor, taxonomy):
    existing = make_mentor(
        name="陈思恩", phone="", email="", affiliation="科技谷(厦门)信息技术有限公司"
    )
    rows = [["陈思恩", "科技谷(厦门)信息技术有限公司", "", "", "", "", "同安区", ""]]

    plan = preview_import("mentors", "a.csv", csv_bytes(rows))

    assert actions(plan) == [(2, "update")]
    assert plan.rows[0].target == existing


def test_import_with_any_error_imports_nothing(taxonomy, organizer):
    rows = [GOOD[0], ["乙", "单位", "诺贝尔奖", "", "", "", "", ""]]

    with pytest.raises(ImportRejected) as rejected:
        import_spreadsheet("mentors", "a.csv", csv_bytes(rows), actor=organizer)

    assert rejected.value.plan.counts["error"] == 1
    assert Mentor.objects.count() == 0
    assert Organization.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_formulas_are_kept_as_text(taxonomy, organizer):
    formula = '=HYPERLINK("http://evil.example","点我")'
    rows = [[formula, "单位", "", "", "", "", "", ""]]
    import_spreadsheet("mentors", "a.xlsx", xlsx_bytes(rows), actor=organizer)
    assert Mentor.objects.get().name == formula


def test_import_mentees_and_organizations(taxonomy, organizer):
    organizations = csv_bytes(
        [["福州柏云信息科技有限公司", "企业", "人工智能", "20–99 people"]],
        header=["单位名称", "单位类型", "领域", "规模"],
    )
    mentees = csv_bytes(
        [["陈晓青", "青年创业者", "福州柏云信息科技有限公司", "人工智能", "13900002002"]],
        header=["姓名或团队", "类别", "单位", "领域", "手机"],
    )
    import_spreadsheet("organizations", "o.csv", organizations, actor=organizer)
    import_spreadsheet("mentees", "m.csv", mentees, actor=organizer)

    organization = Organization.objects.get()
    assert organization.size == Organization.Size.SMALL
    mentee = Mentee.objects.get()
    assert mentee.kind == Mentee.Kind.YOUNG_ENTREPRENEUR
    assert mentee.organization == organization


def test_import_announces_the_imported_ids_once(
    taxonomy, organizer, django_capture_on_commit_callbacks
):
    received = []

    def listener(sender, kind, ids, **kwargs):
        received.append((kind, sorted(ids)))

    people_imported.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            import_spreadsheet("mentors", "a.csv", csv_bytes(GOOD), actor=organizer)
    finally:
        people_imported.disconnect(listener)

    assert received == [("mentors", sorted(Mentor.objects.values_list("pk", flat=True)))]


def test_import_writes_one_audit_entry_with_the_office_and_counts(
    taxonomy, organizer, home_office, other_office
):
    import_spreadsheet("mentors", "a.csv", csv_bytes(GOOD), actor=organizer, office=home_office)
    changed = [list(GOOD[0]), list(GOOD[1]), ["", "", "", "", "", "", "", ""]]
    changed[0][6] = "鼓楼区"
    import_spreadsheet("mentors", "b.csv", csv_bytes(changed), actor=organizer, office=other_office)
    import_spreadsheet("mentors", "c.csv", csv_bytes(changed), actor=organizer)

    entries = AuditEntry.objects.order_by("id")
    assert [(entry.action, entry.changes) for entry in entries] == [
        (
            "mentors.mentor.import",
            {
                "file": "a.csv",
                "office": "福建省引进人才服务中心",
                "newly_held": 2,
                "created": 2,
                "updated": 0,
                "unchanged": 0,
                "skipped": 0,
            },
        ),
        (
            "mentors.mentor.import",
            {
                "file": "b.csv",
                "office": "晋安区人民政府",
                "newly_held": 2,
                "created": 0,
                "updated": 1,
                "unchanged": 1,
                "skipped": 1,
            },
        ),
        (
            "mentors.mentor.import",
            {
                "file": "c.csv",
                "office": "",
                "newly_held": 0,
                "created": 0,
                "updated": 0,
                "unchanged": 2,
                "skipped": 1,
            },
        ),
    ]
    assert {entry.actor for entry in entries} == {organizer}


def test_import_holds_every_row_of_the_file_by_the_importing_office(
    taxonomy, organizer, home_office, other_office
):
    """Created, updated and unchanged rows alike; a second import by the same office adds no
    holding, and another office's import holds the same people too."""
    import_spreadsheet("mentors", "a.csv", csv_bytes(GOOD), actor=organizer, office=home_office)
    import_spreadsheet("mentors", "a.csv", csv_bytes(GOOD), actor=organizer, office=home_office)
    import_spreadsheet("mentors", "a.csv", csv_bytes(GOOD), actor=organizer, office=other_office)

    both = {home_office.pk, other_office.pk}
    for mentor in Mentor.objects.all():
        holdings = mentor.holdings.all()
        assert {holding.office_id for holding in holdings} == both
        assert {holding.source for holding in holdings} == {Holding.Source.IMPORTED}
        assert {holding.created_by for holding in holdings} == {organizer}
    assert Holding.objects.count() == 4
