from django.urls import path

from . import views

app_name = "inspections"
urlpatterns = [
    path("", views.round_list, name="round_list"),
    path("rounds/new/", views.round_create, name="round_create"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/findings/new/", views.finding_create, name="finding_create"),
    path("findings/", views.review_list, name="review_list"),
    path("findings/<int:pk>/", views.finding_detail, name="finding_detail"),
    path("findings/<int:pk>/edit/", views.finding_edit, name="finding_edit"),
    path("findings/<int:pk>/respond/", views.finding_respond, name="finding_respond"),
    path("findings/<int:pk>/accept/", views.finding_accept, name="finding_accept"),
    path("findings/<int:pk>/return/", views.finding_return, name="finding_return"),
    path("responses/<int:pk>/file/", views.response_file, name="response_file"),
    path("mine/", views.my_findings, name="my_findings"),
]
