from django.urls import path

from . import views

app_name = "units"
urlpatterns = [
    path("", views.unit_list, name="list"),
    path("history/", views.history, name="history"),
    path("lockouts/", views.lockout_list, name="lockouts"),
    path("aliases/add/", views.alias_add, name="alias_add"),
]
