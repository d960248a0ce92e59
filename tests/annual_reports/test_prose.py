"""The 总体情况 sentences come from the tables as seed 002 writes them; numbers in the text that
contradict the tables are flagged."""

from annual_reports.layout import complete, typed_keys
from annual_reports.prose import request_sentences, shares, text_warnings

from .seed import OVERVIEW_REQUESTS_2024


def last_year(new: int) -> dict:
    values = complete({})
    values["new.total"] = new
    return values


def test_seed_002_sentences_are_generated_exactly(seed_values):
    assert request_sentences(seed_values, year=2024, previous=last_year(27)) == OVERVIEW_REQUESTS_2024


def test_without_last_year_there_is_no_change_on_last_year(seed_values):
    text = request_sentences(seed_values, year=2024)
    assert text.startswith(
        "2024年共收到政府信息公开申请12件。作出政府信息公开申请答复14件（含上年结转2件），其中予以公开5件"
    )


def test_percentages_are_cut_and_the_last_category_takes_the_rest(seed_values):
    assert [(label, count, str(p)) for label, count, p in shares(seed_values)] == [
        ("予以公开", 5, "35.71"),
        ("部分公开", 6, "42.85"),
        ("不予公开", 0, "0.00"),
        ("无法提供", 3, "21.44"),
    ]


def test_not_processed_and_cases_are_named_when_there_are_any(seed_values):
    values = {key: seed_values[key] for key in typed_keys()}
    values.update(
        {"new.natural": 13, "not_processed_2.natural": 1, "cases.review_upheld": 1, "cases.direct_pending": 2}
    )
    text = request_sentences(complete(values), year=2024, previous=last_year(13))
    assert "收到政府信息公开申请13件，与上年持平。" in text
    assert "无法提供3件，占20%，不予处理1件，占6.67%；" in text
    assert text.endswith("因政府信息公开被申请行政复议1件，提起行政诉讼2件。")


def test_carried_requests_are_said_to_be_answered_only_when_none_is_carried_on(seed_values):
    values = {key: seed_values[key] for key in typed_keys()}
    values.update({"granted.natural": values["granted.natural"] - 1, "pending.natural": 1})
    text = request_sentences(complete(values), year=2024)
    assert text.startswith("2024年共收到政府信息公开申请12件，另有上年结转申请2件。作出政府信息公开申请答复13件，其中")
    assert "含上年结转" not in text
    assert text.endswith("；结转下年度继续办理1件。未因政府信息公开被申请行政复议、提起行政诉讼。")
    assert text_warnings({"overview_requests": text}, complete(values), None) == []


def test_increase_on_last_year(seed_values):
    assert "同比上升50%" in request_sentences(seed_values, year=2024, previous=last_year(8))


def test_incomplete_tables_give_no_sentences():
    assert request_sentences(complete({"new.natural": 1}), year=2024) == ""


def test_text_that_agrees_with_the_tables_has_no_warning(seed_values):
    texts = {"overview_requests": OVERVIEW_REQUESTS_2024, "overview_management": "规范性文件现行有效9件。"}
    assert text_warnings(texts, seed_values, last_year(27)) == []


def test_a_count_that_contradicts_the_tables(seed_values):
    texts = {"overview_requests": OVERVIEW_REQUESTS_2024.replace("予以公开5件", "予以公开6件")}
    warnings = text_warnings(texts, seed_values, last_year(27))
    assert [w.message for w in warnings] == [
        "文字中的数字应与表格一致：“（二）依申请公开”写“予以公开6件”，表格中（一）予以公开“总计”为5件。",
        "文字中的数字应与表格一致：“（二）依申请公开”写“予以公开6件，占35.71%”，6件占答复总数14件的42.85%。",
    ]
    assert warnings[0].cells == ("granted.total",)
    assert all(w.level == "warning" for w in warnings)


def test_documents_in_force_and_change_on_last_year(seed_values):
    texts = {
        "overview_management": "区政府、区政府办公室规范性文件现行有效8件。",
        "overview_requests": OVERVIEW_REQUESTS_2024,
    }
    assert [w.message for w in text_warnings(texts, seed_values, last_year(20))] == [
        "文字中的数字应与表格一致：“（二）依申请公开”写“收到政府信息公开申请12件，同比下降55.55%”，上年收到申请20件，本年12件，同比下降40%。",
        "文字中的数字应与表格一致：“（三）政府信息管理”写“规范性文件现行有效8件”，表格中行政规范性文件“现行有效件数”为9件。",
    ]


def test_no_cases_sentence_contradicted_by_the_tables(seed_values):
    values = dict(seed_values)
    values["cases.review_total"] = 1
    warnings = text_warnings({"overview_requests": OVERVIEW_REQUESTS_2024}, values, last_year(27))
    assert [w.message for w in warnings] == [
        "文字中的数字应与表格一致：“（二）依申请公开”写“未因政府信息公开被申请行政复议、提起行政诉讼”，表格中行政复议1件、行政诉讼0件。"
    ]


def test_full_width_digits_in_the_text_are_read(seed_values):
    warnings = text_warnings({"overview": "共收到申请１３件。"}, seed_values)
    assert [w.message for w in warnings] == [
        "文字中的数字应与表格一致：“一、总体情况（开头）”写“收到申请13件”，表格中一、本年新收政府信息公开申请数量“总计”为12件。"
    ]
