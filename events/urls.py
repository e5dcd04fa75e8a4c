from django.urls import include, path

from .contests import urls as contest_urls
from .views import (
    agenda,
    call,
    ceremony,
    certificates,
    checkin,
    event,
    experts,
    exports,
    live,
    outcomes,
    plan,
    postings,
    registration,
    signings,
    talent_map,
    team,
)
from .views import statistics as stats

app_name = "events"

urlpatterns = [
    path("", event.event_list, name="list"),
    path("mine/", registration.my_events, name="mine"),
    path("new/", event.event_create, name="create"),
    path("tickets/<str:code>/", registration.ticket, name="ticket"),
    path("tickets/<str:code>/cancel/", registration.cancel, name="cancel"),
    path("<int:pk>/", event.event_detail, name="detail"),
    path("<int:pk>/board/<slug:kind>/", event.event_board, name="board"),
    path("<int:pk>/calendar.ics", event.calendar, name="calendar"),
    path("<int:pk>/register/", registration.register, name="register"),
    path("<int:pk>/edit/", event.event_edit, name="edit"),
    path("<int:pk>/status/", event.event_status, name="status"),
    path("<int:pk>/manage/", event.event_manage, name="manage"),
    path("<int:pk>/categories/new/", registration.category_add, name="category_add"),
    path(
        "<int:pk>/categories/<int:category_id>/",
        registration.category_edit,
        name="category_edit",
    ),
    path("<int:pk>/questions/new/", registration.question_add, name="question_add"),
    path("<int:pk>/agenda/new/", agenda.session_add, name="session_add"),
    path("<int:pk>/postings/", postings.postings, name="postings"),
    path("<int:pk>/postings/link/", postings.posting_link, name="posting_link"),
    path("<int:pk>/postings/<int:link_id>/", postings.posting_update, name="posting_update"),
    path("<int:pk>/registrations/", registration.registration_list, name="registrations"),
    path(
        "<int:pk>/registrations/assign/",
        registration.registration_assign,
        name="registration_assign",
    ),
    path(
        "<int:pk>/registrations/<int:registration_id>/<str:decision>/",
        registration.registration_decide,
        name="registration_decide",
    ),
    path("<int:pk>/checkin/", checkin.checkin, name="checkin"),
    path("<int:pk>/checkin/search/", checkin.checkin_search, name="checkin_search"),
    path("<int:pk>/checkin/counters/", checkin.checkin_counters, name="checkin_counters"),
    path(
        "<int:pk>/checkin/counters/stream/",
        live.checkin_counters_stream,
        name="checkin_counters_stream",
    ),
    path("<int:pk>/checkin/sync/", checkin.checkin_sync, name="checkin_sync"),
    path("<int:pk>/badges/<int:category_id>/", checkin.badges, name="badges"),
    path("<int:pk>/ceremony/", ceremony.ceremony_builder, name="ceremony"),
    path("<int:pk>/ceremony/fill/", ceremony.ceremony_fill, name="ceremony_fill"),
    path(
        "<int:pk>/ceremony/certificates/",
        certificates.ceremony_certificates_print,
        name="ceremony_certificates",
    ),
    path("<int:pk>/ceremony/add/", ceremony.ceremony_add, name="ceremony_add"),
    path("<int:pk>/ceremony/pairs/<int:pair_id>/", ceremony.ceremony_move, name="ceremony_move"),
    path("<int:pk>/ceremony/console/", ceremony.console, name="console"),
    path("<int:pk>/ceremony/stream", live.ceremony_stream, name="ceremony_stream"),
    path("<int:pk>/ceremony/screen", ceremony.screen, name="screen"),
    path("<int:pk>/ceremony/screen/state", ceremony.screen_state, name="screen_state"),
    path("<int:pk>/ceremony/live/", ceremony.audience, name="audience"),
    path("<int:pk>/ceremony/live/state", ceremony.audience_state, name="audience_state"),
]

# Statistics, reports and exports.
urlpatterns += [
    path("stats/", stats.stats_overview, name="stats_overview"),
    path("stats/map/", talent_map.talent_map_view, name="talent_map"),
    path("stats/gaps/", talent_map.gap_view, name="talent_gaps"),
    path("stats/gaps/<str:code>/<slug:field>/", talent_map.gap_experts, name="gap_experts"),
    path("stats/exports/", exports.export_log, name="export_log"),
    path("stats/outcomes/", outcomes.outcomes, name="outcomes"),
    path("stats/outcomes.docx", outcomes.outcomes_docx, name="outcomes_docx"),
    path("stats/export/<slug:dataset>.<str:fmt>", exports.export, name="platform_export"),
    path("stats/jobs/<str:token>/", exports.export_job, name="export_job"),
    path(
        "stats/jobs/<str:token>/progress/",
        exports.export_job_progress,
        name="export_job_progress",
    ),
    path("stats/jobs/<str:token>/stream/", exports.export_job_stream, name="export_job_stream"),
    path("stats/jobs/<str:token>/download/", exports.export_download, name="export_download"),
    path("stats/jobs/<str:token>/retry/", exports.export_retry, name="export_retry"),
    path("<int:pk>/stats/", stats.event_stats, name="stats"),
    path("<int:pk>/report/", stats.event_report, name="report"),
    path("<int:pk>/report.docx", stats.event_report_docx, name="report_docx"),
    path("<int:pk>/signings/", signings.signings, name="signings"),
    path("<int:pk>/signings/<int:signing_id>/land/", signings.signing_land, name="signing_land"),
    path("<int:pk>/export/<slug:dataset>.<str:fmt>", exports.export, name="export"),
]

# The event's team.
urlpatterns += [
    path("team/<str:token>/", team.team_accept, name="team_accept"),
    path("<int:pk>/team/", team.team, name="team"),
    path("<int:pk>/team/add/", team.team_add, name="team_add"),
    path("<int:pk>/team/remove/", team.team_remove, name="team_remove"),
    path("<int:pk>/team/revoke/", team.team_revoke, name="team_revoke"),
]

# The call that collects.
urlpatterns += [
    path("<int:pk>/call/", call.call_queue, name="call_queue"),
    path("<int:pk>/call/submit/", call.call_submit, name="call_submit"),
    path("<int:pk>/call/reopen/", call.call_reopen, name="call_reopen"),
    path("<int:pk>/call/import/", call.call_import, name="call_import"),
    path("<int:pk>/call/import/commit/", call.call_import_commit, name="call_import_commit"),
    path(
        "<int:pk>/call/import/template/<slug:kind>.xlsx",
        call.call_import_template,
        name="call_import_template",
    ),
]

# The expert invitations (求贤帖).
urlpatterns += [
    path("invitations/<str:token>/", experts.expert_reply_link, name="expert_reply_link"),
    path("invitations/<int:invitation_id>/reply/", experts.expert_reply, name="expert_reply"),
    path("<int:pk>/experts/", experts.experts, name="experts"),
]

# The pairing plan.
urlpatterns += [
    path("<int:pk>/plan/", plan.plan_page, name="plan"),
    path("<int:pk>/plan/decide/", plan.plan_decide, name="plan_decide"),
    path("<int:pk>/plan/accept/", plan.plan_accept, name="plan_accept"),
]

# Contests (以赛引才).
urlpatterns += contest_urls.urlpatterns
# Matchmaking days (对接会): a feature package with its own URLs.
urlpatterns += [path("", include("events.meetings.urls"))]
