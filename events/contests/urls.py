"""URLs of contests, under /events/contests/; names start with ``contest``."""

from django.urls import path

from .views import judging, organizer, screen, team

urlpatterns = [
    path("contests/", team.contest_list, name="contest_list"),
    path("contests/new/", organizer.contest_create, name="contest_create"),
    path("contests/<int:pk>/", team.contest_detail, name="contest_detail"),
    path("contests/<int:pk>/enter/", team.entry_create, name="contest_enter"),
    path("contests/<int:pk>/entries/<int:entry_id>/", team.entry_detail, name="contest_entry"),
    path(
        "contests/<int:pk>/entries/<int:entry_id>/edit/",
        team.entry_edit,
        name="contest_entry_edit",
    ),
    path(
        "contests/<int:pk>/entries/<int:entry_id>/land/",
        organizer.land,
        name="contest_entry_land",
    ),
    path(
        "contests/<int:pk>/entries/<int:entry_id>/<slug:action>/",
        team.entry_action,
        name="contest_entry_action",
    ),
    path(
        "contests/<int:pk>/entries/<int:entry_id>/files/<slug:kind>",
        team.attachment,
        name="contest_attachment",
    ),
    path("contests/<int:pk>/judging/", judging.judge_queue, name="contest_judging"),
    path("contests/<int:pk>/sheets/<int:sheet_id>/", judging.score_sheet, name="contest_sheet"),
    path(
        "contests/<int:pk>/sheets/<int:sheet_id>/conflict/",
        judging.conflict,
        name="contest_conflict",
    ),
    path("contests/<int:pk>/manage/", organizer.entries, name="contest_entries"),
    path("contests/<int:pk>/manage/edit/", organizer.contest_edit, name="contest_edit"),
    path("contests/<int:pk>/manage/judges/", organizer.judges, name="contest_judges"),
    path(
        "contests/<int:pk>/manage/<slug:kind>/assignment/",
        organizer.assignment,
        name="contest_assignment",
    ),
    path(
        "contests/<int:pk>/manage/<slug:kind>/assignment/decide/",
        organizer.assignment_decide,
        name="contest_assignment_decide",
    ),
    path(
        "contests/<int:pk>/manage/<slug:kind>/ranking/", organizer.ranking, name="contest_ranking"
    ),
    path(
        "contests/<int:pk>/manage/<slug:kind>/<slug:action>/",
        organizer.round_action,
        name="contest_round_action",
    ),
    path("contests/<int:pk>/manage/final/", organizer.final_console, name="contest_final"),
    path("contests/<int:pk>/manage/awards/", organizer.awards, name="contest_awards"),
    path("contests/<int:pk>/manage/export.xlsx", organizer.export, name="contest_export"),
    path("contests/<int:pk>/screen", screen.screen, name="contest_screen"),
    path("contests/<int:pk>/screen/state", screen.screen_state, name="contest_screen_state"),
    path("contests/<int:pk>/screen/stream", screen.screen_stream, name="contest_screen_stream"),
]
