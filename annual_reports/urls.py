from django.urls import path

from . import assessment_views, office_views, register_views, views

app_name = "annual_reports"
urlpatterns = [
    path("", office_views.index, name="index"),
    path("open/", office_views.year_open, name="year_open"),
    path("<int:year>/", office_views.year_page, name="year"),
    path("<int:year>/deadlines/", office_views.year_deadlines, name="year_deadlines"),
    path("<int:year>/template.xlsx", views.template_file, name="template"),
    path("<int:year>/units/<int:unit_id>/", views.report_page, name="report"),
    path("<int:year>/units/<int:unit_id>/report.<fileformat:fmt>", views.report_file, name="report_file"),
    path("<int:year>/units/<int:unit_id>/upload/", views.report_upload, name="upload"),
    path("<int:year>/units/<int:unit_id>/upload/<str:token>/", views.upload_preview, name="upload_preview"),
    path("<int:year>/units/<int:unit_id>/register/", register_views.register_source, name="register_source"),
    path("<int:year>/units/<int:unit_id>/finalise/", office_views.report_finalise, name="finalise"),
    path("<int:year>/units/<int:unit_id>/return/", office_views.report_return, name="return"),
    path("<int:year>/units/<int:unit_id>/correct/", office_views.report_correct, name="correct"),
    path("<int:year>/district/", views.district_page, name="district"),
    path("<int:year>/district/report.<fileformat:fmt>", views.district_file, name="district_file"),
    path("<int:year>/district/finalise/", office_views.report_finalise, name="district_finalise"),
    path("<int:year>/district/return/", office_views.report_return, name="district_return"),
    path("<int:year>/district/correct/", office_views.report_correct, name="district_correct"),
    path("assessment/", assessment_views.assessment_latest, name="assessment_latest"),
    path("<int:year>/assessment/", assessment_views.assessment, name="assessment"),
    path("<int:year>/assessment.<fileformat:fmt>", assessment_views.assessment_file, name="assessment_file"),
    path("<int:year>/assessment/adjustments/", assessment_views.adjustment_add, name="adjustment_add"),
    path(
        "<int:year>/assessment/adjustments/<int:pk>/remove/",
        assessment_views.adjustment_remove,
        name="adjustment_remove",
    ),
]
