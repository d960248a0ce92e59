from django.urls import path

from . import import_views, job_views, notification_views, views

app_name = "core"
urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("data/import/", import_views.import_upload, name="import_upload"),
    path("data/import/template/<str:kind>/", import_views.import_template, name="import_template"),
    path("data/import/<str:token>/", import_views.import_preview, name="import_preview"),
    path("jobs/", job_views.job_list, name="jobs"),
    path("jobs/<int:pk>/", job_views.job_detail, name="job"),
    path("jobs/<int:pk>/status/", job_views.job_status, name="job_status"),
    path("jobs/<int:pk>/download/", job_views.job_download, name="job_download"),
    path("jobs/<int:pk>/retry/", job_views.job_retry, name="job_retry"),
    path("notifications/", notification_views.notification_list, name="notifications"),
    path("notifications/read/", notification_views.notifications_read, name="notifications_read"),
]
