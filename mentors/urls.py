from django.urls import path

from . import views, views_taxonomy

app_name = "mentors"

urlpatterns = [
    path("", views.mentor_list, name="mentor_list"),
    path("hometowns/", views.hometown_list, name="hometown_list"),
    path("experts/new/", views.mentor_create, name="mentor_create"),
    path("experts/<int:pk>/", views.mentor_detail, name="mentor_detail"),
    path("experts/<int:pk>/edit/", views.mentor_edit, name="mentor_edit"),
    path("mentees/", views.mentee_list, name="mentee_list"),
    path("mentees/new/", views.mentee_create, name="mentee_create"),
    path("mentees/<int:pk>/", views.mentee_detail, name="mentee_detail"),
    path("mentees/<int:pk>/edit/", views.mentee_edit, name="mentee_edit"),
    path("organisations/", views.organization_list, name="organization_list"),
    path("organisations/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("organisations/<int:pk>/edit/", views.organization_edit, name="organization_edit"),
    path("pairings/", views.my_pairings, name="my_pairings"),
    path("pairings/propose/", views.pairing_propose, name="pairing_propose"),
    path("pairings/<int:pk>/accept/", views.pairing_accept, name="pairing_accept"),
    path("pairings/<int:pk>/decline/", views.pairing_decline, name="pairing_decline"),
    path("pairings/<int:pk>/end/", views.pairing_end, name="pairing_end"),
    path("import/", views.import_upload, name="import"),
    path("import/commit/", views.import_commit, name="import_commit"),
    path("import/template/<slug:kind>.xlsx", views.import_template, name="import_template"),
    path("export/<slug:kind>.<slug:fmt>", views.export, name="export"),
]

urlpatterns += [
    path("taxonomy/", views_taxonomy.taxonomy, name="taxonomy"),
    path("taxonomy/<slug:kind>/add/", views_taxonomy.taxonomy_add, name="taxonomy_add"),
    path("taxonomy/<slug:kind>/<int:pk>/edit/", views_taxonomy.taxonomy_edit, name="taxonomy_edit"),
    path(
        "taxonomy/<slug:kind>/<int:pk>/delete/",
        views_taxonomy.taxonomy_delete,
        name="taxonomy_delete",
    ),
]
