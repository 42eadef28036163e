"""The words that tell a document's kind, a figure's scope, and a stock at a date.

Part of the pattern data of ``ingest.prose.patterns`` (which re-exports these and lists them in
its registry).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
LETTER = r"[^\W\d_]"
WB_L = rf"(?<!{LETTER})"  # no letter before
WB_R = rf"(?!{LETTER})"  # no letter after

# --------------------------------------------------------------------------
# Document kinds, scope, stocks and balances
# --------------------------------------------------------------------------

#: The kind of a document, from its first lines (title, "(Theo … số …)" line, news lead).
#: Tried in this order; the first that matches wins.
DOCUMENT_KIND_PATTERNS: tuple[tuple[str, str], ...] = (
    ("council_resolution", r"^\s*NGHỊ\s+QUYẾT\b|theo\s+nghị\s+quyết\s+số\s+\S+\s*(?:/\s*)?(?:NQ-HĐND|[^\n]{0,40}HĐND)"),
    ("plan_decision", r"^\s*QUYẾT\s+ĐỊNH\b|theo\s+quyết\s+định\s+số|giao\s+chỉ\s+tiêu"),
    ("statistics_release", r"cục\s+thống\s+kê|chi\s+cục\s+thống\s+kê|ngân\s+hàng\s+nhà\s+nước\s+chi\s+nhánh"),
    ("monthly_report", r"(?<!\w)(?:tháng\s+\d{1,2}|\d{1,2}\s+tháng|quý\s+[IV]+)(?!\w)"),
    ("annual_report", r"(?:kết\s+quả|tình\s+hình|chỉ\s+tiêu)[^\n]{0,80}năm\s+\d{4}"),
    ("session_news", r"kỳ\s+họp|phiên\s+họp|hội\s+nghị|cuộc\s+họp"),
)
DOCUMENT_KINDS = [(name, re.compile(pattern, _I | re.M)) for name, pattern in DOCUMENT_KIND_PATTERNS]
#: A title that lists a year's targets ("25 chỉ tiêu phấn đấu năm 2024", "Những chỉ tiêu kinh tế - xã
#: hội chủ yếu năm 2024"): a plan document when the year is after the report's (or "phấn đấu" says so).
TARGETS_TITLE = re.compile(r"(?P<head>chỉ\s+tiêu|mục\s+tiêu)(?P<words>[^\n]{0,60}?)năm\s+(?P<year>\d{4})", _I)
#: A session (a press briefing, a meeting) on how a quarter went: "họp báo thông tin tình hình phát triển kinh tế - xã
#: hội quý III", "buổi họp báo về tình hình kinh tế - xã hội quý III".
SESSION_QUARTER = re.compile(
    r"(?:họp\s+báo|phiên\s+họp|cuộc\s+họp|hội\s+nghị)[^.\n]{0,60}?tình\s+hình[^.\n]{0,50}?quý\s+(I{1,3}|IV)(?!\w)", _I)
#: The month a release's figures rest on as an estimate, in its opening: "Trên cơ sở kết quả thực hiện 11 tháng,
#: ước tính tháng 12 năm 2023" (a year's report of 2 January), "số liệu chính thức tháng 8 và ước tính tháng 9".
ESTIMATED_MONTH = re.compile(r"ước\s+tính\s+(?:số\s+liệu\s+)?tháng\s+(\d{1,2})(?:\s*/\s*(\d{4})|\s+năm\s+(\d{4}))?", _I)
#: How much of a release's opening says what it rests on.
ESTIMATED_MONTH_CHARS = 1500
#: A title of targets for the report's own year is a plan document only in the year's first months.
YEAR_JUST_BEGUN_MONTHS = 2
#: A quarterly release: its title names the first quarter ("tháng 3 và quý I năm 2024") and counts no months
#: ("3 tháng đầu năm"): its January-March figures are the quarter's.
FIRST_QUARTER_TITLE = re.compile(r"(?<!\w)quý\s+(?:I|1)(?!\w)", _I)
MONTH_COUNT_TITLE = re.compile(r"(?<!\w)(?:0?3|ba)\s+tháng(?!\w)", _I)
TARGET_WORDS = re.compile(r"phấn\s+đấu|chủ\s+yếu|kế\s+hoạch|mục\s+tiêu", _I)
#: The year a plan document is about: "KẾ HOẠCH … NĂM 2023", "CHỈ TIÊU … NĂM 2023".
PLAN_DOCUMENT_YEAR = re.compile(r"(?:kế\s+hoạch|chỉ\s+tiêu|nhiệm\s+vụ|mục\s+tiêu)[^\n]{0,80}?năm\s+(\d{4})", _I)

#: A figure about the whole country or the world, not the province (said just before it).
SCOPE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("world", r"thế\s+giới|toàn\s+cầu|quốc\s+tế\s+(?:dự\s+báo|nhận\s+định)|IMF|quỹ\s+tiền\s+tệ|\bWB\b|ngân\s+hàng\s+thế\s+giới|\bADB\b|ASEAN"),
    ("national", r"cả\s+nước|toàn\s+quốc|chung\s+của\s+cả\s+nước|(?<!suất\s)bình\s+quân\s+chung(?!\s+(?:toàn\s+tỉnh|của\s+tỉnh))|\bVN\b|của\s+Việt\s+Nam|kinh\s+tế\s+Việt\s+Nam|GDP(?!\s+của\s+tỉnh)"),
)
SCOPES = [(name, re.compile(rf"{WB_L}(?:{pattern}){WB_R}", _I)) for name, pattern in SCOPE_PATTERNS]

#: A paragraph about a former part of a merged province (a page after the mergers of 1 July 2025): "GRDP của tỉnh Hưng
#: Yên trước khi hợp nhất tăng 9%", "Đối với tỉnh Thái Bình, tổng sản phẩm … ước đạt": another area than the province now.
FORMER_PART = re.compile(r"(?<!\w)trước\s+(?:khi\s+)?(?:hợp\s+nhất|sáp\s+nhập)(?!\w)|^\W*Đối\s+với\s+tỉnh\s+(?-i:[A-ZĐ])", _I)
#: The day the provinces were merged (the 34 provinces): only a page after it speaks of former provinces so.
MERGER_DATE = (2025, 7)
#: The month a session is about, in the opening of its news: "cuộc họp thường kỳ UBND tỉnh tháng
#: 1/2022", "phiên họp thường kỳ tháng 11".  (A session held in February may be January's.)
SESSION_MONTH = re.compile(
    r"(?:phiên\s+họp|cuộc\s+họp|hội\s+nghị|họp)(?:\s+(?:phiên|thường\s+kỳ|thường\s+lệ|trực\s+tuyến|UBND|Ủy\s+ban\s+nhân\s+dân|tỉnh|thành\s+phố))*"
    r"\s+tháng\s+(\d{1,2})(?:\s?/\s?(\d{4})|\s+năm\s+(\d{4}))?",
    _I,
)

#: A session of the people's council (HĐND), named in a news item's opening: "Kỳ họp thứ 29 HĐND tỉnh",
#: "Kỳ họp thứ 14, Hội đồng Nhân dân thành phố", "HĐND tỉnh … khóa XII tổ chức Kỳ họp thứ 5".  Its regular sessions review the half-year (mid-year) and
#: the year (at its end), not a month as a UBND's monthly "phiên họp" does.
COUNCIL_SESSION = re.compile(
    rf"{WB_L}kỳ\s+họp\s+(?:thứ\s+[^\s,.]+|chuyên\s+đề|thường\s+lệ|cuối\s+năm|giữa\s+năm)[,\s]+(?:của\s+)?(?:HĐND|Hội\s+đồng\s+nhân\s+dân)"
    rf"|{WB_L}(?:HĐND|Hội\s+đồng\s+nhân\s+dân)[^.\n]{{0,60}}?(?:tổ\s+chức|khai\s+mạc|bế\s+mạc|tiến\s+hành)\s+kỳ\s+họp{WB_R}",
    _I,
)

#: The month a session reviews, said further on: "hội nghị … đánh giá tình hình kinh tế - xã hội (KT-XH) của
#: tỉnh tháng 10, triển khai nhiệm vụ trọng tâm tháng 11/2025" (groups as SESSION_MONTH's).
SESSION_REVIEW_MONTH = re.compile(
    r"(?:phiên\s+họp|cuộc\s+họp|hội\s+nghị)[^.\n]{0,120}?(?:đánh\s+giá|kiểm\s+điểm)[^.\n]{0,80}?"
    r"(?<!\d\s)tháng\s+(\d{1,2})(?:\s?/\s?(\d{4})|\s+năm\s+(\d{4}))?",
    _I,
)

#: A session that reviews the year, said in its news' opening: "Phiên họp đã tập trung đánh giá tình hình kinh tế - xã
#: hội năm 2025", "phiên họp thường kỳ tháng 11/2025 nghe và cho ý kiến vào báo cáo tình hình kinh tế - xã hội … năm 2025".
SESSION_REVIEW_YEAR = re.compile(
    r"(?:phiên\s+họp|cuộc\s+họp|hội\s+nghị|kỳ\s+họp|họp)[^.\n]{0,120}?(?:đánh\s+giá|kiểm\s+điểm|tổng\s+kết|báo\s+cáo)"
    r"[^.\n]{0,40}?tình\s+hình[^.\n]{0,60}?năm\s+(\d{4})",
    _I,
)
#: A session late in the year that reviews the year (SESSION_REVIEW_YEAR) is about the whole year, not its month.
YEAR_REVIEW_MONTHS = (11, 12)

#: A stock (a balance at a date), not a flow over a period.
STOCK_CUE = re.compile(
    rf"{WB_L}(?:dư\s+nợ|số\s+dư|tổng\s+dư|nợ\s+xấu|nguồn\s+vốn\s+huy\s+động|tổng\s+nguồn\s+vốn|vốn\s+huy\s+động"
    rf"|huy\s+động\s+vốn|còn\s+hiệu\s+lực|tồn\s+kho|(?<!thực )hiện\s+có|hiện\s+nay\s+có|tín\s+dụng){WB_R}",
    _I,
)
#: What there is at a date: "đến tháng 9/2024, toàn tỉnh có 320/411 xã đạt chuẩn NTM", "Lũy kế đến nay, Tây Ninh có gần
#: 32.000 doanh nghiệp" (a stock; "đến ngày 31/10 thu ngân sách đạt …" is a flow up to the date; "Đến nay, có 20/76 nhiệm
#: vụ đã hoàn thành" is the month's count; "Đến nay, toàn tỉnh đã có 113/146 xã đạt chuẩn" names the province: its stock
#: now).  The figures after it in its sentence are balances.
STOCK_AT_DATE = re.compile(
    rf"{WB_L}(?:(?:tính\s+)?(?:đến|tới)\s+nay\s*,?\s*(?:toàn\s+tỉnh|cả\s+tỉnh|toàn\s+thành\s+phố|trên\s+địa\s+bàn(?:\s+tỉnh)?)\s*(?:đã\s+)?có{WB_R}|"
    rf"(?:(?:lũy|luỹ)\s+kế\s+(?:đến|tới)\s+nay|(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?|tháng\s+\d{{1,2}}(?:\s?/\s?\d{{4}}|\s+năm\s+\d{{4}})?"
    rf"|(?<=hết\s)năm(?:\s+\d{{4}})?|cuối\s+năm(?:\s+\d{{4}})?))"
    rf"\s*,?\s*(?:toàn\s+tỉnh|cả\s+tỉnh|toàn\s+thành\s+phố|tỉnh|thành\s+phố|trên\s+địa\s+bàn(?:\s+tỉnh)?|(?-i:[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){{0,2}}))?"
    rf"\s*(?:đã\s+)?có{WB_R})",
    _I,
)  # ("Lũy kế đến nay, Tây Ninh có gần 32.000 doanh nghiệp": there is now, at the report's date)
#: What comes new over a period, said right after a count ("toàn tỉnh có 368 doanh nghiệp thành lập mới"): a flow, even
#: under a stock's date ("Tính đến ngày 10/6/2024, …"), not a stock.
NEW_FLOW = re.compile(rf"^\s*(?:(?:được\s+)?(?:thành\s+lập|đăng\s+ký|cấp|trồng|xây\s+dựng|phát\s+triển|thu\s+hút)\s+mới|mới\s+thành\s+lập|tăng\s+thêm){WB_R}", _I)
#: "với" joining a figure to the stock before it ("172 dự án còn hiệu lực với tổng mức đầu tư …").
WITH_JOIN = re.compile(rf"{WB_L}với{WB_R}", _I)
#: The date of a balance: "đến ngày 30/6", "đến 30/6/2022", "hết tháng 6/2022", "tại thời điểm 31/12".
BALANCE_DATE = re.compile(
    rf"{WB_L}(?P<now>(?:đến|tới)\s+nay)(?!\w)|{WB_L}(?:đến|tới|tại|hết|vào)\s+(?:hết\s+)?(?:thời\s+điểm\s+)?(?:ngày\s+)?(\d{{1,2}})/(\d{{1,2}})(?:/(\d{{4}}))?"
    rf"|{WB_L}(?:đến|tới|hết|cuối)\s+(?:hết\s+)?tháng\s+(\d{{1,2}})(?:\s?/\s?(\d{{4}})|\s+năm\s+(\d{{4}}))?",
    _I,
)


#: A document about the economy's growth: its title block names GRDP ("Quảng Ninh: GRDP 6 tháng đầu
#: năm tăng 9,02%"); there a growth of a part of the economy is the growth of its value added.
GROWTH_DOCUMENT = re.compile(rf"{WB_L}(?:GRDP|tăng\s+trưởng\s+kinh\s+tế|tổng\s+sản\s+phẩm){WB_R}", _I)
#: A contribution to growth ("đóng góp 3,36 điểm phần trăm vào tốc độ tăng …", "đóng góp -0,26 điểm phần trăm"; "khu vực
#: NLTS giảm 0,2% và làm giảm 0,01 điểm phần trăm tăng trưởng": a negative one): points, not a difference.
CONTRIBUTION = re.compile(rf"{WB_L}(?:đóng\s+góp(?:\s+(?:lớn\s+nhất|nhiều\s+nhất|chủ\s+yếu))?|làm\s+(?P<fall>giảm)|làm\s+tăng)\s*[-–]?\s*$", _I)
#: A share of a whole ("Nông, lâm, ngư nghiệp chiếm 12,1%"): not a growth rate.
SHARE_PREDICATE = re.compile(rf"{WB_L}chiếm(?:\s+(?:khoảng|gần|trên|dưới|tỷ\s+trọng|tỷ\s+lệ))*\s*$", _I)
#: A share said before a figure ("tương đương 26 - 27% GRDP", "chiếm 86,2% tổng dư nợ"): what follows the "%" is the whole.
SHARE_OF = re.compile(rf"{WB_L}(?:tương\s+đương|chiếm|bằng)(?:\s+(?:khoảng|gần|trên|dưới|từ|tỷ\s+trọng))*\s*[\d.,\s%–-]*$", _I)
#: The words that name a part of the economy: "ngành", "lĩnh vực", "khu vực".
SECTOR_WORD = re.compile(rf"{WB_L}(?:ngành|lĩnh\s+vực|khu\s+vực){WB_R}", _I)
#: A share of the economy named before its change ("cơ cấu kinh tế khu vực nông, lâm nghiệp và thủy sản giảm 1,02%;
#: khu vực công nghiệp và xây dựng tăng 4,19%"): the growths after it are changes of shares, in points.
SHARE_CHANGE = re.compile(rf"{WB_L}(?:cơ\s+cấu(?:\s+kinh\s+tế)?|tỷ\s+trọng)(?:\s+của)?\s+(?:khu\s+vực|ngành|lĩnh\s+vực){WB_R}", _I)

#: A stage or term of years named ("giai đoạn 2015 - 2019", "nhiệm kỳ 2025 - 2030"): a yearly average is over it.
STAGE_YEARS = re.compile(r"(?<!\w)(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ)\s+(\d{4})\s*[-–]\s*(\d{4})(?!\d)", _I)
#: An average rate said before a percentage ("tăng bình quân 7%", "tăng trưởng bình quân đạt 10%", "bình quân hằng năm
#: tăng"), not an amount per head ("bình quân đầu người").
AVERAGE_RATE = re.compile(r"(?<!\w)bình\s+quân(?!\s+(?:đầu|mỗi\s+người|một\s+người|chung|cả\s+nước|của))(?:\s+(?:hằng|hàng|mỗi)\s+năm)?"
                          r"(?:\s+(?:đạt|tăng|giảm|là|ở\s+mức))?(?:\s+(?:khoảng|trên|từ|gần|hơn))*\s*$", _I)
#: A Party congress's resolution, whose targets are of its term ("so với Nghị quyết Đại hội XIX Đảng bộ tỉnh").
CONGRESS_RESOLUTION = re.compile(r"(?<!\w)nghị\s+quyết\s+đại\s+hội(?!\w)", _I)
