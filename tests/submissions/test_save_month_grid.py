"""The service behind the grid: one result per row, in order; only changed rows are written."""

import datetime

import pytest

from core.calendar import Month
from submissions.grid.selectors import GRID_FIELDS, GridValues
from submissions.models import MonthlyPublication
from submissions.selectors import version_of
from submissions.services.grid import CONFLICT, INVALID, SAVED, UNCHANGED, GridRowInput, month_grid_save
from tests.factories import PublicationFactory, UnitFactory

pytestmark = pytest.mark.django_db


EMPTY = GridValues()


def row(unit, *, original=EMPTY, values, publication=None):
    return GridRowInput(
        unit_id=unit.pk,
        loaded_publication=version_of(publication),
        loaded_tally="",
        original=original,
        values=values,
        posted=frozenset(GRID_FIELDS),
    )


def test_results_per_row(staff, other_staff):
    saved, unchanged, invalid, not_assessed, stale = (UnitFactory() for _ in range(5))
    not_assessed.assessed_from = datetime.date(2025, 1, 1)
    not_assessed.save()
    publication = PublicationFactory(unit=stale, year=2024, month=10, count=1)
    loaded = row(stale, original=GridValues(publications=1), values=GridValues(publications=2), publication=publication)
    MonthlyPublication.objects.filter(pk=publication.pk).update(
        updated_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC), count=3, updated_by=other_staff
    )

    results = month_grid_save(
        month=Month(2024, 10),
        acting_user=staff,
        rows=[
            row(saved, values=GridValues(publications=4)),
            row(unchanged, values=GridValues()),
            row(invalid, values=GridValues(submitted=1, non_compliant=2)),
            row(not_assessed, values=GridValues(publications=1)),
            loaded,
        ],
    )

    assert [(r.unit_id, r.status) for r in results] == [
        (saved.pk, SAVED),
        (unchanged.pk, UNCHANGED),
        (invalid.pk, INVALID),
        (not_assessed.pk, INVALID),
        (stale.pk, CONFLICT),
    ]
    assert results[0].written == ("publication",)
    assert results[2].errors == {"non_compliant": ["不合格件数不能大于投稿件数"]}
    assert results[3].errors == {"": ["该单位在2024年10月不在考核范围内，未保存"]}
    assert results[4].message == "该行已被李四于2025年1月1日 08:00修改为发布数3，请核对后重新保存"
    assert dict(MonthlyPublication.objects.values_list("unit_id", "count")) == {saved.pk: 4, stale.pk: 3}


def test_negative_numbers_are_refused_by_the_service_too(staff):
    unit = UnitFactory()

    (result,) = month_grid_save(
        month=Month(2024, 10), acting_user=staff, rows=[row(unit, values=GridValues(publications=-1))]
    )

    assert (result.status, result.errors) == (INVALID, {"publications": ["不能为负数"]})
    assert MonthlyPublication.objects.count() == 0
