"""Data versions per kind of data (core.versioning): a ledger entry or an annual-report save keeps
the quarter's scores; a grid save recomputes only the rows of the units it changed, then every rank;
a value about one unit outlives changes of the others; ``data_changed()`` without kinds still means
that anything may have changed."""

import pytest
from django.core.cache import cache
from django.db import transaction

from annual_reports.services import report_save, report_year_open
from core import versioning
from core.versioning import SCORES, Kind, data_changed, versioned
from scoring import selectors
from scoring.selectors import quarter_scores, quarter_scores_current
from scoring.services import rule_sets_ensure_shipped
from submissions.services.articles import publication_count_set
from tests.core.test_versioning import populate
from tests.factories import UserFactory
from tests.submissions.helpers import form_fields, grid_url
from tests.workplans.helpers import make_plan, make_task
from units.models import Unit, User
from workplans.services import ledger_row_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_computations(monkeypatch):
    """Every time all units' scores are computed (not updated)."""
    calls = []

    def spy(**kwargs):
        calls.append(kwargs)
        return quarter_scores(**kwargs)

    monkeypatch.setattr(selectors, "quarter_scores", spy)
    return calls


def scores():
    return quarter_scores_current(year=2020, quarter=3)


def test_a_ledger_entry_and_an_annual_report_save_keep_the_scores(
    cached, staff, django_assert_num_queries, full_computations
):
    unit = populate(2)[0]
    unit_user = UserFactory(username="unit-user", role=User.Role.UNIT_USER, unit=unit)
    kept = scores()
    plan = make_plan()
    task = make_task(plan, 1, [unit])

    ledger_row_add(task=task, unit=unit, acting_user=unit_user, measure="按季度公开进展", time_limit="每季度末")
    report_year = report_year_open(year=2024, acting_user=staff)
    report_save(report_year=report_year, unit=unit, acting_user=unit_user, typed={}, texts={"problems": "无。"})

    with django_assert_num_queries(0):
        assert scores() is kept
    assert len(full_computations) == 1


def grid_save(client, unit: Unit, count: int) -> None:
    """The July figure of ``unit`` saved through the month grid page."""
    url = grid_url(2020, 7)
    fields = form_fields(client.get(url).content.decode())
    fields[f"u{unit.pk}-pub"] = str(count)
    assert client.post(url, fields).status_code == 302


def test_a_grid_save_recomputes_its_units_rows_then_every_rank(cached, client, staff, full_computations):
    units = populate(3)
    client.force_login(staff)
    before = scores()
    assert [row.rank for row in before.rows] == [1, 1, 1]

    grid_save(client, units[1], count=1)  # 0.5 point instead of 3.5: last
    after = scores()

    assert len(full_computations) == 1  # the first computation only: then the one row, and the ranks
    fresh = quarter_scores(year=2020, quarter=3)
    assert [(row.unit_id, row.total, row.rank) for row in after.rows] == [
        (row.unit_id, row.total, row.rank) for row in fresh.rows
    ]
    assert {row.unit_id: row.rank for row in after.rows}[units[1].pk] == 3
    assert [row.rank for row in before.rows] == [1, 1, 1]  # the value kept before is left as it was


def test_a_value_about_one_unit_outlives_changes_of_the_others(cached, client, staff):
    units = populate(2)
    client.force_login(staff)
    computed = []

    def trend(unit: Unit):
        def compute():
            computed.append(unit.pk)
            return unit.pk

        return versioned(("trend", unit.pk), compute, kinds=SCORES, units=lambda _: (unit.pk,))

    trend(units[0]), trend(units[1])
    grid_save(client, units[1], count=1)
    trend(units[0]), trend(units[1])

    assert computed == [units[0].pk, units[1].pk, units[1].pk]


def test_readers_of_other_kinds_keep_their_values_and_data_changed_without_kinds_renews_all(cached):
    computed = []

    def read(kinds):
        return versioned(("read", kinds), lambda: computed.append(kinds) or len(computed), kinds=kinds)

    figures, notices = (Kind.FIGURES,), (Kind.NOTICES,)
    read(figures), read(notices)
    data_changed(Kind.NOTICES)
    read(figures), read(notices)
    data_changed()
    read(figures), read(notices)

    assert computed == [figures, notices, notices, figures, notices]


def test_a_change_is_counted_for_every_process_once_it_commits(cached, django_capture_on_commit_callbacks):
    """The writing process reads afresh at once; the others (the counters in the cache) only once
    the transaction commits: they never recompute from data not yet committed."""
    before = versioning.data_version(SCORES)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        data_changed(Kind.FIGURES, units=[7])
        during = versioning.data_version(SCORES)
    after = versioning.data_version(SCORES)

    assert len(callbacks) == 1
    assert during.counters == before.counters and during.mine != before.mine
    assert dict(after.counters)[Kind.FIGURES] == dict(before.counters)[Kind.FIGURES] + 1


def test_two_writers_on_one_number_renew_everything(cached, monkeypatch, django_capture_on_commit_callbacks):
    """A cache whose counters are not atomic (the embedded file cache) may give two writers the same
    number: the second cannot record its units there, so everything is computed afresh."""
    updates = []
    kept = versioned(("scores",), lambda: "first", kinds=SCORES, update=lambda value, units: updates.append(units))
    monkeypatch.setattr(cache, "incr", lambda key, delta=1: 10**9)
    with django_capture_on_commit_callbacks(execute=True):
        data_changed(Kind.FIGURES, units=[1])
        data_changed(Kind.FIGURES, units=[2])

    assert versioned(("scores",), lambda: "again", kinds=SCORES, update=lambda value, units: updates.append(units)) == (
        "again"
    )
    assert kept == "first"
    assert updates == []


class RolledBack(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_what_a_writing_transaction_read_is_not_kept_after_it_is_rolled_back(cached, staff):
    """Scores read inside a writing transaction see its writes; once it is rolled back they are
    computed again, from the data as it stayed."""
    rule_sets_ensure_shipped()  # a transactional test starts from an emptied database
    unit = populate(2)[0]
    assert scores().for_unit(unit.pk).figures[0].publications == 7

    with pytest.raises(RolledBack), transaction.atomic():
        publication_count_set(unit=unit, year=2020, month=7, count=1, acting_user=staff)
        assert scores().for_unit(unit.pk).figures[0].publications == 1
        raise RolledBack

    assert scores().for_unit(unit.pk).figures[0].publications == 7
