from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("notices/", views.notice_list, name="notices"),
    path("notices/new/", views.notice_create, name="notice_create"),
    path("notices/<int:pk>/", views.notice_edit, name="notice_edit"),
    path("notices/<int:pk>/draft.<fileformat:fmt>", views.notice_draft_file, name="notice_draft_file"),
    path("notices/<int:pk>/issue/", views.notice_issue, name="notice_issue"),
    path("notices/<int:pk>/issued/<int:number>.<fileformat:fmt>", views.issued_file, name="issued_file"),
]
