from django.urls import path

from . import views

app_name = "scoring"
urlpatterns = [
    path("", views.latest_quarter, name="latest"),
    path("units/<int:unit_id>/", views.unit_latest, name="unit_latest"),
    path("<int:year>/q<int:quarter>/", views.quarter_table, name="quarter"),
    path("<int:year>/q<int:quarter>/xlsx/", views.quarter_xlsx, name="quarter_xlsx"),
    path("<int:year>/q<int:quarter>/units/<int:unit_id>/", views.unit_quarter, name="unit_quarter"),
]
