"""Rule 7: the 减分情况 sentence of each unit, generated from its items."""

from decimal import Decimal

from scoring.engine import DeductionItem
from scoring.sentences import deduction_sentence


def item(reason, points):
    return DeductionItem(reason=reason, points=Decimal(points))


def test_several_items():
    assert (
        deduction_sentence("齐都镇", [item("公开事项标准目录未上传", "5"), item("8、9月份未投稿", "2")])
        == "齐都镇：公开事项标准目录未上传，减5分；8、9月份未投稿，减2分，共减7分。"
    )


def test_one_item():
    assert (
        deduction_sentence("皇城镇", [item("公开事项标准目录未上传", "5")])
        == "皇城镇：公开事项标准目录未上传，共减5分。"
    )
    assert deduction_sentence("齐陵街道", [item("9月份未投稿", "1")]) == "齐陵街道：9月份未投稿，共减1分。"


def test_half_points_print_without_trailing_zero():
    sentence = deduction_sentence(
        "区公路事业服务中心",
        [item("上传位置错误", "0.50"), item("内容表格混乱", "0.5"), item("9月份未投稿", "1.00")],
    )
    assert sentence == "区公路事业服务中心：上传位置错误，减0.5分；内容表格混乱，减0.5分；9月份未投稿，减1分，共减2分。"


def test_no_items_no_sentence():
    assert deduction_sentence("区民政局", []) == ""
