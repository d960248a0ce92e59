from django.urls import path

from . import views

app_name = "submissions"
urlpatterns = [
    path("grid/", views.grid_index, name="grid_index"),
    path("grid/<int:year>/<int:month>/", views.grid, name="grid"),
    path("import/", views.import_upload, name="import"),
    path("import/<str:token>/", views.import_preview, name="import_preview"),
    path("articles/", views.article_list, name="articles"),
    path("articles/add/", views.article_add, name="article_add"),
    path("articles/<int:pk>/edit/", views.article_edit, name="article_edit"),
]
