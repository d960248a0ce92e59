from django.urls import path

from . import views
from .grid import quarter_views
from .grid import views as grid_views

app_name = "submissions"
urlpatterns = [
    path("grid/", grid_views.grid_index, name="grid_index"),
    path("grid/<int:year>/<int:month>/", grid_views.grid, name="grid"),
    path("grid/<int:year>/q<int:quarter>/", quarter_views.grid_quarter, name="grid_quarter"),
    path("articles/", views.article_list, name="articles"),
    path("articles/add/", views.article_add, name="article_add"),
    path("articles/<int:pk>/edit/", views.article_edit, name="article_edit"),
]
