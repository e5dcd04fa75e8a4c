"""The pages of commissioners' work, driven as their users do: the directory's search and
counts, a firm's request, logging a visit (HTMX form swap on errors), the firm's answer,
raising a whistle, the office's dispatch from a suggestion, and constant query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from projects.commissioners.models import (
    CommissionerRequest,
    Dispatch,
    ServiceRecord,
    WhistleRequest,
)
from projects.commissioners.services.records import log_service_record
from projects.commissioners.services.whistles import close_whistle, raise_whistle
from tests.factories import IndustryChainFactory, ServiceRecordFactory

from .conftest import VISIT, make_commissioner

pytestmark = [pytest.mark.django_db]

DIRECTORY = "/boards/commissioners/"


@pytest.fixture
def oceanographer(office):
    marine = IndustryChainFactory(slug="marine_economy", name_zh="海洋经济", name_en="Marine")
    return make_commissioner(office, "谢东", "自然资源部第一海洋研究所", "海洋环境监测", [marine])


def names(response) -> list[str]:
    return [mentor.name for mentor in response.context["page"]]


def test_the_directory_searches_by_field_institution_and_region(
    client, record, commissioner, oceanographer
):
    assert names(client.get(DIRECTORY)) == [commissioner.name, oceanographer.name]
    assert names(client.get(DIRECTORY, {"field": "marine_economy"})) == [oceanographer.name]
    assert names(client.get(DIRECTORY, {"institution": "青岛大学"})) == [commissioner.name]
    assert names(client.get(DIRECTORY, {"region": "崂山"})) == [
        commissioner.name,
        oceanographer.name,
    ]
    assert names(client.get(DIRECTORY, {"q": "海洋环境"})) == [oceanographer.name]
    assert names(client.get(DIRECTORY, {"region": "北京"})) == []
    top = client.get(DIRECTORY).context["page"][0]
    assert (top.record_count, top.confirmed_count, top.firm_count) == (1, 0, 1)


@pytest.mark.parametrize(
    "params",
    [{"field": "99999999999999999999"}, {"q": "长" * 500}, {"page": "-1"}, {"region": "\x01"}],
)
def test_the_directory_ignores_hostile_parameters(client, commissioner, params):
    assert client.get(DIRECTORY, params).status_code == 200


def test_the_directory_refuses_a_nul_with_a_readable_page(client, commissioner):
    assert client.get(DIRECTORY, {"region": "\x00"}).status_code == 400


def test_the_directory_answers_htmx_with_its_results_only(client, commissioner):
    response = client.get(DIRECTORY, {"q": "于"}, HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode()
    assert commissioner.name in response.content.decode()


def test_the_directory_costs_the_same_queries_for_1_and_20_commissioners(
    client, office, commissioner, appliances
):
    with CaptureQueriesContext(connection) as one:
        client.get(DIRECTORY)
    for number in range(19):
        make_commissioner(office, f"专员{number}", f"研究院{number}", "材料", [appliances])
    with CaptureQueriesContext(connection) as twenty:
        response = client.get(DIRECTORY)
    assert len(response.context["page"]) == 20
    assert len(twenty) == len(one)


def test_a_firm_requests_a_commissioner_from_the_directory(
    client_for, commissioner, firm, firm_rep, office
):
    path = f"/boards/commissioners/experts/{commissioner.mentor_profile.pk}/request/"
    response = client_for(firm_rep).post(
        path, {"organization": firm.pk, "office": office.pk, "message": "噪声问题需要专家"}
    )
    assert response.status_code == 302
    asked = CommissionerRequest.objects.get()
    assert (asked.organization, asked.commissioner, asked.office) == (firm, commissioner, office)


def test_a_forged_firm_in_the_request_is_refused(
    client_for, commissioner, office, firm, other_firm_rep
):
    path = f"/boards/commissioners/experts/{commissioner.mentor_profile.pk}/request/"
    response = client_for(other_firm_rep).post(
        path, {"organization": firm.pk, "office": office.pk, "message": "冒名请求"}
    )
    assert response.status_code == 200 and response.context["form"].errors["organization"]
    assert not CommissionerRequest.objects.exists()


def _visit(dispatch, **changes):
    return {
        "dispatch": dispatch.pk,
        **VISIT,
        "served_on": timezone.localdate().isoformat(),
        **changes,
    }


def test_logging_a_visit_through_the_page(client_for, dispatch, commissioner):
    client = client_for(commissioner)
    assert (
        client.get(f"/boards/commissioners/records/new/?dispatch={dispatch.pk}").status_code == 200
    )
    response = client.post("/boards/commissioners/records/new/", _visit(dispatch))
    record = ServiceRecord.objects.get()
    assert response["Location"] == record.get_absolute_url()


def test_a_bad_visit_swaps_the_form_with_its_errors(client_for, dispatch, commissioner):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client_for(commissioner).post(
        "/boards/commissioners/records/new/",
        _visit(dispatch, served_on=tomorrow, duration_minutes="-10"),
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'id="record-form"' in html
    assert "<html" not in html
    assert set(response.context["form"].errors) == {"served_on", "duration_minutes"}
    assert not ServiceRecord.objects.exists()


def test_a_record_answering_a_closed_request_stays_editable(
    client_for, dispatch, commissioner, office, firm, firm_rep
):
    whistle = raise_whistle(office, firm, actor=firm_rep, title="产线停机急需诊断")
    close_whistle(whistle, actor=commissioner, resolution="现场解决")
    record = log_service_record(
        dispatch, actor=commissioner, served_on=timezone.localdate(), whistle=whistle, **VISIT
    )
    response = client_for(commissioner).post(
        f"/boards/commissioners/records/{record.pk}/edit/",
        {**_visit(dispatch, duration_minutes="45"), "whistle": whistle.pk},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.duration_minutes, record.whistle) == (45, whistle)


def test_the_firm_confirms_from_the_record_page(client_for, record, firm_rep):
    page = client_for(firm_rep).get(record.get_absolute_url())
    assert page.context["can_answer"]
    client_for(firm_rep).post(f"/boards/commissioners/records/{record.pk}/confirm/", {})
    record.refresh_from_db()
    assert record.status == ServiceRecord.Status.CONFIRMED
    edit = client_for(record.commissioner).get(f"/boards/commissioners/records/{record.pk}/edit/")
    assert edit.status_code == 404


def test_a_firm_blows_the_whistle_and_a_forged_target_is_refused(
    client_for, dispatch, firm, firm_rep, office, other_firm_rep
):
    target = f"{office.pk}:{firm.pk}"
    forged = client_for(other_firm_rep).post(
        "/boards/commissioners/whistles/new/", {"target": target, "title": "冒名吹哨请求"}
    )
    assert forged.status_code == 200 and forged.context["form"].errors["target"]
    response = client_for(firm_rep).post(
        "/boards/commissioners/whistles/new/",
        {"target": target, "title": "产线停机急需诊断", "urgency": "urgent"},
    )
    whistle = WhistleRequest.objects.get()
    assert response["Location"] == whistle.get_absolute_url()
    assert (whistle.commissioner, whistle.urgency) == (dispatch.commissioner, "urgent")


def test_the_office_dispatches_a_suggested_commissioner(
    client_for, manager, office, firm, commissioner, firm_rep
):
    path = f"/boards/commissioners/offices/{office.pk}/firms/{firm.pk}/"
    page = client_for(manager).get(path)
    assert [c.commissioner for c in page.context["candidates"]] == [commissioner]
    response = client_for(manager).post(
        path,
        {
            "commissioner": commissioner.pk,
            "starts_on": timezone.localdate().isoformat(),
            "source": "suggested",
        },
    )
    assert response.status_code == 302
    dispatch = Dispatch.objects.get()
    assert (dispatch.source, dispatch.organization) == (Dispatch.Source.SUGGESTED, firm)


def test_the_console_lists_served_firms_and_finds_new_ones(client_for, manager, office, dispatch):
    console = client_for(manager).get(f"/boards/commissioners/offices/{office.pk}/")
    firms = list(console.context["page"])
    assert [f.name for f in firms] == [dispatch.organization.name]
    assert (firms[0].serving, firms[0].record_count) == (1, 0)
    found = client_for(manager).get(f"/boards/commissioners/offices/{office.pk}/", {"q": "海晟"})
    assert [f.name for f in found.context["page"]] == [dispatch.organization.name]


def test_the_records_page_costs_the_same_queries_for_1_and_20_rows(
    client_for, record, commissioner
):
    client = client_for(commissioner)
    with CaptureQueriesContext(connection) as one:
        client.get("/boards/commissioners/records/")
    for _ in range(19):
        ServiceRecordFactory(dispatch=record.dispatch)
    with CaptureQueriesContext(connection) as twenty:
        response = client.get("/boards/commissioners/records/")
    assert len(response.context["page"]) == 20
    assert len(twenty) == len(one)
