"""Stage tests: sentences and clauses."""

from __future__ import annotations

from ingest.prose.layout import Text
from ingest.prose.sentences import comparison_spans, last_clause, right_basis, split_left_basis, split_sentences


def sentences_of(text: str) -> list[str]:
    body = Text()
    body.add(text, 0)
    return [text[a:b] for a, b in split_sentences(body)]


def test_sentences_end_at_a_stop_before_a_capital_not_after_an_abbreviation():
    text = ("Tổng mức bán lẻ hàng hóa tăng 12,25% so với cùng kỳ. Thu ngân sách trên địa bàn đạt 3.085.050 triệu đồng. "
            "Đoàn do TP. Cao Bằng chủ trì.")
    assert sentences_of(text) == [
        "Tổng mức bán lẻ hàng hóa tăng 12,25% so với cùng kỳ.",
        "Thu ngân sách trên địa bàn đạt 3.085.050 triệu đồng.",
        "Đoàn do TP. Cao Bằng chủ trì.",
    ]


def test_a_decimal_comma_does_not_close_a_clause():
    assert last_clause("Tổng kim ngạch đạt 638,706 triệu USD, tăng ") == " tăng "
    assert last_clause("đạt 638,706") == "đạt 638,706"


def test_comparisons_stated_before_and_after_a_figure():
    text = "đạt 183% so với dự toán TW giao; đạt 153% so với dự toán HĐND tỉnh giao"
    assert [phrase for _, _, phrase in comparison_spans(text)] == ["so với dự toán TW giao", "so với dự toán HĐND tỉnh giao"]
    assert right_basis(" KH; Thu ngân sách")[0] == "KH"
    clause, phrase = split_left_basis("so với cùng kỳ năm trước tăng ")
    assert (clause, phrase) == (" tăng ", "so với cùng kỳ năm trước")
