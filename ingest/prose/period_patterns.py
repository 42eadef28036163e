"""Patterns of periods: the phrases that name a period ("9 tháng đầu năm", "5 tháng/2023", "quý I",
"đến hết tháng 6"), and the dates and names with years that are not periods (blanked first)."""

from __future__ import annotations

import re

LETTER = r"[^\W\d_]"
_I = re.IGNORECASE
WB_L = rf"(?<!{LETTER})"  # no letter before

_CLOCK = r"(?:\d{1,2}\s?(?:giờ|h)\s?\d{0,2}(?:\s?phút)?\s+)?"

PERIOD_PATTERNS: tuple[tuple[str, str], ...] = (
    ("date_range", rf"từ\s+(?:ngày\s+)?(\d{{1,2}})/(\d{{1,2}})(?:/(\d{{4}}))?\s+(?:đến|tới)\s+(?:hết\s+)?{_CLOCK}(?:ngày\s+)?(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})"),
    ("until_date", rf"(?:đến|tới)\s+(?:hết\s+)?{_CLOCK}(?:ngày\s+)?(\d{{1,2}})/(\d{{1,2}})(?:/(\d{{4}}))?(?![\d/])"),  # "đến ngày 30/11"
    ("until_start_of_month", r"(?:đến|tới)\s+đầu\s+tháng\s+(\d{1,2})(?:\s?/\s?(\d{4})|\s+năm\s+(\d{4}))?"),
    ("until_month", r"(?:(?:đến|tới)\s+(?:hết\s+|cuối\s+)?|(?<!\w)hết\s+)tháng\s+(\d{1,2})(?:\s?/\s?(\d{4})|\s+năm\s+(\d{4}))?"),
    ("year_to_date", r"(?:lũy\s+kế\s+)?(?:tính\s+)?từ\s+đầu\s+năm(?:\s+(\d{4}))?(?:\s+(?:đến\s+nay|tới\s+nay))?|lũy\s+kế\s+(?:đến\s+nay|năm(?:\s+(\d{4}))?)"),
    ("last_months", r"(\d{1,2})\s+tháng\s+cuối\s+năm(?:\s+(\d{4}))?"),
    ("first_months", r"(\d{1,2})\s+tháng(?:\s+đầu\s+năm|\s+năm)?(?:\s?/\s?(\d{4})|\s+(\d{4})|\s+năm\s+(\d{4}))?(?!\s+(?:tuổi|trở))"),
    ("quarter", r"quý\s+(IV|I{1,3}|[1-4])(?:\s?/\s?(\d{4})|\s+năm\s+(\d{4}))?"),
    # crop seasons: the winter-spring crop is January to June (as the labels have it); another season
    # names no span of months, so the period is the context's ("vụ Hè Thu ước đạt …" of the 9 months)
    ("winter_spring_crop", r"vụ\s+(?:đông\s+xuân|chiêm\s+xuân)(?:\s+(?:năm\s+)?(\d{4})(?:\s*[-–]\s*(\d{4}))?(?![\d/]))?(?!\s+(?:năm\s+)?\d)"),
    ("other_crop_season", r"vụ\s+(?:hè\s+thu|thu\s+đông|mùa)(?!\s+(?:năm\s+)?\d)"),
    ("month", r"(?<!\d\s)tháng\s+(\d{1,2})(?:\s?/\s?(\d{4})|\s+năm\s+(\d{4}))?"),
    # "Đến nay, … đã giải ngân 8.417 tỷ đồng": to the report's day (not "từ trước đến nay", ever; "từ đầu năm đến nay" above)
    ("until_now", r"(?<!trước\s)(?:tính\s+)?(?:đến|tới)\s+nay(?!\w)"),
    ("this_month", r"(?:trong|của)\s+tháng(?:\s+này)?(?!\s+(?:\d|trước|tới|sau|đầu|cuối))"),
    ("year", r"(?:(?:ước\s+)?cả\s+)?năm\s+(\d{4})|(?<=\s)(20\d{2})$|cả\s+năm(?!\s+(?:\d|học))"),  # "cả năm": the report's year
)
PERIODS = [(name, re.compile(rf"{WB_L}(?:{pattern})", _I)) for name, pattern in PERIOD_PATTERNS]
#: Words (lower case) one of which every match of a period pattern holds, as SKIP_CUES.
PERIOD_CUES: dict[str, tuple[str, ...]] = {
    "date_range": ("/",), "until_date": ("/",), "until_start_of_month": ("tháng",), "until_month": ("tháng",),
    "year_to_date": ("năm", "lũy"), "last_months": ("tháng",), "first_months": ("tháng",), "quarter": ("quý",),
    "month": ("tháng",), "this_month": ("tháng",), "until_now": ("nay",), "year": ("năm", "20"), "winter_spring_crop": ("vụ",), "other_crop_season": ("vụ",),
}
#: A word or date every period pattern holds (a quick test before trying them all).
PERIOD_WORD = re.compile(r"tháng|quý|năm|lũy|(?:đến|tới)\s+nay|\d\s?/\s?\d|20\d\d\s*$|vụ\s+(?:đông|chiêm|hè|thu|mùa)", _I)
#: Where "9 tháng …" may start (a digit, maybe another, spaces, "tháng"): the anchor of the month counts.
MONTH_COUNT_START = re.compile(r"\d(?=\d?\s+tháng)", _I)
#: The words (lower case) every match of a period pattern starts with: its matches are found by
#: looking for these words and trying the pattern only there (``find_anchored``).
PERIOD_STARTS: dict[str, tuple[str, ...]] = {
    "date_range": ("từ",), "until_date": ("đến", "tới"), "until_start_of_month": ("đến", "tới"),
    "until_month": ("đến", "tới", "hết"), "year_to_date": ("lũy", "tính", "từ"), "last_months": MONTH_COUNT_START,
    "first_months": MONTH_COUNT_START, "quarter": ("quý",), "month": ("tháng",), "this_month": ("trong", "của"), "until_now": ("tính", "đến", "tới"),
    "year": ("ước", "cả", "năm", "20"), "winter_spring_crop": ("vụ",), "other_crop_season": ("vụ",),
}
#: The whole year said ("cả năm 2024 ước tăng 8%"): not the months of a list's lead.
WHOLE_YEAR_SAID = re.compile(r"cả\s+năm[^;:]*$", _I)
#: A period said right after a figure and its unit ("61 triệu USD trong tháng 9"): the figure's own.
#: A closed parenthesis of figures of their own ("(6 tháng tăng 11,29%, quý III tăng 9,09%)"): an aside whose
#: periods are its figures', not those of the figures after it ("…, trong đó: Khu vực nông, lâm nghiệp … đạt").
FIGURE_ASIDE = re.compile(r"\((?=[^()]*?(?<!\w)(?:tăng|giảm|đạt|bằng|chiếm)\s[^()]*?\d)[^()]*\)", re.I)
#: A plan quoted in a parenthesis with its year, right before its figure ("đạt 5,71% (kế hoạch năm 2023 là 7,5%)"): the
#: figure is that whole year's plan, not of the period of the result it is quoted beside.
QUOTED_PLAN_YEAR = re.compile(r"\(\s*(?:theo\s+)?(?:kế\s+hoạch|KH|mục\s+tiêu|chỉ\s+tiêu)(?:\s+(?:năm|đề\s+ra|giao))*\s+(\d{4})"
                              r"\s*(?:là|:|đề\s+ra)?\s*(?:(?:tăng|giảm|đạt)(?:\s+(?:từ|khoảng|trên))?\s*)?(?:\d+(?:[.,]\d+)*\s?%?\s?[-–]\s?)?$", _I)
PERIOD_AFTER_FIGURE = re.compile(
    r"\s*(?:(?:trong|của)\s+((?:tháng|quý)\s+[\dIV]+(?:\s?/\s?\d{4}|\s+năm\s+\d{4})?|\d{1,2}\s+tháng(?:\s+đầu\s+năm)?(?:\s+năm\s+\d{4})?)"
    r"|[ \t]+(\d{1,2}\s+tháng\s+đầu\s+năm(?:\s+\d{4})?))(?![\d/])",  # "… ước đạt 16.275 tỷ đồng 2 tháng đầu năm"
    _I,
)
#: What every period phrase holds, in a form blanking (spaces for dates and comparisons) cannot
#: create: a text without any of these has no period before or after blanking.
PERIOD_TRACE = re.compile(r"tháng|quý|năm|lũy|(?:đến|tới)\s+nay|/|20\d\d|vụ\s+(?:đông|chiêm|hè|thu|mùa)", _I)
#: The period patterns whose matches are kept when dates are blanked ("đến ngày 30/6/2022").
KEPT_PERIODS = tuple((rx, PERIOD_STARTS[name]) for name, rx in PERIODS if name in ("date_range", "until_date"))
#: A word every NOT_PERIOD alternative holds.
NOT_PERIOD_WORD = re.compile(r"ngày|tháng|tuần|năm|\d{4}", _I)
DIGIT = re.compile(r"\d")
#: A run of plain spaces (folded text has no other whitespace).
SPACE_RUN = re.compile(" +")
NOT_ALNUM = re.compile(r"[\W_]")
QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: Two period phrases of different kinds side by side ("tháng 9 và 9 tháng") are ambiguous.
PERIOD_JOINER = re.compile(r"^\s*(?:,|và|&|/)?\s*$", _I)
#: Dates that are not periods: blanked before periods are searched.
NOT_PERIOD = re.compile(
    rf"{WB_L}(?:tháng|ngày|tuần)\s+(?:đầu\s+tiên|cuối\s+cùng|đầu|cuối)\s+của\s+(?:quý|năm)\s+[\dIV]+"
    rf"|{WB_L}ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}(?:\s+năm\s+\d{{4}})?|(?<!đến )(?<!hết )(?<!tới )ngày\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?"
    rf"|{WB_L}(?:luật|nghị quyết|quyết định|chỉ thị|kế hoạch|chiến lược|chương trình|đề án|quy hoạch)[^,;:.]{{0,80}}?năm\s+\d{{4}}"
    rf"|{WB_L}(?:giai đoạn|thời kỳ|nhiệm kỳ|năm học|niên vụ|tầm nhìn đến)\s+(?:năm\s+)?\d{{4}}(?:\s?[-–]\s?\d{{4}})?"
    rf"|{WB_L}giá\s+(?:so\s+sánh|cố\s+định)(?:\s+năm)?\s+\d{{4}}"  # a price base, not a period ("giá so sánh 2010")
    rf"|{WB_L}vụ\s+(?:mùa|hè\s+thu|thu\s+đông|chiêm(?!\s+xuân)|xuân|đông(?!\s+xuân))(?:\s+năm)?\s+\d{{4}}"  # a crop season, not a year
    # a session's name ("Phiên họp thường kỳ tháng 9 của UBND tỉnh", "họp phiên thường kỳ tháng 11"): not its figures' period
    rf"|{WB_L}(?:phiên\s+|cuộc\s+)?họp(?:\s+(?:phiên|thường\s+kỳ|thường\s+lệ|trực\s+tuyến|UBND|Ủy\s+ban\s+nhân\s+dân|tỉnh|thành\s+phố))*"
    rf"\s+tháng\s+\d{{1,2}}(?:\s?/\s?\d{{4}}|\s+năm\s+\d{{4}})?"
    # since a month, with no end ("dòng sản phẩm mới được tung ra thị trường từ tháng 7"): when something began, not a period
    rf"|{WB_L}từ\s+tháng\s+\d{{1,2}}(?:\s?/\s?\d{{4}}|\s+năm\s+\d{{4}})?(?![\d/]|\s*(?:đến|tới|[-–]|(?:và|,)\s*tháng))",
    _I,
)

#: The words (lower case) every match of NOT_PERIOD starts with (see ``find_anchored``).
NOT_PERIOD_STARTS = ("tháng", "ngày", "tuần", "luật", "nghị quyết", "quyết định", "chỉ thị", "kế hoạch", "chiến lược",
                     "chương trình", "đề án", "quy hoạch", "giai đoạn", "thời kỳ", "nhiệm kỳ", "năm học", "niên vụ",
                     "tầm nhìn đến", "vụ", "giá so sánh", "giá cố định", "phiên họp", "cuộc họp", "họp", "từ tháng")
