"""URLs of the hometown programme, under ``/people/hometown/`` (namespace
``mentors:hometown``)."""

from django.urls import path

from .views import appointments, roster

app_name = "hometown"

urlpatterns = [
    path("", roster.programmes, name="programmes"),
    path("offices/<int:pk>/roster/", roster.roster_list, name="roster"),
    path("offices/<int:pk>/roster/add/", roster.roster_add, name="roster_add"),
    path("offices/<int:pk>/roster/natives/", roster.roster_add_natives, name="roster_natives"),
    path("offices/<int:pk>/advisers/", appointments.register, name="register"),
    path("offices/<int:pk>/advisers/print/", appointments.register_print, name="register_print"),
    path("roster/<int:pk>/", roster.entry_detail, name="entry"),
    path("roster/<int:pk>/edit/", roster.entry_edit, name="entry_edit"),
    path("roster/<int:pk>/contacts/", roster.contact_add, name="contact_add"),
    path("roster/<int:pk>/appoint/", appointments.appoint, name="appoint"),
    path("appointments/<int:pk>/renew/", appointments.renew, name="renew"),
    path("appointments/<int:pk>/end/", appointments.end, name="end"),
]
