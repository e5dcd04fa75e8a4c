from django.urls import include, path

from .views import directory, imports, invitations, pairings, profiles, studios, taxonomy

app_name = "mentors"

urlpatterns = [
    path("", directory.mentor_list, name="mentor_list"),
    path("hometowns/", directory.hometown_list, name="hometown_list"),
    path("hometown/", include("mentors.hometown.urls")),
    path("mentees/", directory.mentee_list, name="mentee_list"),
    path("organisations/", directory.organization_list, name="organization_list"),
    path("experts/new/", profiles.mentor_create, name="mentor_create"),
    path("experts/<int:pk>/", profiles.mentor_detail, name="mentor_detail"),
    path("experts/<int:pk>/edit/", profiles.mentor_edit, name="mentor_edit"),
    path("mentees/new/", profiles.mentee_create, name="mentee_create"),
    path("mentees/<int:pk>/", profiles.mentee_detail, name="mentee_detail"),
    path("mentees/<int:pk>/edit/", profiles.mentee_edit, name="mentee_edit"),
    path("organisations/<int:pk>/", profiles.organization_detail, name="organization_detail"),
    path("organisations/<int:pk>/edit/", profiles.organization_edit, name="organization_edit"),
    path("pairings/", pairings.my_pairings, name="my_pairings"),
    path("pairings/propose/", pairings.pairing_propose, name="pairing_propose"),
    path("pairings/<int:pk>/accept/", pairings.pairing_accept, name="pairing_accept"),
    path("pairings/<int:pk>/decline/", pairings.pairing_decline, name="pairing_decline"),
    path("pairings/<int:pk>/end/", pairings.pairing_end, name="pairing_end"),
    path("import/", imports.import_upload, name="import"),
    path("import/commit/", imports.import_commit, name="import_commit"),
    path("import/template/<slug:kind>.xlsx", imports.import_template, name="import_template"),
    path("offices/", invitations.held_offices, name="held_offices"),
    path("offices/<int:pk>/experts/", invitations.office_experts, name="office_experts"),
    path("offices/<int:pk>/experts/invite/", invitations.office_invite, name="office_invite"),
    path("offices/<int:pk>/experts/sheet/", invitations.office_sheet, name="office_sheet"),
    path("claim/<str:token>/", invitations.profile_claim, name="profile_claim"),
    path("offices/<int:pk>/studios/", studios.office_studios, name="office_studios"),
    path("studios/<int:pk>/", studios.studio_detail, name="studio"),
    path("taxonomy/", taxonomy.taxonomy, name="taxonomy"),
    path("taxonomy/<slug:kind>/add/", taxonomy.taxonomy_add, name="taxonomy_add"),
    path("taxonomy/<slug:kind>/<int:pk>/edit/", taxonomy.taxonomy_edit, name="taxonomy_edit"),
    path("taxonomy/<slug:kind>/<int:pk>/delete/", taxonomy.taxonomy_delete, name="taxonomy_delete"),
]
