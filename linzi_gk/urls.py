from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from scoring import views as scoring_views

from . import views

admin.site.site_header = "临淄区政务公开考核系统 管理后台"
admin.site.site_title = "政务公开考核系统"
admin.site.index_title = "数据管理"

urlpatterns = [
    path("", scoring_views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("scores/", include("scoring.urls")),
    path("units/", include("units.urls")),
    path("data/", include("submissions.urls")),
    path("inspections/", include("inspections.urls")),
    path("reports/", include("reports.urls")),
    path("history/", views.history, name="history"),
    path("admin/", admin.site.urls),
]

# Uploaded files (rectification evidence, Excel uploads) are never served as public media:
# they are downloaded through views that check the user's permission.

handler403 = "linzi_gk.views.permission_denied"
handler404 = "linzi_gk.views.page_not_found"
