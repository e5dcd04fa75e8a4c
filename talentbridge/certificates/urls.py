"""An office's certificate pages, under ``/offices/<pk>/certificates/``."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.certificate_list, name="certificate_list"),
    path("new/", views.certificate_create, name="certificate_create"),
    path("print/", views.certificate_print, name="certificate_print"),
    path("<int:certificate_pk>/", views.certificate_detail, name="certificate_detail"),
    path("<int:certificate_pk>/issue/", views.certificate_issue, name="certificate_issue"),
    path("<int:certificate_pk>/revoke/", views.certificate_revoke, name="certificate_revoke"),
    path("<int:certificate_pk>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("templates/", views.template_list, name="certificate_templates"),
    path("templates/<str:kind>/", views.template_edit, name="certificate_template_edit"),
    path("templates/<str:kind>/seal/", views.template_seal, name="certificate_template_seal"),
    path("templates/<str:kind>/sample/", views.template_sample, name="certificate_template_sample"),
]
