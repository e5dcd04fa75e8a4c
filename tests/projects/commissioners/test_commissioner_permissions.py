"""Who reaches which page and action of commissioners' work, on the object: every URL × the
commissioner, their firm, another firm, the office's manager, another office's manager and a
visitor → the expected status (404 hides a private object's existence)."""

import pytest
from django.test import Client
from django.urls import reverse

from projects.commissioners.models import (
    DemandDraft,
    Dispatch,
    ServiceRecord,
    WhistlePolicy,
    WhistleRequest,
)
from projects.commissioners.services.demands import draft_demand
from projects.commissioners.services.whistles import raise_whistle
from talentbridge.models import AuditEntry

pytestmark = [pytest.mark.django_db]

ROLES = ["visitor", "commissioner", "firm", "other_firm", "manager", "other_office"]


@pytest.fixture
def users(commissioner, firm_rep, other_firm_rep, manager, other_office_manager):
    return {
        "visitor": None,
        "commissioner": commissioner,
        "firm": firm_rep,
        "other_firm": other_firm_rep,
        "manager": manager,
        "other_office": other_office_manager,
    }


@pytest.fixture
def objects(record, commissioner, firm_rep, office, firm):
    draft = draft_demand(
        record, actor=commissioner, title="压缩机降噪需求", summary="噪声超标，需要专家。"
    )
    whistle = raise_whistle(office, firm, actor=firm_rep, title="生产线停机急需诊断")
    return {
        "record": record,
        "draft": draft,
        "whistle": whistle,
        "dispatch": record.dispatch,
        "office": office,
        "firm": firm,
        "mentor": commissioner.mentor_profile,
    }


def client_as(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def url(name: str, objects: dict) -> str:
    o = objects
    args = {
        "directory": [],
        "desk": [],
        "records": [],
        "record_create": [],
        "record": [o["record"].pk],
        "record_edit": [o["record"].pk],
        "draft_edit": [o["record"].pk],
        "draft": [o["draft"].pk],
        "whistles": [],
        "whistle_create": [],
        "whistle": [o["whistle"].pk],
        "office": [o["office"].pk],
        "office_firm": [o["office"].pk, o["firm"].pk],
        "dashboard": [o["office"].pk],
        "dashboard_export": [o["office"].pk],
        "request": [o["mentor"].pk],
    }[name]
    return reverse(f"projects:commissioners:{name}", args=args)


GET_MATRIX = {
    #                  visitor comm firm other  mgr  other office
    "directory": (200, 200, 200, 200, 200, 200),
    "desk": (302, 200, 200, 200, 200, 200),
    "records": (302, 200, 200, 200, 403, 403),
    "record_create": (302, 200, 403, 403, 403, 403),
    "record": (302, 200, 200, 404, 200, 404),
    "record_edit": (302, 200, 404, 404, 404, 404),
    "draft_edit": (302, 200, 404, 404, 404, 404),
    "draft": (302, 200, 200, 404, 200, 404),
    "whistles": (302, 200, 200, 200, 403, 403),
    "whistle_create": (302, 403, 200, 200, 200, 200),
    "whistle": (302, 200, 200, 404, 200, 404),
    "office": (302, 404, 404, 404, 200, 404),
    "office_firm": (302, 404, 404, 404, 200, 404),
    "dashboard": (302, 404, 404, 404, 200, 404),
    "dashboard_export": (302, 404, 404, 404, 200, 404),
    "request": (302, 403, 200, 200, 403, 403),
}


@pytest.mark.parametrize("name", GET_MATRIX)
def test_get_permission_matrix(name, users, objects):
    got = tuple(client_as(users[role]).get(url(name, objects)).status_code for role in ROLES)
    assert got == GET_MATRIX[name]


def _post(name: str, objects: dict) -> tuple[str, dict]:
    o = objects
    return {
        "confirm": (reverse("projects:commissioners:record_confirm", args=[o["record"].pk]), {}),
        "dispute": (
            reverse("projects:commissioners:record_dispute", args=[o["record"].pk]),
            {"comment": "时长不对"},
        ),
        "acknowledge": (
            reverse("projects:commissioners:whistle_acknowledge", args=[o["whistle"].pk]),
            {},
        ),
        "close": (
            reverse("projects:commissioners:whistle_close", args=[o["whistle"].pk]),
            {"resolution": "已解决"},
        ),
        "decline_draft": (
            reverse("projects:commissioners:draft_decline", args=[o["draft"].pk]),
            {"reason": "不需要"},
        ),
        "end_dispatch": (
            reverse("projects:commissioners:dispatch_end", args=[o["dispatch"].pk]),
            {},
        ),
        "policy": (
            reverse("projects:commissioners:policy", args=[o["office"].pk]),
            {"acknowledge_hours": "12", "close_hours": "72"},
        ),
    }[name]


def _changed(name: str, objects: dict) -> bool:
    o = objects
    return {
        "confirm": lambda: ServiceRecord.objects.get(pk=o["record"].pk).status == "confirmed",
        "dispute": lambda: ServiceRecord.objects.get(pk=o["record"].pk).status == "disputed",
        "acknowledge": lambda: (
            WhistleRequest.objects.get(pk=o["whistle"].pk).status == "acknowledged"
        ),
        "close": lambda: WhistleRequest.objects.get(pk=o["whistle"].pk).status == "closed",
        "decline_draft": lambda: DemandDraft.objects.get(pk=o["draft"].pk).status == "declined",
        "end_dispatch": lambda: Dispatch.objects.get(pk=o["dispatch"].pk).status == "ended",
        "policy": lambda: WhistlePolicy.objects.filter(
            office=o["office"], acknowledge_hours=12
        ).exists(),
    }[name]()


# (status, whether the change was made) per role; 302 without the change is a refusal with a
# message on the object's page, shown to someone who may see the object but not do this.
POST_MATRIX = {
    "confirm": ((302, 0), (302, 0), (302, 1), (404, 0), (302, 0), (404, 0)),
    "dispute": ((302, 0), (302, 0), (302, 1), (404, 0), (302, 0), (404, 0)),
    "acknowledge": ((302, 0), (302, 1), (302, 0), (404, 0), (302, 0), (404, 0)),
    "close": ((302, 0), (302, 1), (302, 0), (404, 0), (302, 0), (404, 0)),
    "decline_draft": ((302, 0), (302, 0), (302, 1), (404, 0), (302, 0), (404, 0)),
    "end_dispatch": ((302, 0), (404, 0), (404, 0), (404, 0), (302, 1), (404, 0)),
    "policy": ((302, 0), (404, 0), (404, 0), (404, 0), (302, 1), (404, 0)),
}


@pytest.mark.parametrize("action", POST_MATRIX)
@pytest.mark.parametrize("index", range(len(ROLES)))
def test_post_permission_matrix(action, index, users, objects):
    path, data = _post(action, objects)
    role = ROLES[index]
    response = client_as(users[role]).post(path, data)
    assert (response.status_code, int(_changed(action, objects))) == POST_MATRIX[action][index]
    if role == "visitor":
        assert response["Location"].startswith(reverse("login"))


def test_get_on_an_action_is_refused(users, objects):
    path, _data = _post("confirm", objects)
    assert client_as(users["firm"]).get(path).status_code == 405


@pytest.mark.parametrize(
    "path",
    [
        "/boards/commissioners/records/99999999999999999999/",
        "/boards/commissioners/whistles/99999999999999999999/",
        "/boards/commissioners/offices/99999999999999999999/dashboard/",
        "/boards/commissioners/records/0/",
        "/boards/commissioners/drafts/-1/",
    ],
)
def test_ids_beyond_what_the_database_holds_are_not_found(users, path):
    assert client_as(users["manager"]).get(path).status_code == 404


def test_contacts_stay_private(users, objects, commissioner):
    phone = commissioner.mentor_profile.phone
    for role in ROLES:
        client = client_as(users[role])
        for name in ("directory", "desk", "record", "whistle"):
            assert phone not in client.get(url(name, objects)).content.decode()
    assert commissioner.email not in client_as(None).get(url("directory", objects)).content.decode()


def test_the_export_is_logged(users, objects, manager):
    response = client_as(manager).get(url("dashboard_export", objects) + "?period=all")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    entry = AuditEntry.objects.get(action="projects.commissioners.export")
    assert (entry.actor, entry.changes["period"]) == (manager, "all")
