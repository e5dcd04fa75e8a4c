"""Service records: the firm-confirmation rule, the author-only edit, and bad input."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from projects.commissioners import rules
from projects.commissioners.forms import ServiceRecordForm
from projects.commissioners.models import ServiceRecord
from projects.commissioners.services import CommissionerError
from projects.commissioners.services.dispatches import end_dispatch
from projects.commissioners.services.records import (
    confirm_service_record,
    dispute_service_record,
    edit_service_record,
    log_service_record,
)
from talentbridge.models import AuditEntry, Notification

from .conftest import VISIT, make_commissioner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("run_on_commit_at_once")]

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_logging_a_visit_asks_the_firm_to_confirm(record, firm_rep, commissioner):
    assert record.status == ServiceRecord.Status.SUBMITTED
    assert (record.office, record.commissioner) == (record.dispatch.office, commissioner)
    notice = Notification.objects.get(user=firm_rep, key__startswith="projects.servicerecord")
    assert notice.url == record.get_absolute_url()
    entry = AuditEntry.objects.get(action="projects.servicerecord.create")
    assert entry.actor == commissioner
    assert entry.changes["duration_minutes"] == 90


def test_the_author_edits_until_the_firm_confirms(record, commissioner, firm_rep):
    edit_service_record(record, actor=commissioner, duration_minutes=120)
    record.refresh_from_db()
    assert record.duration_minutes == 120
    assert AuditEntry.objects.get(action="projects.servicerecord.edit").changes == {
        "duration_minutes": [90, 120]
    }
    confirm_service_record(record, actor=firm_rep, comment="属实")
    record.refresh_from_db()
    assert record.status == ServiceRecord.Status.CONFIRMED
    assert (record.responded_by, record.response) == (firm_rep, "属实")
    assert not rules.can_edit_record(commissioner, record)
    with pytest.raises(CommissionerError, match="confirmed"):
        edit_service_record(record, actor=commissioner, duration_minutes=30)
    record.refresh_from_db()
    assert record.duration_minutes == 120


def test_only_the_author_edits(record, office, firm_rep, manager):
    colleague = make_commissioner(office, "王秀兰", "中国海洋大学", "海洋药物")
    for someone in (colleague, firm_rep, manager):
        assert not rules.can_edit_record(someone, record)
        with pytest.raises(CommissionerError):
            edit_service_record(record, actor=someone, duration_minutes=10)


def test_confirming_someone_elses_record_is_refused(record, commissioner, other_firm_rep):
    for someone in (commissioner, other_firm_rep):
        assert not rules.can_answer_record(someone, record)
        with pytest.raises(CommissionerError, match="representatives"):
            confirm_service_record(record, actor=someone)
    record.refresh_from_db()
    assert record.status == ServiceRecord.Status.SUBMITTED


def test_a_record_is_answered_once(record, firm_rep):
    confirm_service_record(record, actor=firm_rep)
    with pytest.raises(CommissionerError, match="already"):
        dispute_service_record(record, actor=firm_rep, reason="不对")


def test_a_disputed_record_goes_back_to_the_firm_once_corrected(record, commissioner, firm_rep):
    with pytest.raises(CommissionerError, match="wrong"):
        dispute_service_record(record, actor=firm_rep, reason="  ")
    dispute_service_record(record, actor=firm_rep, reason="时长有误，实际一小时。")
    record.refresh_from_db()
    assert record.status == ServiceRecord.Status.DISPUTED
    assert Notification.objects.filter(user=commissioner, key__contains="disputed").count() == 1
    assert rules.can_edit_record(commissioner, record)
    edit_service_record(record, actor=commissioner, duration_minutes=60)
    record.refresh_from_db()
    assert (record.status, record.duration_minutes) == (ServiceRecord.Status.SUBMITTED, 60)
    assert (
        Notification.objects.filter(user=firm_rep, key__startswith="projects.servicerecord").count()
        == 2
    )
    confirm_service_record(record, actor=firm_rep)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"served_on": timedelta(days=1)}, "future"),
        ({"served_on": timedelta(days=-400)}, "since"),
        ({"duration_minutes": -30}, "between"),
        ({"duration_minutes": 0}, "between"),
        ({"duration_minutes": 24 * 60 + 1}, "between"),
    ],
)
def test_bad_values_are_refused_by_the_service(dispatch, commissioner, change, message):
    values = {**VISIT, "served_on": timezone.localdate()}
    if "served_on" in change:
        values["served_on"] += change["served_on"]
    else:
        values.update(change)
    with pytest.raises(CommissionerError, match=message):
        log_service_record(dispatch, actor=commissioner, **values)
    assert not ServiceRecord.objects.exists()


def test_only_the_dispatched_commissioner_logs_while_serving(dispatch, office, manager):
    colleague = make_commissioner(office, "王秀兰", "中国海洋大学", "海洋药物")
    values = {**VISIT, "served_on": timezone.localdate()}
    with pytest.raises(CommissionerError, match="serving"):
        log_service_record(dispatch, actor=colleague, **values)
    end_dispatch(dispatch, actor=manager)
    dispatch.refresh_from_db()
    with pytest.raises(CommissionerError, match="ended"):
        log_service_record(dispatch, actor=dispatch.commissioner, **values)


def _form(commissioner, serving, **changes):
    data = {
        "dispatch": str(serving.pk),
        **VISIT,
        "served_on": timezone.localdate().isoformat(),
        "duration_minutes": "90",
        **changes,
    }
    return ServiceRecordForm(data, commissioner=commissioner)


def test_the_form_takes_a_good_record(dispatch, commissioner):
    form = _form(commissioner, dispatch)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["dispatch"] == dispatch


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("served_on", "2099-01-01"),
        ("served_on", "0001-01-01"),
        ("duration_minutes", "-5"),
        ("duration_minutes", "99999999999999999999"),
        ("dispatch", "99999999999999999999"),
        ("dispatch", "-1"),
        ("whistle", "99999999999999999999"),
    ],
)
def test_the_form_refuses_bad_input_with_a_message(dispatch, commissioner, field, value):
    form = _form(commissioner, dispatch, **{field: value})
    assert not form.is_valid()
    assert form.errors[field]


def test_the_form_offers_only_the_commissioners_own_firms(dispatch, office, commissioner):
    colleague = make_commissioner(office, "王秀兰", "中国海洋大学", "海洋药物")
    form = _form(colleague, dispatch)
    assert not form.is_valid()
    assert "dispatch" in form.errors


def test_files_are_stored_privately_and_served_to_the_parties(
    dispatch, commissioner, firm_rep, other_firm_rep, client_for, client
):
    photo = SimpleUploadedFile("现场.png", PNG, content_type="image/png")
    record = log_service_record(
        dispatch,
        actor=commissioner,
        served_on=timezone.localdate(),
        files=[photo],
        **VISIT,
    )
    item = record.files.get()
    assert item.name == "现场.png"
    assert "现场" not in item.file.name and item.file.name.startswith("commissioners/")
    url = f"/boards/commissioners/files/{item.pk}/"
    assert client_for(firm_rep).get(url).status_code == 200
    assert client_for(commissioner).get(url).status_code == 200
    assert client_for(other_firm_rep).get(url).status_code == 404
    assert client.get(url).status_code == 302
