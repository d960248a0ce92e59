"""The 未投稿 deduction is a kind stored on the deduction: read from the wording once, when the
office enters it (by hand, with a finding or by import), and from then on scoring goes by the kind;
existing rows were classified by a data migration."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from inspections.models import Deduction
from inspections.services import deduction_create
from scoring.selectors import quarter_scores
from tests.factories import TallyFactory, UnitFactory, UserFactory
from units.models import User

NO_SUBMISSION = Deduction.Kind.NO_SUBMISSION


@pytest.fixture
def unit(db):
    return UnitFactory(name="区商务局")


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("8、9月份未投稿", NO_SUBMISSION),
        ("9月 未投稿", NO_SUBMISSION),
        ("公开事项标准目录未上传", Deduction.Kind.OTHER),
        ("督促下属单位投稿，但8月份未投稿的原因未说明", Deduction.Kind.OTHER),
    ],
)
def test_the_kind_is_stored_when_the_office_enters_it(unit, reason, kind):
    deduction = deduction_create(unit=unit, year=2020, quarter=3, reason=reason, points=Decimal(1))

    assert Deduction.objects.get(pk=deduction.pk).kind == kind


def test_an_import_stores_the_kind_and_says_it_replaces_the_computed_one(unit, xlsx_file, capsys):
    path = xlsx_file([["单位", "事项", "减分"], ["区商务局", "标准目录未上传", 5], ["区商务局", "8、9月份未投稿", 2]])

    call_command("import_deductions", str(path), "--year", "2020", "--quarter", "3")

    kinds = dict(Deduction.objects.values_list("reason", "kind"))
    assert kinds == {"标准目录未上传": Deduction.Kind.OTHER, "8、9月份未投稿": NO_SUBMISSION}
    assert "提示：第3行 事项: “8、9月份未投稿”是未投稿减分" in capsys.readouterr().out


def test_scoring_goes_by_the_stored_kind_not_the_wording(unit):
    TallyFactory(unit=unit, month=7, submitted=1)  # no article in August and September
    office = UserFactory(role=User.Role.OFFICE_STAFF)
    entered = deduction_create(
        unit=unit, year=2020, quarter=3, reason="8、9月份未投稿", points=Decimal(2), acting_user=office
    )
    Deduction.objects.filter(pk=entered.pk).update(kind=Deduction.Kind.OTHER)

    row = quarter_scores(year=2020, quarter=3).for_unit(unit.pk)

    # Of kind 其他 it replaces nothing, so the computed item stands beside it, word for word.
    assert [(i.reason, i.points, i.automatic) for i in row.deduction_items] == [
        ("8、9月份未投稿", Decimal("2"), False),
        ("8、9月份未投稿", Decimal("2"), True),
    ]
    Deduction.objects.filter(pk=entered.pk).update(kind=NO_SUBMISSION)

    row = quarter_scores(year=2020, quarter=3).for_unit(unit.pk)

    assert [(i.reason, i.automatic) for i in row.deduction_items] == [("8、9月份未投稿", False)]


@pytest.mark.django_db(transaction=True)
def test_the_migration_classifies_the_rows_already_stored():
    executor = MigrationExecutor(connection)
    before = [("inspections", "0004_bounds")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    unit = UnitFactory(name="区商务局")  # the units table as it is now
    old_deduction = old.get_model("inspections", "Deduction")
    for reason in ("8、9月份未投稿", "公开事项标准目录未上传", "9 月份未投稿"):
        old_deduction.objects.create(unit_id=unit.pk, year=2020, quarter=3, reason=reason, points=Decimal(1))

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # 0005_deduction_kind and whatever follows

    assert dict(Deduction.objects.values_list("reason", "kind")) == {
        "8、9月份未投稿": NO_SUBMISSION,
        "公开事项标准目录未上传": Deduction.Kind.OTHER,
        "9 月份未投稿": NO_SUBMISSION,
    }
