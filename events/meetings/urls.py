"""URLs of matchmaking days, under ``/events/<pk>/meetings/`` (namespace
``events:meetings``)."""

from django.urls import path

from .views import organizer, outcomes, participant, tables

app_name = "meetings"

urlpatterns = [
    path("<int:pk>/meetings/", participant.home, name="home"),
    path("<int:pk>/meetings/profile/", participant.profile_edit, name="profile"),
    path("<int:pk>/meetings/availability/", participant.availability, name="availability"),
    path("<int:pk>/meetings/people/", participant.people, name="people"),
    path("<int:pk>/meetings/people/<int:profile_id>/", participant.person, name="person"),
    path(
        "<int:pk>/meetings/requests/<int:request_id>/<slug:action>/",
        participant.answer,
        name="answer",
    ),
    path("<int:pk>/meetings/agenda/", participant.agenda, name="agenda"),
    path("<int:pk>/meetings/agenda.ics", participant.agenda_ics, name="agenda_ics"),
    path("<int:pk>/meetings/<int:meeting_id>/follow-up/", participant.follow_up, name="follow_up"),
    path(
        "<int:pk>/meetings/follow-ups/<int:follow_up_id>/outcome/",
        outcomes.outcome,
        name="follow_up_outcome",
    ),
    # The organizer's.
    path("<int:pk>/meetings/setup/", organizer.setup, name="setup"),
    path(
        "<int:pk>/meetings/setup/<slug:what>/<int:row_id>/delete/",
        organizer.remove,
        name="remove",
    ),
    path("<int:pk>/meetings/requests/", organizer.requests_overview, name="requests"),
    path("<int:pk>/meetings/schedule/", organizer.schedule, name="schedule"),
    path("<int:pk>/meetings/schedule/run/", organizer.schedule_run, name="schedule_run"),
    path("<int:pk>/meetings/schedule/late/", organizer.schedule_late, name="schedule_late"),
    path("<int:pk>/meetings/<int:meeting_id>/move/", organizer.meeting_move, name="meeting_move"),
    path("<int:pk>/meetings/<int:meeting_id>/lock/", organizer.meeting_lock, name="meeting_lock"),
    # The table staff's.
    path("<int:pk>/meetings/tables/", tables.tables, name="tables"),
    path("<int:pk>/meetings/tables/<int:table_id>/", tables.tables, name="table"),
    path("<int:pk>/meetings/<int:meeting_id>/no-show/", tables.no_show, name="no_show"),
]
