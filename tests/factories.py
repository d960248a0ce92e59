import datetime
from decimal import Decimal

import factory

from inspections.models import Deduction, Finding, FindingTransition, InspectionRound, RectificationResponse
from inspections.reasons import deduction_kind
from reports.models import Notice
from scoring.models import RuleSet
from submissions.models import Article, MonthlyArticleTally, MonthlyPublication
from units.models import DemoSitePeriod, Unit, UnitAlias, User


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"区测试单位{n}")
    category = Unit.Category.DEPARTMENT
    sort_order = factory.Sequence(lambda n: n)


class UnitAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitAlias

    unit = factory.SubFactory(UnitFactory)
    name = factory.Sequence(lambda n: f"别名{n}")


class DemoSitePeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DemoSitePeriod

    unit = factory.SubFactory(UnitFactory)
    start = datetime.date(2020, 8, 1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    role = User.Role.OFFICE_STAFF
    password = factory.django.Password("pass-for-tests-1")


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonthlyPublication

    unit = factory.SubFactory(UnitFactory)
    year = 2020
    month = 7
    count = 10


class TallyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonthlyArticleTally

    unit = factory.SubFactory(UnitFactory)
    year = 2020
    month = 8
    submitted = 1


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"政务公开工作动态第{n}篇")
    received_on = datetime.date(2020, 8, 15)
    char_count = 800


class InspectionRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InspectionRound

    name = factory.Sequence(lambda n: f"第{n}次检查")
    year = 2020
    quarter = 3
    inspected_on = datetime.date(2020, 10, 10)


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    inspection = factory.SubFactory(InspectionRoundFactory)
    unit = factory.SubFactory(UnitFactory)
    category = Finding.Category.CATALOGUE
    description = "公开事项标准目录未上传"


class DeductionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deduction

    unit = factory.SubFactory(UnitFactory)
    year = 2020
    quarter = 3
    reason = "公开事项标准目录未上传"
    kind = factory.LazyAttribute(lambda deduction: deduction_kind(deduction.reason))  # as the services enter it
    points = Decimal("5")


def rules_2020() -> RuleSet:
    return RuleSet.objects.get(valid_from=datetime.date(2020, 1, 1))


# --- inspections: rectification workflow ---------------------------------------------------------


class RectificationResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RectificationResponse

    finding = factory.SubFactory(FindingFactory)
    text = "已按要求上传公开事项标准目录"


class FindingTransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FindingTransition

    finding = factory.SubFactory(FindingFactory)
    from_status = Finding.Status.PENDING
    to_status = Finding.Status.SUBMITTED


# --- submissions: data-entry pages -------------------------------------------------------------


class TownFactory(UnitFactory):
    """A town or street (镇街)."""

    name = factory.Sequence(lambda n: f"测试镇{n}")
    category = Unit.Category.TOWN


# --- reports: quarterly notices ------------------------------------------------------------------


class NoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notice

    year = 2024
    quarter = 4
    title = "通报"
    addressee = "各单位："
    basis = "依据"
    overview = "总体"
    problems = "问题"
    requirements = "要求"
    attachments = factory.LazyFunction(list)
    signature = "临淄区人民政府办公室"
    issue_date = datetime.date(2025, 1, 10)
