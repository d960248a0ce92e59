"""Writes of column freshness: the columns, a crawl's record and proposals, the staff's decisions."""

from .columns import column_create, column_delete, column_update, columns_import
from .crawling import columns_crawl
from .decisions import (
    count_proposal_accept,
    count_proposals_accept_month,
    finding_proposal_confirm,
    finding_proposal_dismiss,
)

__all__ = [
    "column_create",
    "column_delete",
    "column_update",
    "columns_crawl",
    "columns_import",
    "count_proposal_accept",
    "count_proposals_accept_month",
    "finding_proposal_confirm",
    "finding_proposal_dismiss",
]
