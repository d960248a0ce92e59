from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from scoring import views as scoring_views

admin.site.site_header = "临淄区政务公开考核系统 管理后台"
admin.site.site_title = "政务公开考核系统"
admin.site.index_title = "数据管理"

urlpatterns = [
    path("", scoring_views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("core.urls")),
    path("scores/", include("scoring.urls")),
    path("units/", include("units.urls")),
    path("data/", include("submissions.urls")),
    path("inspections/", include("inspections.urls")),
    path("applications/", include("applications.urls")),
    path("reports/", include("reports.urls")),
    path("annual/", include("annual_reports.urls")),
    path("workplans/", include("workplans.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("admin/", admin.site.urls),
]

# Uploaded files (rectification evidence, Excel uploads) are never served as public media:
# they are downloaded through views that check the user's permission.

handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
