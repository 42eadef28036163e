"""Stage tests: layout (lines -> paragraphs), on text as the bundled PDF conversions print it."""

from __future__ import annotations

from ingest.prose.layout import clean_line, split_lines, to_paragraphs

# Hard-wrapped PDF text of the September 2022 report (lines 119-127 of the bundled file, abridged).
WRAPPED = (
    " Lĩnh vực kinh doanh dịch vụ có kết quả phục hồi ấn tượng, tổng lượt khách \n"
    "\n"
    "du lịch tăng 111%; Tổng mức bán lẻ hàng hóa tăng 12,25% so với cùng kỳ; Tổng kim ngạch xuất nhập khẩu qua \n"
    "\n"
    "địa bàn đạt 638,706 triệu USD, tăng 29%, đạt 101% KH.\n"
    "\n"
    " Tiếp tục chỉ đạo tăng cường công tác phòng chống dịch Covid-19 phù hợp với tình hình mới.\n"
    "\n"
    " Công tác cải cách hành chính được quan tâm chỉ đạo thường xuyên trong các cơ quan \n"
    "\n"
    "nhà nước các cấp.\n"
)


def test_hard_wrapped_lines_are_rejoined_with_offsets_into_the_text():
    paras = to_paragraphs(split_lines(WRAPPED))
    texts = [p.body.text for p in paras]
    assert texts[0].startswith("Lĩnh vực kinh doanh") and texts[0].endswith("đạt 101% KH.")
    assert "tổng lượt khách du lịch tăng 111%" in texts[0]
    body = paras[0].body
    i = body.text.index("638,706")
    assert WRAPPED[body.offs[i] : body.offs[i] + 7] == "638,706"


def test_markup_and_footnote_marks_are_removed_and_kept_as_marks():
    text, heading = clean_line("**Thu ngân sách** đạt 3.085.050 triệu đồng<sup>2</sup>;", 0)
    assert text.text == "Thu ngân sách đạt 3.085.050 triệu đồng;"
    assert text.marks == [(len("Thu ngân sách đạt 3.085.050 triệu đồng"), 2)] and not heading
    exponent, _ = clean_line("diện tích 120 m² sàn", 0)
    assert exponent.text == "diện tích 120 m² sàn" and exponent.marks == []


def test_pipe_tables_are_skipped_and_markdown_headings_kept_as_headings():
    paras = to_paragraphs(split_lines("## I. KẾT QUẢ THỰC HIỆN\n\n| TT | Chỉ tiêu | 2022 |\n|---|---|---|\n\nGRDP tăng 5,55%.\n"))
    assert [(p.body.text, p.heading) for p in paras] == [("I. KẾT QUẢ THỰC HIỆN", True), ("GRDP tăng 5,55%.", False)]


def test_the_row_numbers_of_a_table_printed_as_text_are_not_figures():
    """Thừa Thiên Huế, plan for 2021 (a table printed one cell a line): the row numbers 9, 10, 11
    are not figures, the values of the rows are, with the row's name."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("9\n\nGiường bệnh/vạn dân\n\n58-60\n\n10\n\nTỷ lệ hộ nghèo\n\n0,4%\n\n11\n\n"
            "Phấn đấu xã đạt chuẩn nông thôn mới\n\n07 - 09\n\n12\n\nLực lượng lao động từ 15 tuổi trở lên (người)\n\n575\n")
    printed = [f.printed for f in extract_facts(text, "x.txt", dt.date(2020, 12, 15))]
    assert printed == ["58", "60", "0,4", "07", "09", "575"]


def test_a_space_lost_around_a_predicate_in_pdf_text_is_put_back_with_the_documents_offsets():
    """Đồng Nai, October 2022 (dev 75_dong-nai_2022-10, text taken from a PDF): "Công nghiệp chế biến, chế tạotăng1,36%"
    and "hơi nướctăng1,06%" are growths of 1,36 % and 1,06 % against the month before (the whole's comparison);
    each figure's span is where it is printed in the document."""
    import datetime as dt

    from ingest.prose import extract_facts

    text = ("Dự ước chỉ số sản xuất công nghiệp tháng 10/2022 tăng 1,34% so với tháng trước, trong đó ngành khai khoáng tăng "
            "1,75%;Công nghiệp chế biến, chế tạotăng1,36%; sản xuấtvà phân phối điện, khí đốt, nước nóng, hơi nướctăng1,06%.\n")
    facts = {f.printed: f for f in extract_facts(text, "x.txt", dt.date(2022, 10, 25))}
    for printed in ("1,36", "1,06"):
        f = facts[printed]
        assert (f.measure, f.basis, f.month_from, f.month_to) == ("growth_pct", "prior_month", 10, 10)
        assert text[f.span_start : f.span_end] == printed and text[f.span_start - 4 : f.span_start] == "tăng"


def test_a_line_that_is_a_pictures_file_name_is_no_text():
    """Hải Dương, June 2022 (the provincial party's portal): the page's pictures saved as their file names,
    one a line ("2(1).jpg", "3.jpg" … "15.jpg"), gave fifteen figures; they are breaks between paragraphs."""
    import datetime as dt

    from ingest.prose import extract_facts

    page = ("Ngày 29/6/2022, Cục thống kê Hải Dương tổ chức họp báo công bố số liệu Kinh tế - Xã hội 6 tháng đầu năm 2022 "
            "của tỉnh Hải Dương, xuất khẩu đạt 5,13 tỉ USD, tăng 19,5% so với cùng kỳ.\n\n \n\n2(1).jpg\n\n3.jpg\n\n \n\n"
            "Các chỉ tiêu cụ thể như sau:\n\n4.jpg\n\n5.jpg\n\n15.jpg\n")
    lines = split_lines(page)
    assert [ln.kind for ln in lines if ln.raw.endswith(".jpg")] == ["blank"] * 5
    facts = extract_facts(page, "30_hai-duong_2022-06_tin-cuc-thong-ke-6-thang.txt", dt.date(2022, 6, 29))
    assert [f.printed for f in facts] == ["5,13", "19,5"]
    assert [ln.kind for ln in split_lines("Ảnh: tăng 3.jpg so với cùng kỳ")] == ["text"]  # a name inside a sentence stays text
