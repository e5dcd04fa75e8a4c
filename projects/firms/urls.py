"""Firm suggestions and matchmaking, under ``/boards/firms/`` (namespace ``projects``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("<int:pk>/experts/", views.firm_experts, name="firm_experts"),
    path("offices/<int:pk>/", views.matchmaking, name="firm_matchmaking"),
    path("offices/<int:pk>/plan/", views.matchmaking_plan, name="firm_matchmaking_plan"),
    path(
        "matches/<int:pk>/accept/",
        views.match_decide,
        {"action": "accept"},
        name="firm_match_accept",
    ),
    path(
        "matches/<int:pk>/decline/",
        views.match_decide,
        {"action": "decline"},
        name="firm_match_decline",
    ),
]
