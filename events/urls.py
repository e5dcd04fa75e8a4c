from django.urls import path

from . import views, views_plan, views_stats

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("mine/", views.my_events, name="mine"),
    path("new/", views.event_create, name="create"),
    path("tickets/<str:code>/", views.ticket, name="ticket"),
    path("tickets/<str:code>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/calendar.ics", views.calendar, name="calendar"),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/edit/", views.event_edit, name="edit"),
    path("<int:pk>/status/", views.event_status, name="status"),
    path("<int:pk>/manage/", views.event_manage, name="manage"),
    path("<int:pk>/categories/new/", views.category_add, name="category_add"),
    path("<int:pk>/categories/<int:category_id>/", views.category_edit, name="category_edit"),
    path("<int:pk>/questions/new/", views.question_add, name="question_add"),
    path("<int:pk>/agenda/new/", views.session_add, name="session_add"),
    path("<int:pk>/postings/", views.postings, name="postings"),
    path("<int:pk>/postings/link/", views.posting_link, name="posting_link"),
    path("<int:pk>/postings/<int:link_id>/", views.posting_update, name="posting_update"),
    path("<int:pk>/registrations/", views.registration_list, name="registrations"),
    path(
        "<int:pk>/registrations/<int:registration_id>/<str:decision>/",
        views.registration_decide,
        name="registration_decide",
    ),
    path("<int:pk>/checkin/", views.checkin, name="checkin"),
    path("<int:pk>/checkin/search/", views.checkin_search, name="checkin_search"),
    path("<int:pk>/checkin/counters/", views.checkin_counters, name="checkin_counters"),
    path("<int:pk>/badges/<int:category_id>/", views.badges, name="badges"),
    path("<int:pk>/ceremony/", views.ceremony_builder, name="ceremony"),
    path("<int:pk>/ceremony/fill/", views.ceremony_fill, name="ceremony_fill"),
    path("<int:pk>/ceremony/add/", views.ceremony_add, name="ceremony_add"),
    path("<int:pk>/ceremony/pairs/<int:pair_id>/", views.ceremony_move, name="ceremony_move"),
    path("<int:pk>/ceremony/console/", views.console, name="console"),
    path("<int:pk>/ceremony/screen", views.screen, name="screen"),
    path("<int:pk>/ceremony/screen/state", views.screen_state, name="screen_state"),
    path("<int:pk>/ceremony/live/", views.audience, name="audience"),
    path("<int:pk>/ceremony/live/state", views.audience_state, name="audience_state"),
]

# Statistics, reports and exports.
urlpatterns += [
    path("stats/", views_stats.stats_overview, name="stats_overview"),
    path("stats/exports/", views_stats.export_log, name="export_log"),
    path("stats/export/<slug:dataset>.<str:fmt>", views_stats.export, name="platform_export"),
    path("stats/jobs/<str:token>/", views_stats.export_job, name="export_job"),
    path(
        "stats/jobs/<str:token>/progress/",
        views_stats.export_job_progress,
        name="export_job_progress",
    ),
    path("stats/jobs/<str:token>/download/", views_stats.export_download, name="export_download"),
    path("<int:pk>/stats/", views_stats.event_stats, name="stats"),
    path("<int:pk>/report/", views_stats.event_report, name="report"),
    path("<int:pk>/report.docx", views_stats.event_report_docx, name="report_docx"),
    path("<int:pk>/export/<slug:dataset>.<str:fmt>", views_stats.export, name="export"),
]

# The pairing plan.
urlpatterns += [
    path("<int:pk>/plan/", views_plan.plan_page, name="plan"),
    path("<int:pk>/plan/decide/", views_plan.plan_decide, name="plan_decide"),
    path("<int:pk>/plan/accept/", views_plan.plan_accept, name="plan_accept"),
]
