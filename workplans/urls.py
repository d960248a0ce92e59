from django.urls import path

from . import ledger_views, plan_views, progress_views, review_views

app_name = "workplans"
urlpatterns = [
    path("", plan_views.index, name="index"),
    path("<int:year>/", plan_views.plan_detail, name="plan"),
    path("tasks/<int:pk>/", plan_views.task_detail, name="task"),
    path("parties/<int:pk>/assign/", plan_views.party_assign, name="party_assign"),
    path("<int:year>/ledgers/", ledger_views.ledger_status, name="ledger_status"),
    path("<int:year>/ledgers/deadline/", ledger_views.ledger_deadline, name="ledger_deadline"),
    path("<int:year>/ledgers/export.xlsx", ledger_views.ledger_export, name="ledger_export"),
    path("<int:year>/ledgers/submit/", ledger_views.ledger_submit, name="ledger_submit"),
    path("<int:year>/ledgers/<int:unit_id>/", ledger_views.ledger_detail, name="ledger"),
    path("ledgers/<int:pk>/return/", ledger_views.ledger_return, name="ledger_return"),
    path("tasks/<int:pk>/ledger-rows/new/", ledger_views.ledger_row_add, name="ledger_row_add"),
    path("ledger-rows/<int:pk>/edit/", ledger_views.ledger_row_edit, name="ledger_row_edit"),
    path("ledger-rows/<int:pk>/delete/", ledger_views.ledger_row_delete, name="ledger_row_delete"),
    path("tasks/<int:pk>/progress/<str:period>/", progress_views.progress_report, name="progress_report"),
    path("progress/<int:pk>/file/", progress_views.evidence_file, name="evidence_file"),
    path("<int:year>/matrix/", progress_views.matrix, name="matrix"),
    path("<int:year>/matrix.xlsx", progress_views.matrix_export, name="matrix_export"),
    path("review/", review_views.review_latest, name="review_latest"),
    path("<int:year>/review/", review_views.review_page, name="review"),
    path("<int:year>/review/carry/", review_views.review_carry, name="review_carry"),
]
