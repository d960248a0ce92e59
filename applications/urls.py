from django.urls import path

from . import letter_views, office_views, views

app_name = "applications"
urlpatterns = [
    path("", office_views.index, name="index"),
    path("overview/", office_views.overview, name="overview"),
    path("units/<int:unit_id>/", views.register, name="register"),
    path("units/<int:unit_id>/new/", views.create, name="create"),
    path("units/<int:unit_id>/tables/", office_views.tables, name="tables"),
    path("units/<int:unit_id>/register.xlsx", office_views.export, name="export"),
    path("units/<int:unit_id>/upload/", office_views.upload, name="upload"),
    path("units/<int:unit_id>/upload/<str:token>/", office_views.upload_preview, name="upload_preview"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/do/<slug:action>/", views.act, name="act"),
    path("<int:pk>/consultations/<int:consultation_id>/delete/", views.consultation_delete, name="consultation_delete"),
    path("<int:pk>/appeals/<int:appeal_id>/", views.appeal_result, name="appeal_result"),
    path("<int:pk>/letter/", letter_views.letter, name="letter"),
    path("<int:pk>/letter.pdf", letter_views.letter_pdf, name="letter_pdf"),
    path("<int:pk>/letter.docx", letter_views.letter_docx, name="letter_docx"),
]
