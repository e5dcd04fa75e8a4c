"""URLs of commissioners' work, under ``/boards/commissioners/`` (namespace
``projects:commissioners``). Row ids use the boards' ``id`` converter: digits the database
can hold, else 404."""

from django.urls import path

from .views import dashboard, demands, desk, directory, offices, records, whistles

app_name = "commissioners"

urlpatterns = [
    path("", directory.directory, name="directory"),
    path("experts/<id:pk>/request/", directory.commissioner_request, name="request"),
    path("desk/", desk.desk, name="desk"),
    # Offices: the console, a firm, dispatches, firms' requests, deadlines, the dashboard.
    path("offices/<id:pk>/", offices.office_console, name="office"),
    path("offices/<id:pk>/firms/<id:firm>/", offices.office_firm, name="office_firm"),
    path("offices/<id:pk>/deadlines/", offices.policy_edit, name="policy"),
    path("offices/<id:pk>/dashboard/", dashboard.office_dashboard, name="dashboard"),
    path(
        "offices/<id:pk>/dashboard.xlsx",
        dashboard.office_dashboard_export,
        name="dashboard_export",
    ),
    path("dispatches/<id:pk>/end/", offices.dispatch_end, name="dispatch_end"),
    path(
        "requests/<id:pk>/accept/",
        offices.request_decide,
        {"action": "accept"},
        name="request_accept",
    ),
    path(
        "requests/<id:pk>/decline/",
        offices.request_decide,
        {"action": "decline"},
        name="request_decline",
    ),
    # Service records and their files.
    path("records/", desk.record_list, name="records"),
    path("records/new/", records.record_create, name="record_create"),
    path("records/<id:pk>/", records.record_detail, name="record"),
    path("records/<id:pk>/edit/", records.record_edit, name="record_edit"),
    path(
        "records/<id:pk>/confirm/",
        records.record_answer,
        {"action": "confirm"},
        name="record_confirm",
    ),
    path(
        "records/<id:pk>/dispute/",
        records.record_answer,
        {"action": "dispute"},
        name="record_dispute",
    ),
    path("files/<id:pk>/", records.record_file, name="record_file"),
    # Demand drafts.
    path("records/<id:pk>/demand/", demands.draft_edit, name="draft_edit"),
    path("drafts/<id:pk>/", demands.draft_detail, name="draft"),
    path("drafts/<id:pk>/decline/", demands.draft_decline, name="draft_decline"),
    # Whistle requests.
    path("whistles/", whistles.whistle_list, name="whistles"),
    path("whistles/new/", whistles.whistle_create, name="whistle_create"),
    path("whistles/<id:pk>/", whistles.whistle_detail, name="whistle"),
    *(
        path(
            f"whistles/<id:pk>/{action}/",
            whistles.whistle_action,
            {"action": action},
            name=f"whistle_{action}",
        )
        for action in ("acknowledge", "close", "assign")
    ),
]
