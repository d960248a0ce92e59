"""内容雷同: a section nearly identical to the unit's own last year or to another unit's this year."""

import random

from annual_reports.overviews import report_similarities, year_overview
from annual_reports.services import report_save
from annual_reports.similarity import bigrams, dice, shingled, similar_sections
from tests.factories import UnitFactory

TEXT = (
    "一是需进一步提高信息发布的及时性、全面性。部分栏目的信息对照《条例》《临淄区主动公开基本目录》要求，"
    "还存在公开要素不全、公开内容不及时等问题。二是政务公开的创新力不足，发布信息的浏览量和关注度不高。"
)
OTHER = (
    "今年依申请公开办理量明显增加，我们建立了会商机制，对疑难申请逐件研究答复口径，并加强与申请人的沟通，"
    "推动合理诉求实质性解决，全年未发生行政复议和行政诉讼案件，办理质效稳步提升。"
)


def test_identical_and_unrelated_texts():
    assert dice(bigrams(TEXT), bigrams(TEXT)) == 1.0
    assert dice(bigrams(TEXT), bigrams(OTHER)) < 0.3
    assert bigrams("本年度未收取信息处理费。") == frozenset()


def test_a_copied_section_with_a_few_words_changed_is_flagged_with_its_score():
    copied = TEXT.replace("二是", "二则是").replace("不高", "仍然不高")
    found = similar_sections(shingled({"problems": copied}), [("区商务局2024年报告", shingled({"problems": TEXT}))])
    assert [(s.section, s.other) for s in found] == [("problems", "区商务局2024年报告")]
    assert (
        found[0].message
        == f"内容雷同：“五、存在的主要问题及改进情况”与区商务局2024年报告的同一部分相似度{found[0].percent}%。"
    )
    assert 85 <= found[0].percent < 100


def test_report_page_warns_of_own_last_year_and_other_units(year_2023, year_2024, renshe, renshe_user, staff):
    shangwu = UnitFactory(name="区商务局")
    report_save(report_year=year_2023, unit=renshe, acting_user=renshe_user, texts={"problems": TEXT})
    report_save(report_year=year_2024, unit=shangwu, acting_user=None, texts={"overview_active": OTHER})
    outcome = report_save(
        report_year=year_2024, unit=renshe, acting_user=renshe_user, texts={"problems": TEXT, "overview_active": OTHER}
    )
    previous = outcome.report.__class__.objects.get(report_year=year_2023)
    assert [s.message for s in report_similarities(outcome.report, previous)] == [
        "内容雷同：“（一）主动公开”与区商务局2024年报告的同一部分相似度100%。",
        "内容雷同：“五、存在的主要问题及改进情况”与本单位2023年报告的同一部分相似度100%。",
    ]


def _distinct(index: int) -> str:
    """A text of the same characters as OTHER in another order: nothing copied."""
    return "".join(random.Random(index).sample(OTHER, len(OTHER)))


def test_year_overview_flags_copies_in_constant_queries(year_2024, django_assert_max_num_queries, today):
    for index in range(12):
        unit = UnitFactory(name=f"区测试局{index}", sort_order=index)
        text = TEXT if index < 2 else _distinct(index)
        report_save(report_year=year_2024, unit=unit, acting_user=None, texts={"other": text})
    with django_assert_max_num_queries(3):
        rows = year_overview(year_2024, today=today)
    assert [(r.unit.name, r.top_similarity.other, r.top_similarity.percent) for r in rows if r.similar] == [
        ("区测试局0", "区测试局12024年报告", 100),
        ("区测试局1", "区测试局02024年报告", 100),
    ]
