"""Every pattern the prose extractor uses, in one place, each with a name.

The patterns describe the *language* of provincial socio-economic reports, not
particular sentences: how a figure is introduced ("đạt", "tăng", "bằng X% KH"),
what it is compared with ("so với cùng kỳ", "so với dự toán TW giao"), which
period it covers ("9 tháng đầu năm", "5 tháng/2023", "quý I"), and which numbers
in running text are not figures at all (dates, document numbers, ordinals …).

All patterns work on NFC text from which markdown/HTML markup and footnote
marks have been removed.  The stages of ``ingest.prose`` apply them; nothing here
has state.  ``registry()`` lists every compiled pattern of this module by name
(derived from the module, so a pattern added here is listed without further ado).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# the units are pattern data too, kept in a module of their own
from ingest.prose.unit_patterns import FALLBACK_UNIT, UNIT_CLASS_OF_INDICATOR_UNIT, UNIT_OF_GROUP, UNITS, UNITS_ALTERNATION, Unit  # noqa: F401
# and so are the words that tell a document's kind, a figure's scope and a stock
from ingest.prose.context_patterns import (  # noqa: F401
    BALANCE_DATE, DOCUMENT_KIND_PATTERNS, DOCUMENT_KINDS, PLAN_DOCUMENT_YEAR, SCOPE_PATTERNS, SCOPES, SESSION_MONTH, STOCK_CUE, WITH_JOIN,
    TARGETS_TITLE, TARGET_WORDS, GROWTH_DOCUMENT, CONTRIBUTION, SHARE_PREDICATE, SHARE_OF,
    SECTOR_WORD, STOCK_AT_DATE, SESSION_REVIEW_MONTH, SESSION_REVIEW_YEAR, YEAR_REVIEW_MONTHS, COUNCIL_SESSION, SHARE_CHANGE,
    YEAR_JUST_BEGUN_MONTHS, FORMER_PART, MERGER_DATE, ESTIMATED_MONTH, ESTIMATED_MONTH_CHARS, STAGE_YEARS, CONGRESS_RESOLUTION, FIRST_QUARTER_TITLE, MONTH_COUNT_TITLE, SESSION_QUARTER,
)

# and so are the words that name (or do not name) a figure's subject
from ingest.prose.subject_patterns import (  # noqa: F401
    AREA_PREFIX, AREA_SUBJECT, BARE_GROWTH, CONTRIBUTION_TARGET, GROWTH_NOUN_END, GROWTH_ROLE, NEXT_SUBJECT, PART_LIST_OPEN, PER_YEAR,
    THOUSANDS_GROUP, area_alternation,
)

# the periods, and the dates and names that are not periods
from ingest.prose.period_patterns import (  # noqa: F401
    PERIOD_PATTERNS, PERIODS, PERIOD_CUES, PERIOD_WORD, MONTH_COUNT_START, PERIOD_STARTS,
    PERIOD_AFTER_FIGURE, PERIOD_TRACE, KEPT_PERIODS, NOT_PERIOD_WORD, DIGIT, SPACE_RUN,
    NOT_ALNUM, QUARTERS, PERIOD_JOINER, NOT_PERIOD, NOT_PERIOD_STARTS, FIGURE_ASIDE, QUOTED_PLAN_YEAR,
)

# searching for a pattern only where the words its matches start with are
from ingest.prose.anchored import find_anchored, matches_at  # noqa: F401

# and the words of value types, sections, sentences, clauses and subjects
from ingest.prose.clause_patterns import (  # noqa: F401
    ABBREVIATIONS, ABBREVIATION_REACH, ABOUT, ACRONYM, ACTUAL_HEADING, AFTER_TEXT_END, AND_PREDICATE,
    BARE_INTEGER, NUMBERED_ROW, BREAKDOWN, BULLET_START, CLAUSE_DELIMITER, CORE_CUT, COUNT_PREFIX, COUNT_SYNONYMS,
    DISBURSEMENT, ESTIMATE_CUE, ESTIMATE_PREDICATE, FIGURE_TO_BASIS, QUOTED_VALUE, OTHER_COMPARISON, TARGET_PROGRAMME, VERBLESS_MAX_WORDS, CLAUSE_VERB, PERIOD_NUMBER, NUMBER_END, HAS_LETTER, HEADING_START, LEADING_DASH, LEADING_SO_VOI,
    LEAD_COLON, LEAD_END, NONCONTENT, NOT_A_UNIT, PAIR_SLASH, PLAN_CUE, PLAN_HEADING, PLAN_QUOTE,
    COMPARED_QUOTE, SIGNED_CHANGE, TOPIC_LEAD, NAMED_YEAR, PLAN_NAME_YEAR, PLAN_YEAR_CUE, RANGE_DASH, ROW_LABEL_MAX, SENTENCE_END, SHORT_INTEGER, SUBJECT_FILLERS, SUBJECT_LEAD,
    SUBJECT_TAIL, SUMMARY_LEAD, TARGETS_MET, TONE_FOLD, TONE_FOLD_START, VALUE_OPENER, WHITESPACE_RUN, WORD, Y_FOLD, compile_cue,
)

_I = re.IGNORECASE

# Vietnamese letters, for word boundaries that \b gets wrong next to diacritics.
LETTER = r"[^\W\d_]"
WB_L = rf"(?<!{LETTER})"  # no letter before
WB_R = rf"(?!{LETTER})"  # no letter after


class Named(NamedTuple):
    name: str
    regex: re.Pattern[str]


def _named(name: str, pattern: str, flags: int = _I) -> Named:
    return Named(name, re.compile(pattern, flags))


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------

#: A printed number: digits with '.' groups and an optional ',' decimal part.
#: Not preceded by a letter, a digit or a separator (footnote marks glued to a
#: word, "COVID-19" parts, "TW5" are never figures).
NUMBER = re.compile(r"(?<![\w.,])\d+(?:\.\d+)*(?:,\d+)?")
#: A number whose '.' groups are well formed (or that has none), with an optional ',' decimal part.
WELL_GROUPED_NUMBER = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")

SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾", "0123456789()")

#: A footnote body in PDF text: a plain number at the start of a line, then a capital or "- "
#: (a superscript or <sup> mark at the start of a line opens one too).
FOOTNOTE_START_PLAIN = re.compile(r"^\s*\(?(\d{1,3})\)?\s+(?:-\s+)?(?=[A-ZĐÀ-Ỹ])")

#: A number glued to the end of a word in PDF text: a footnote mark ("như1:", "XVII2.").
GLUED_MARK = re.compile(rf"(?<={LETTER})(\d{{1,3}})(?=[\s.,:;)…]|$)")
GLUED_MARK_AFTER_NAME = re.compile(r"(?i)(?<=covid-19)(\d{1,3})(?=[\s.,:;)…]|$)")

# --------------------------------------------------------------------------
# Layout: markup, footnotes, page breaks, headings, report dates
# --------------------------------------------------------------------------

#: Markup removed from a line: <sup>n</sup> marks, HTML tags and entities,
#: superscript marks, markdown emphasis, escapes.
MARKUP_TOKEN = re.compile(
    r"<sup>\s*\(?(\d{1,3})\)?\s*</sup>|<[^<>\n]{1,60}>|&(?:nbsp|amp|lt|gt|quot|#\d{1,5});"
    r"|⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*+|(?<!\w)_+|_+(?!\w)|\\(?=[*_|#\\])",
    _I,
)
#: The characters every match of MARKUP_TOKEN starts with: a line without any has no markup.
MARKUP_START = re.compile(r"[<&⁽⁰¹²³⁴⁵⁶⁷⁸⁹*_\\]")
HTML_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
#: ² ³ after a length unit are exponents (m², km³), not footnote marks.
EXPONENT_BEFORE = re.compile(r"(?:\d\s?|\bk|\bc|\s)m$")
#: Where a space is missing in text taken from a PDF: before "tăng"/"giảm" glued to the word before it and to the
#: figure or "so" after it ("chế tạotăng1,36%", "sản xuấttăngso tháng trước"), and between "tăng"/"giảm" and a
#: figure glued to it ("tăng1,36%").  Neither syllable is ever part of a longer one.
GLUED_PREDICATE = re.compile(r"(?<=[^\W\d_])(?=(?:tăng|giảm)(?:\d|so\s))|(?<=tăng|giảm)(?=\d|so\s)")
#: Where GLUED_PREDICATE may match: it matches a text from pos if and only if this matches from pos - 4
#: (its second branch matches right after every match of this; its first, at the start of one).
GLUED_PREDICATE_WORD = re.compile(r"(?:tăng|giảm)(?=\d|so\s)")
MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s*")
#: A line that is only the file name of a picture ("3.jpg", "2(1).jpg", "quang-phiong-a2.jpg": a news page's
#: images saved as text): no text, a break between paragraphs as a blank line is.
PICTURE_FILE_LINE = re.compile(r"[\w()\[\]+~.-]+\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|avif|heic)", _I)
#: The file name extensions of PICTURE_FILE_LINE, lower case (a quick test on a line's end before the pattern).
PICTURE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg", ".tif", ".tiff", ".avif", ".heic")
#: A paragraph that ends with one of these is closed; otherwise it may go on after a page break.
CLOSING_PUNCT = re.compile(r"[.!?…:;]\s*$|\.\s*/\s*\.\s*$")
#: A hard-wrapped line that ends mid-sentence ...
OPEN_LINE_END = re.compile(r"[.:;!?…)”\"]\s*$")
#: ... and one that goes on in lower case.
LOWER_START = re.compile(r"^\s*(?:[a-zà-ỹđ]|[–-]\s?\d)")
UPPER_START = re.compile(r"^\s*[A-ZĐÀ-Ỹ]")
#: In PDF text a page's body starts with one space; footnotes at the page foot do not.
PAGE_BODY_LINE = re.compile(r"^ \S")
LIST_START = re.compile(r"^\s*(?:[-+•]\s|\(\d{1,3}\)\s|[a-zđ]\)\s)")
DASH_ITEM = re.compile(r"^\s*[-+]\s")
#: A sentence made only of a list marker ("2.") is not a sentence.
BARE_MARKER = re.compile(r"\s*(?:[-+]\s*)?(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*)\.")
HEADING_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*$")
DATE_IN_WORDS = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", _I)
FILE_DATE = re.compile(r"(?:^|/)(\d{4})-(\d{2})(?:_|-|\.)")
TEXT_DATE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|ngày\s+\d{1,2}/(\d{1,2})/(\d{4})", _I)

# --------------------------------------------------------------------------
# Numbers that are not figures.  Each is a span pattern: a number lying inside a
# match is skipped with the pattern's name.  Order does not matter.
# --------------------------------------------------------------------------

_DIGITS = tuple("0123456789")

_DOC_WORDS = (
    r"nghị quyết|nghị định|quyết định|chỉ thị|thông tư|thông báo|kết luận|công văn|công điện|"
    r"tờ trình|kế hoạch số|chương trình số|báo cáo số|đề án|điều|khoản|mục|luật|hiệp định|"
    r"văn bản số|biểu số|phụ lục số"
)

SKIP_SPANS: tuple[Named, ...] = (
    _named("date_full", r"\b\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}\b"),
    _named("date_words", rf"{WB_L}ngày\s+\d{{1,2}}(?:\s+tháng\s+\d{{1,2}})?(?:\s+năm\s+\d{{4}})?(?:\.\d{{1,2}}(?:\.\d{{4}})?(?!\d|[.,]\d))?"),  # "Ngày 9.12"
    _named("date_day_month", rf"(?:{WB_L}(?:ngày|từ|đến|tới|lễ|dịp|trước|sau|hết|sáng|chiều|tối|trưa|đêm)\s+|\()\d{{1,2}}/\d{{1,2}}\b(?!/)"),
    # a day and month joined by "-" after a word of the day ("Chiều 7-10", "ngày 2-10", "Ngày 28-11"); not "từ 7-10%"
    _named("date_day_month_dash", rf"{WB_L}(?:ngày|sáng|chiều|tối|trưa|đêm)\s+\d{{1,2}}-(?:1[0-2]|0?[1-9])(?![\d%/-]|[,.]\d|\s*(?:%|tháng|ngày))"),
    _named("time_zone", r"\bGMT\s?[+-]\s?\d{1,2}\b"),  # a web page's stamp "Thứ Năm, 12/01/2023 (GMT+7)"
    _named("date_range", r"\b\d{1,2}/\d{1,2}\s?[-–]\s?\d{1,2}/\d{1,2}\b"),
    _named("month_year", r"\b(?:0?[1-9]|1[0-2])\s?/\s?(?:19|20)\d{2}\b"),
    _named("time", r"\b\d{1,2}\s?(?:giờ|h)\s?\d{0,2}(?:\s?phút)?\b|(?<![\d.,:])\d{1,2}:\d{2}(?::\d{2})?\b"),
    _named("year", r"(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d)"),
    _named("period_words", rf"{WB_L}(?:tháng|quý|năm|tuần|kỳ)\s+\d{{1,2}}\b"),
    _named("duration", rf"\b\d+\s+(?:tháng|năm|ngày|tuần|giờ|phút|thế kỷ){WB_R}"),
    _named("document_number", r"\b\d+(?:[.,]\d+)?(?:\s?/\s?\d{2,4})*\s?[/-]\s?[A-ZĐ]{1,}[\w.&-]*", 0),
    _named("document_reference", rf"{WB_L}(?:{_DOC_WORDS})\s+(?:số\s*:?\s*)?\d+(?:[.,]\d+)*"),
    _named("number_sign", rf"{WB_L}số\s*:\s*\d+|{WB_L}số\s+\d+(?!\s*(?:%|{LETTER}))"),
    _named("ordinal", rf"{WB_L}(?:lần|đợt|khóa|khoá|thứ|lớp|mức độ|cấp độ|phiên|vị trí|top|tầng|giai đoạn|kỳ họp|mũi|liều)\s+(?:thứ\s+)?\d+"),
    _named("identifier", rf"{WB_L}(?:mốc|cột mốc|(?:đường|Đường)(?:\s+(?:tỉnh|huyện|xã))?|quốc lộ|tỉnh lộ|QL|ĐT|km|Km|tổ|xóm|lô|số nhà|[Pp]hường|[Qq]uận|[Kk]hóm|[Kk]hu phố|[Ấấ]p)\s+\d+(?:/\d+)?"),
    _named("name_with_number", r"\b[A-Z][A-Za-zĐđ]*\s?[-–]\s?\d+\b|\b\d+[A-Z](?![a-zà-ỹ])|\b[A-Z]{2,}\s\d{3,}(?::\d{4})?(?![\d.,]*\s*(?:tỷ|triệu|nghìn|ngàn|%|USD|đồng|tấn|ha)(?![^\W\d_]))", 0),
    _named("list_ordinal", r"\(\s*\d{1,3}\s*\)(?!\s*%)"),
    # ages that define a group: "từ 18 tuổi", "từ 12-17 tuổi", "trong độ tuổi từ 05 đến 11"
    _named("age_range", rf"{WB_L}từ\s+\d+\s*(?:(?:đến|tới)\s+(?:dưới\s+)?|[-–]\s*)\d+\s+tuổi|\b\d+\s+tuổi{WB_R}"
                        rf"|{WB_L}độ\s+tuổi\s+(?:từ\s+)?\d+\s*(?:[-–]|đến|tới)\s*(?:dưới\s+)?\d+"),
    # a disease named with a number ("Covid-19")
    _named("disease_name", rf"{WB_L}(?:covid|sars-cov)\s?[-–]?\s?\d+"),
    # "1 số hàng hóa": một số (some), not a count
    _named("one_as_some", rf"(?<![\d.,])1\s+số(?=\s+{LETTER})"),
    _named("dose_qualifier", r"\b\d+\s+(?:mũi|liều)(?:\s+(?:vắc\s?xin|vaccine|vacxin))?(?=\s+(?:là\s+)?(?:chiếm|đạt)\b|\s+\d)"),
    # a range of values is two figures ("9 - 10%", "30-35 dự án"); a number or range that qualifies a
    # subject is none ("xã đạt từ 17-18 tiêu chí")
    _named("criteria_qualifier", rf"{WB_L}đạt\s+(?:từ\s+)?\d+(?:\s?[-–]\s?\d+)?\s+(?:tiêu chí(?!\s?/)|sao{WB_R})"),
    _named("per_unit", rf"(?:{WB_L}trên|/)\s?1\s+(?:đơn vị|ha|vạn|nghìn|km|người){WB_R}"),
    _named("fixed_name", rf"\b\d+\s+(?:loại rừng|cấp{WB_R}|con\s+số{WB_R})|(?<![\d.,])[1-5]\s+sao{WB_R}"),  # "tăng trưởng 2 con số": double-digit
    _named("row_number", r"^\s*[1-9]\s*$"),  # a line holding only a one-digit number: a table's row number
    _named("date_stamp", r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?"),
    # "thứ 4/63", "cao thứ 5 trên 63 tỉnh", "(PAR INDEX) xếp hạng 15/34 trên cả nước" (not "xếp hạng 42 trường học")
    _named("rank", rf"{WB_L}(?:(?:xếp\s+)?thứ|xếp\s+hạng)\s+\d+\s?(?:/|trên|trong)\s?\d+"
                   rf"|{WB_L}xếp\s+hạng\s+\d+(?=\s+(?:các|trong|trên|về|cả\s+nước|toàn\s+quốc){WB_R})"),  # "xếp hạng 4 các địa phương"
    # a place among the 63 (34 since July 2025) provinces said as a fraction: "xếp thứ 6/11 tỉnh … và 14/63 cả nước"
    _named("rank_of_provinces", rf"(?<![\d.,])\d{{1,2}}\s?/\s?(?:63|34)(?=\s+(?:tỉnh|cả\s+nước|toàn\s+quốc|địa\s+phương){WB_R})"),
    _named("one_of", rf"{WB_L}(?:một|1)\s+trong\s+(?:số\s+)?\d+"),  # "một trong 06 Chương trình trọng điểm"
    _named("bracket_mark", r"\[\d{1,3}\]"),  # a footnote mark printed "[1]"
    # a web page's view counter: "20:03 11-12-2023 | :155", "Lượt xem: 1.045"
    _named("view_counter", rf"\|\s*:\s*\d+|{WB_L}lượt\s+(?:xem|truy\s+cập|đọc)\s*:\s*\d[\d.,]*", _I),
    # a telephone or fax number ("Điện thoại: 0275 3822 123", "ĐT: 0291.3822.456", "đường dây nóng 1900 1234")
    _named("phone", rf"{WB_L}(?:điện\s+thoại|hotline|fax|đường\s+dây\s+nóng|SĐT|ĐT)\s*:?\s*\(?\+?\d[\d\s.()-]{{5,}}\d", _I),
    # a web page's stamp: weekday, date, time and its view counter ("Thứ ba - 02/01/2024 09:57 1045")
    _named("page_stamp", rf"{WB_L}(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*[-,]?\s*\d{{1,2}}/\d{{1,2}}/\d{{4}}"
                         rf"\s*[-,|]?\s*\d{{1,2}}:\d{{2}}(?:\s+\d+(?![.,]\d|\s*{LETTER}|\s*%))?"),
    # a session of days of one month ("Trong hai ngày 10-11/12", "từ ngày 7 - 9/12")
    _named("day_range", rf"{WB_L}ngày\s+\d{{1,2}}\s?[-–]\s?\d{{1,2}}\s?/\s?\d{{1,2}}\b(?!\s?/)"),
    # a storm's or a depression's name ("cơn bão số 3", "áp thấp nhiệt đới số 2")
    _named("storm_name", rf"{WB_L}(?:bão|áp\s+thấp\s+nhiệt\s+đới)\s+(?:số\s+)?\d+{WB_R}"),
    # a slogan: a number and a word or three in quotes ("tinh thần “6 rõ”", "“3 không”")
    _named("slogan", r"[“\"]\s?\d+\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s?[”\"]"),
)

#: Words (lower case) one of which every match of a skip pattern holds: a pattern is tried on a
#: sentence only when one is in it (a pattern without cues is always tried).  A test checks, on
#: every bundled and labelled document, that each match holds one of its pattern's cues.
#: What every match holds of the two skip patterns tried in every window (``figures.WINDOW_NEEDS``),
#: with the pattern's flags: "time" (a digit, then "giờ"/"h" or ":" and a digit); "name_with_number"
#: (a dash, a digit then a capital, or a capital, a space and a digit).  A test checks each inside every match.
TIME_NEEDS = re.compile(r"\d(?:\s?(?:giờ|h)|:\d)", _I)
NAME_WITH_NUMBER_NEEDS = re.compile(r"[-–\dA-Z](?:(?<=[-–])|(?<=\d)[A-Z]|(?<=[A-Z])\s\d)", 0)
#: Where squeezing a folded text drops characters (``vocabulary._squeeze``): two spaces or more, or spaces at the start.
SQUEEZE_GAP = re.compile(" {2,}|^ +")

SKIP_CUES: dict[str, tuple[str, ...]] = {
    "date_full": ("/", ".", "-"),
    "date_words": ("ngày",),
    "date_day_month": ("/",),
    "date_day_month_dash": ("-",),
    "time_zone": ("gmt",),
    "date_range": ("/",),
    "month_year": ("/",),
    "time": ("giờ", "h", ":"),
    "year": ("19", "20"),
    "period_words": ("tháng", "quý", "năm", "tuần", "kỳ"),
    "duration": ("tháng", "năm", "ngày", "tuần", "giờ", "phút", "thế kỷ"),
    "document_number": ("/", "-"),
    "document_reference": tuple(w for w in _DOC_WORDS.split("|")),
    "number_sign": ("số",),
    "ordinal": ("lần", "đợt", "khóa", "khoá", "thứ", "lớp", "mức độ", "cấp độ", "phiên", "vị trí", "top", "tầng",
                "giai đoạn", "kỳ họp", "mũi", "liều"),
    "identifier": ("mốc", "đường", "quốc lộ", "tỉnh lộ", "ql", "đt", "km", "tổ", "xóm", "lô", "số nhà", "phường", "quận", "khóm",
                   "khu phố", "ấp"),
    "list_ordinal": ("(",),
    "age_range": ("tuổi",), "disease_name": ("covid", "sars"), "one_as_some": ("số",),
    "dose_qualifier": ("mũi", "liều"),
    "criteria_qualifier": ("đạt",),
    "per_unit": ("trên", "/"),
    "fixed_name": ("loại rừng", "cấp", "con số", "sao"),
    "date_stamp": ("date",),
    "rank": ("thứ", "hạng"),
    "rank_of_provinces": ("/",),
    "one_of": ("trong",),
    "bracket_mark": ("[",),
    "view_counter": ("|", "lượt"),
    "phone": ("điện thoại", "hotline", "fax", "đường dây nóng", "sđt", "đt"),
    "page_stamp": ("thứ", "chủ nhật"),
    "day_range": ("ngày",),
    "storm_name": ("bão", "áp thấp"),
    "slogan": ("“", '"'),
}

#: The words (lower case) every match of a skip pattern starts with (see ``find_anchored``).  A
#: pattern not listed (those that start with a digit: trying them at every digit is no faster
#: than a scan) is scanned.
SKIP_STARTS: dict[str, tuple[str, ...]] = {
    "date_words": ("ngày",), "date_day_month": ("ngày", "từ", "đến", "tới", "lễ", "dịp", "trước", "sau", "hết", "sáng", "chiều",
                                                "tối", "trưa", "đêm", "("),
    "date_day_month_dash": ("ngày", "sáng", "chiều", "tối", "trưa", "đêm"), "time_zone": ("gmt",),
    "disease_name": ("covid", "sars"),
    "year": ("19", "20"), "period_words": ("tháng", "quý", "năm", "tuần", "kỳ"),
    "document_reference": tuple(_DOC_WORDS.split("|")), "number_sign": ("số",), "ordinal": SKIP_CUES["ordinal"],
    "identifier": ("mốc", "cột mốc", "đường", "quốc lộ", "tỉnh lộ", "ql", "đt", "km", "tổ", "xóm", "lô", "số nhà", "phường", "quận",
                   "khóm", "khu phố", "ấp"),
    "criteria_qualifier": ("đạt",), "per_unit": ("trên", "/"), "rank": ("xếp", "thứ"), "bracket_mark": ("[",),
    "one_of": ("một", "1"), "one_as_some": ("1",), "list_ordinal": ("(",), "view_counter": ("|", "lượt"),
    "phone": ("điện thoại", "hotline", "fax", "đường dây nóng", "sđt", "đt"), "page_stamp": ("thứ", "chủ nhật"), "day_range": ("ngày",), "storm_name": ("bão", "áp thấp"), "slogan": ("“", '"'),
}

#: An alias further than this many words from its figure does not name the figure's subject.
MAX_ALIAS_DISTANCE = 25

#: A number listed after a skipped identifier or ordinal is one too ("lớp 8, 9, 10", "mức độ 3, 4").
LIST_CONTINUATION = re.compile(r"^\s*(?:,|;|và|hoặc|-|–)\s*$", _I)
#: Skip kinds that make the numbers listed after them skipped too.
LISTABLE_SKIPS = {"ordinal", "identifier", "document_reference", "list_ordinal"}
#: After a comparison, a verb and a figure: the comparison belongs to that next figure.
BASIS_THEN_FIGURE = re.compile(rf"^\s*,?\s*{WB_L}(?:đạt|bằng|tăng|giảm|là|vượt|chiếm)\s", _I)

#: A list marker at the start of a sentence: "1.", "2.2.1.", "(3)", "a)", "-", "+".
LIST_MARKER = re.compile(r"^\s*(?:[-+•]\s*)?(?:\(\s*\d{1,3}\s*\)|\d{1,3}(?:\.\d{1,3})*\.(?=\s|$)|[a-zđ]\)|[IVXLC]+\.(?=\s))\s*")

# --------------------------------------------------------------------------
# Comparisons: what a ratio, growth or difference is measured against.
# A basis phrase follows "so với" (or, for plans and "cùng kỳ", directly the
# figure: "101% KH").  Order matters: the first pattern that matches wins.
# --------------------------------------------------------------------------

BASIS_PATTERNS: tuple[tuple[str, str, str], ...] = (
    # "dự toán TW giao", "dự toán được Trung ương giao", "dự toán do Trung ương giao"
    ("plan_central_budget", "plan_central",
     r"dự\s+toán\s+(?:(?:được|do)\s+)?(?:TW|TƯ|T\.Ư|Trung\s+ương|NSTW|Thủ\s+tướng(?:\s+Chính\s+phủ)?|Chính\s+phủ|TTCP)(?:\s+giao)?"),
    ("plan_central_government", "plan_central",
     r"(?:kế\s+hoạch|KH)(?:\s+vốn)?\s+(?:(?:do\s+|được\s+)?Thủ\s+tướng(?:\s+Chính\s+phủ)?|Chính\s+phủ|TTCP|Trung\s+ương|TW)(?:\s+giao)?"),
    # a plan of a named year ("so với dự toán địa phương năm 2022"): the figure's own year's plan, else no basis
    ("plan_of_year", "?plan_year",
     r"(?:dự\s+toán|kế\s+hoạch|KH)(?:\s+(?:địa\s+phương|tỉnh|HĐND(?:\s+tỉnh)?))?(?:\s+(?:được\s+)?giao)?\s+năm\s+(\d{4})"),
    ("plan_council", "plan_council",
     r"(?:dự\s+toán|kế\s+hoạch|KH|chỉ\s+tiêu|nghị\s+quyết)(?:\s+(?:theo\s+)?(?:nghị\s+quyết|NQ))?\s+(?:do\s+|được\s+|của\s+)?(?:(?:Chủ\s+tịch|Thường\s+trực)\s+)?(?:HĐND|Hội\s+đồng\s+nhân\s+dân)"
     r"(?:\s+(?:tỉnh|thành\s+phố))?(?:\s+giao)?"
     r"|dự\s+toán\s+(?:địa\s+phương|tỉnh|thành\s+phố)(?:\s+giao)?"),
    ("same_period", "same_period", r"(?:(?:tháng|quý)\s+)?cùng\s+(?:kỳ|vụ)(?:\s+năm\s+(?:trước|ngoái|\d{4}))?"),  # "so cùng vụ năm trước"
    ("plan", "plan",
     r"(?:kế\s+hoạch|KH)(?:\s+(?:vốn|năm|giao|đề\s+ra|cả\s+năm))*(?:\s+\d{4})?|dự\s+toán(?:\s+(?:năm|giao|được\s+giao))*(?:\s+\d{4})?"
     r"|(?:vốn|kế\s+hoạch\s+vốn)\s+(?:đã\s+|được\s+)?giao|chỉ\s+tiêu(?:\s+(?:kế\s+hoạch|giao|năm))*|mục\s+tiêu(?:\s+(?:năm|đề\s+ra))*"
     r"|kịch\s+bản(?:\s+tăng\s+trưởng)?(?:\s+(?:đã\s+)?(?:đặt\s+ra|đề\s+ra|xây\s+dựng))?"),  # a growth scenario is the plan
    ("prior_month", "prior_month", r"tháng\s+trước"),
    ("named_month", "?month", r"tháng\s+(\d{1,2})(?:\s?/\s?(\d{4})|\s+năm\s+(\d{4}))?"),
    ("prior_year", "prior_year", r"năm\s+(?:trước|ngoái)"),
    ("named_year", "?year", r"(?:cuối\s+|đầu\s+)?(?:năm\s+)?((?:19|20)\d{2})(?!\d|\s?/\s?\d|[.,]\d)"),  # "so với thực hiện 2022" too
    ("start_of_year", "prior_year", r"đầu\s+năm|cuối\s+năm\s+trước|thời\s+điểm\s+đầu\s+năm"),
    ("year_end_date", "?year_end", r"(?:ngày\s+)?31/12/(\d{4})"),
    # "so với 6 tháng đầu năm 2021": the same months of the year before are the same period
    ("named_period", "?named", r"quý\s+(IV|I{1,3}|[1-4])(?:\s?/\s?(\d{4})|\s+năm\s+(\d{4}))?"
     r"|(\d{1,2})\s+tháng(?:\s+đầu\s+năm)?(?:\s?/\s?(\d{4})|\s+(?:năm\s+)?(\d{4}))?"),
)
#: Words between "so với" and the basis that do not change it: "so với mức tăng trưởng năm 2023",
#: "so với thực hiện năm 2022", "so với bình quân cùng kỳ".
BASIS_PREFIX = r"(?:(?:mức|tốc\s+độ)(?:\s+tăng(?:\s+trưởng)?)?(?:\s+(?:chung|bình\s+quân))?\s+|(?:kết\s+quả\s+)?thực\s+hiện\s+|bình\s+quân\s+)?"
#: A plan of the province's council ("dự toán địa phương", "dự toán tỉnh", "HĐND").
COUNCIL_PLAN = re.compile(r"địa\s+phương|tỉnh|HĐND|hội\s+đồng", _I)
BASIS = [(name, basis, re.compile(rf"{BASIS_PREFIX}(?:{pattern}){WB_R}", _I)) for name, basis, pattern in BASIS_PATTERNS]
#: Words (lower case) one of which every match of a basis pattern holds (as SKIP_CUES; a test checks it):
#: the bases a residue leaves out are looked for only in a text that holds one.
BASIS_CUES: dict[str, tuple[str, ...]] = {
    "plan_central_budget": ("dự",), "plan_council": ("dự", "kế", "kh", "chỉ", "nghị"), "same_period": ("cùng",),
    "plan": ("kế", "kh", "dự", "vốn", "chỉ", "mục", "kịch"),
}
#: Bases that may follow a figure without "so với": "101% KH", "bằng 105% cùng kỳ".
DIRECT_BASES = {"plan_central", "plan_council", "plan", "same_period"}
SO_VOI = re.compile(rf"{WB_L}so(?:\s+với)?\s+", _I)

# --------------------------------------------------------------------------
# What introduces a figure (the words just before it).
# --------------------------------------------------------------------------

PREDICATE = re.compile(
    rf"{WB_L}(?P<pred>ước\s+tính\s+đạt|ước\s+thực\s+hiện|ước\s+đạt|ước\s+tăng|ước\s+giảm|ước\s+tính|ước"
    r"|tăng\s+trưởng|tăng\s+thêm|tăng|giảm|vượt(?:\s+(?:kế\s+hoạch|KH))?|đạt(?:\s+được)?|bằng|chiếm|gấp|thấp\s+hơn|cao\s+hơn|kém|hơn"
    r"|là|được|có|còn|lên|xuống|duy\s+trì)"
    r"(?:\s+(?:khoảng|gần|trên|dưới|hơn|xấp\s+xỉ|ít\s+nhất|tối\s+thiểu|tới|đến|từ|mức|là|khá|mạnh|nhẹ|tốt))*\s*$",
    _I,
)
NEGATIVE_PREDICATES = ("giảm", "thấp hơn", "kém", "xuống", "ước giảm")
#: "tăng trưởng 6,1%" (grew by) is a growth as "tăng 6,1%" is.
GROWTH_PREDICATES = ("tăng", "giảm", "ước tăng", "ước giảm", "tăng thêm", "tăng trưởng")
PP_NEGATIVE = re.compile(rf"{WB_L}(?:thấp\s+hơn|giảm|kém|hụt)", _I)
VUOT_PLAN = re.compile(rf"{WB_L}vượt\s+(?:kế\s+hoạch|KH)(?:\s+năm)?\s*$", _I)



def registry() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern of this module, by name (derived from the module, not kept by hand)."""
    out: dict[str, re.Pattern[str]] = {}

    def add(name: str, rx: re.Pattern[str]) -> None:
        if name in out:
            raise ValueError(f"pattern name used twice: {name}")
        out[name] = rx

    for name, value in globals().items():
        if name.startswith("_"):
            continue
        if isinstance(value, re.Pattern):
            add(name.lower(), value)
    for p in SKIP_SPANS:
        add(f"skip:{p.name}", p.regex)
    for u in UNITS:
        add(f"unit:{u.name}", u.regex)
    for name, _, rx in BASIS:
        add(f"basis:{name}", rx)
    for name, rx in PERIODS:
        add(f"period:{name}", rx)
    for name, rx in DOCUMENT_KINDS:
        add(f"kind:{name}", rx)
    for name, rx in SCOPES:
        add(f"scope:{name}", rx)
    return out


def pattern_names() -> list[str]:
    """The names of all patterns, for documentation and reports."""
    return list(registry())


#: Hot patterns of another shape, rewritten by hand to open with the class of their first characters
#: (the engine skips to them): name -> (the source as written, the same from its first character).  Used
#: only while the pattern is still written so (a changed one is used as written, and a test says so).
#: NUMBER: a digit not preceded by [\w.,] is a digit whose pair text[i-1:i+1] is not "[\w.,] digit" (at 0
#: neither lookbehind has room); SENTENCE_END: "\.{1,3}" is a '.' then "\.{0,2}", tried in the same order;
#: CLAUSE_DELIMITER: each alternative's first character read by the class, then tested behind.
BY_HAND = {
    "NUMBER": (r"(?<![\w.,])\d+(?:\.\d+)*(?:,\d+)?", r"\d(?<![\w.,]\d)\d*(?:\.\d+)*(?:,\d+)?"),
    "SENTENCE_END": (r'(?:\.{1,3}|…|[!?])(?=\s+[\"“(\-+•*]*\s*[A-ZĐÀ-Ỹ\d])',
                     r'[.…!?](?:(?<=\.)\.{0,2}|(?<=[…!?]))(?=\s+[\"“(\-+•*]*\s*[A-ZĐÀ-Ỹ\d])'),
    "CLAUSE_DELIMITER": (r"[;:()]|,(?!\d)|(?<!\d),|\s[-–]\s",
                         r"[;:(),\s](?:(?<=[;:()])|(?<=,)(?!\d)|(?<=,)(?<!\d,)|(?<=\s)[-–]\s)"),
}


def _searched_from_first_letter() -> None:
    """Every pattern of this module that opens with lookbehinds before words (or, under IGNORECASE,
    is words and words), searched from the words' first letters instead: the same matches
    (``ingest.first_letter``); and the patterns of BY_HAND still written as they were."""
    from ingest.first_letter import first_letter_first

    for name, value in list(globals().items()):
        if isinstance(value, re.Pattern) and (fast := first_letter_first(value)) is not value:
            PLAIN[name] = value
            globals()[name] = fast
    for name, (written, fast) in BY_HAND.items():
        value = globals()[name]
        if value.pattern == written:
            PLAIN[name] = value
            globals()[name] = re.compile(fast, value.flags)


#: The patterns rewritten by _searched_from_first_letter, as written (for the tests that compare them).
PLAIN: dict[str, re.Pattern[str]] = {}


_searched_from_first_letter()
