"""Stage tests: the vocabulary (one pass over a sentence) and the subject's indicator."""

from __future__ import annotations

from ingest.prose.figures import find_figures
from ingest.prose.subject import core_span, indicator_of
from ingest.prose.vocabulary import Indicator, Vocabulary, default_vocabulary, fold


def test_every_alias_found_in_one_pass_as_whole_words():
    vocab = Vocabulary(
        {"retail_sales": Indicator("retail_sales", "vnd", "level", None, "tỷ đồng"),
         "trade_exports": Indicator("trade_exports", "usd", "level", None, "triệu USD")},
        [("retail_sales", "Tổng mức bán lẻ hàng hóa"), ("trade_exports", "xuất khẩu")],
    )
    text = fold("Tổng mức bán lẻ hàng hoá tăng; kim ngạch xuất khẩu; nhập  xuất khẩu; xuất khẩuu")
    found = [(m.alias.code, text[m.start:m.end]) for m in vocab.find(text)]
    assert found == [("retail_sales", "tổng mức bán lẻ hàng hoá"), ("trade_exports", "xuất khẩu"), ("trade_exports", "xuất khẩu")]


def test_the_nearest_fitting_alias_names_the_indicator():
    vocab = default_vocabulary()
    text = "Tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 638,706 triệu USD"
    fig = find_figures(text)[0]
    assert indicator_of(vocab, text[: fig.start], fig, "value", None)[0] == "trade_total"
    text = "Thu ngân sách trên địa bàn đạt 3.085.050 triệu đồng"
    fig = find_figures(text)[0]
    code, subject, term = indicator_of(vocab, text[: fig.start], fig, "value", None)
    assert (code, subject, term) == ("budget_revenue", "Thu ngân sách trên địa bàn", "Thu ngân sách trên địa bàn")


def test_a_subject_the_seeds_name_as_no_indicator_is_not_coded():
    """Thừa Thiên Huế, 7 months 2018: guests of accommodation establishments are not the province's tourists."""
    vocab = default_vocabulary()
    text = "Tổng lượt khách lưu trú ước đạt 1.274,8 nghìn lượt"
    fig = find_figures(text)[0]
    assert indicator_of(vocab, text[: fig.start], fig, "value", None) == (None, "Tổng lượt khách lưu trú", "lượt khách lưu trú")
    text = "Trong 7 tháng năm 2018, tổng lượt khách đến tỉnh ước đạt 2.792,2 nghìn lượt"
    fig = find_figures(text)[0]
    assert indicator_of(vocab, text[: fig.start], fig, "value", None)[0] == "tourists"


def test_the_subject_core_leaves_out_connectives_and_verbs():
    region = "trong đó Tổng mức bán lẻ hàng hóa ước đạt "
    a, b = core_span(region)
    assert region[a:b] == "Tổng mức bán lẻ hàng hóa"
