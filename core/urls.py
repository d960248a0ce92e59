from django.urls import path

from . import import_views

app_name = "core"
urlpatterns = [
    path("data/import/", import_views.import_upload, name="import_upload"),
    path("data/import/template/<str:kind>/", import_views.import_template, name="import_template"),
    path("data/import/<str:token>/", import_views.import_preview, name="import_preview"),
]
