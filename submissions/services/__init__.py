"""Writes of the submissions app: single figures and articles, the imports, the month grid."""

from .articles import article_adoption_record, article_register, article_update, publication_count_set
from .grid import month_grid_save
from .imports import article_tallies_import, publications_import

__all__ = [
    "article_adoption_record",
    "article_register",
    "article_tallies_import",
    "article_update",
    "month_grid_save",
    "publication_count_set",
    "publications_import",
]
