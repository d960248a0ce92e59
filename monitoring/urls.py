from django.urls import path

from . import column_views, crawl_views, proposal_views

app_name = "monitoring"
urlpatterns = [
    path("", column_views.index, name="index"),
    path("columns/", column_views.column_list, name="columns"),
    path("units/<int:unit_id>/", column_views.unit_detail, name="unit"),
    path("units/<int:unit_id>/columns/new/", column_views.column_add, name="column_add"),
    path("columns/<int:pk>/", column_views.column_detail, name="column"),
    path("columns/<int:pk>/edit/", column_views.column_edit, name="column_edit"),
    path("columns/<int:pk>/delete/", column_views.column_delete, name="column_delete"),
    path("crawl/", crawl_views.crawl_start, name="crawl"),
    path("crawls/", crawl_views.crawl_overview, name="crawls"),
    path("proposals/", proposal_views.proposal_list, name="proposals"),
    path("proposals/<int:pk>/", proposal_views.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/dismiss/", proposal_views.proposal_dismiss, name="proposal_dismiss"),
    path("counts/take/", proposal_views.counts_take, name="counts_take"),
]
