"""The words of value types, sections, sentences, clauses and subjects.

Part of the pattern data of ``ingest.prose.patterns`` (which re-exports these and lists them in
its registry), kept apart so that each module stays one a reader can hold in mind.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
LETTER = r"[^\W\d_]"
WB_L = rf"(?<!{LETTER})"  # no letter before
WB_R = rf"(?!{LETTER})"  # no letter after

# --------------------------------------------------------------------------
# Value types and sections
# --------------------------------------------------------------------------

ESTIMATE_CUE = re.compile(rf"(?<!\bcông )(?<!\bhiệp )(?<!\bquy )(?<!\bmong ){WB_L}(?:ước|uớc|dự\s+ước|dự\s+kiến|dự\s+báo|ước\s+tính){WB_R}", _I)
#: An estimate said as its subject's verb ("Giá trị sản xuất công nghiệp ước đạt 11.587,6 tỷ đồng"): it reaches the
#: end of its clause, not the clauses after a ';' with subjects of their own ("Ước tính 6 tháng, …" reaches them).
#: A clause with no verb names only its subject before its figure ("; nhập khẩu 3.556 triệu USD"): a few words, no verb
#: (``PREDICATE`` at its end, or one of the verbs a report's clauses open with: "; thu hút trên 1,86 triệu lượt khách").
VERBLESS_MAX_WORDS = 6
#: A number of a period phrase, in the few characters around it ("tháng 6", "năm 2024", "quý 2", "9 tháng"): no figure.
PERIOD_NUMBER = re.compile(r".*(?:(?:tháng|năm|quý)\s+\d+|\d+\s+tháng)", re.I | re.S)
NUMBER_END = re.compile(r"\d+(?:[.,/]\d+)*")
CLAUSE_VERB = re.compile(rf"{WB_L}(?:thu\s+hút|tạo|giải\s+quyết|cấp|đón|phục\s+vụ|hỗ\s+trợ|giải\s+ngân|trồng|thành\s+lập|thực\s+hiện|hoàn\s+thành"
                         rf"|có|đạt|tăng|giảm|là|ước|dự\s+kiến|phấn\s+đấu|xuất\s+khẩu\s+được|bán|sản\s+xuất\s+được){WB_R}", _I)
ESTIMATE_PREDICATE = re.compile(rf"(?:ước|uớc|dự\s+ước|ước\s+tính|dự\s+kiến)\s+(?:đạt|tăng|giảm|thu|khoảng|có|là){WB_R}", _I)
PLAN_CUE = re.compile(rf"{WB_L}(?:phấn\s+đấu|phần\s+đầu|mục\s+tiêu|chỉ\s+tiêu\s+kế\s+hoạch|cần\s+đạt){WB_R}", _I)
#: A plan quoted beside a result: "vượt kế hoạch (kế hoạch 6,5-7,5%)".
PLAN_QUOTE = re.compile(r"\(\s*(?:theo\s+)?(?:kế\s+hoạch|KH|mục\s+tiêu|chỉ\s+tiêu)(?:\s+(?:năm|đề\s+ra|giao))?(?:\s+\d{4})?\s*(?:là|:)?\s*"
                        r"(?:(?:tăng|giảm|đạt)(?:\s+(?:từ|khoảng|trên))?\s*)?(?:\d+(?:[.,]\d+)*\s?%?\s?[-–]\s?)?$", _I)
#: A paragraph that opens with a short name and a colon ("Cây lúa: Gieo cấy 15.150,5 ha, …; sản lượng đạt
#: 84.718,4 tấn"): its figures whose own words name no indicator are of that subject.
TOPIC_LEAD = re.compile(r"^\s*(?:[-+•*]\s*)?([^\W\d][^:;,.()\d]{1,28}):\s")
#: A signed amount in parentheses right after a growth: "tăng 2,48% (+1,35 tạ/ha)", "giảm 11,54% (-820,3 ha)".
SIGNED_CHANGE = re.compile(r"\s*\(\s*[+-]?\s*")
#: A percentage printed with its sign and no verb ("Năm 2020 (+6,1%); năm 2021 (+13,8%)", "(-0,5%)"): a change.
SIGNED_PCT_BEFORE = re.compile(r"(?:\(\s*[+\-–−]|(?<![\d\s])\s\+)\s?$")
#: A value in parentheses after what it is compared with: "cao hơn mức cùng kỳ 2024 (8,49%)" (that
#: period's value), "tiệm cận kịch bản tăng trưởng đề ra (8,96–9,61%)", "cao hơn so với dự báo kịch bản tăng trưởng
#: trước đó là 1,96%" (the plan's).
COMPARED_QUOTE = re.compile(
    r"(?:(?P<same>cùng\s+kỳ(?:\s+năm)?\s+(?P<year>\d{4}))|(?P<plan>kịch\s+bản(?:\s+tăng\s+trưởng)?|kế\s+hoạch|mục\s+tiêu)"
    r"(?:\s+(?:đã\s+)?(?:đề\s+ra|đặt\s+ra|giao|trước\s+đó))?)\s*(?:\(|là|:)\s*(?:\d+(?:[.,]\d+)*\s?%?\s?[-–]\s?)?$", _I)
PLAN_YEAR_CUE = re.compile(rf"{WB_L}(?:KH|kế\s+hoạch)\s+(?:năm\s+)?(\d{{4}})", _I)
#: A plan named with its year ("Nghị quyết đề ra 24 chỉ tiêu chủ yếu phát triển kinh tế-xã hội năm 2024",
#: "mục tiêu năm 2024", "kế hoạch phát triển … năm 2024"): of a later year than the report's, the
#: figures it introduces are that year's plans.
#: "năm" and a year: every match of PLAN_NAME_YEAR holds one (a sentence without one is not searched).
NAMED_YEAR = re.compile(r"năm\s+\d{4}", _I)
PLAN_NAME_YEAR = re.compile(rf"{WB_L}(?:KH|kế\s+hoạch|nghị\s+quyết|chỉ\s+tiêu|mục\s+tiêu){WB_R}(?![^,;:.]{{0,80}}?(?:thực\s+hiện|kết\s+quả))[^,;:.]{{0,80}}?năm\s+(\d{{4}})", _I)
#: Targets said to be met after their count ("19 chỉ tiêu chủ yếu đạt và vượt kế hoạch", "25/25 chỉ tiêu đều đạt",
#: "9 chỉ tiêu vượt"), in the words after the count's unit, up to the clause's end.
TARGETS_MET = re.compile(rf"^[^,;:.()]{{0,40}}?{WB_L}(?:đạt|hoàn\s+thành|vượt){WB_R}", _I)
#: A heading about results (actual figures) or about targets (plans).
ACTUAL_HEADING = re.compile(rf"{WB_L}(?:kết\s+quả|tình\s+hình\s+thực\s+hiện|đánh\s+giá|kiểm\s+điểm|thực\s+hiện\s+(?:các\s+)?chỉ\s+tiêu)", _I)
PLAN_HEADING = re.compile(
    rf"{WB_L}(?:mục\s+tiêu|phương\s+hướng|nhiệm\s+vụ\s+(?:trọng\s+tâm|chủ\s+yếu)|kế\s+hoạch\s+năm|chỉ\s+tiêu\s+chủ\s+yếu\s+năm|thời\s+gian\s+tới|cuối\s+năm)",
    _I,
)
HEADING_START = re.compile(
    r"^(?:#{1,6}\s*|(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)\.\s+|[a-zđ]\)\s+|phần\s+thứ\s+|\*{1,3}\s*\)?\s*)", _I
)

# --------------------------------------------------------------------------
# Sentences and claims
# --------------------------------------------------------------------------

ABBREVIATIONS = re.compile(r"(?:\b(?:TP|TT|Tp|ThS|TS|PGS|GS|BS|KS|Th|St|v\.v|b/c|Đ/c|đ/c|Ths|Nxb|tr|TX|P)\.)$")
#: How far before a full stop an abbreviation can start (the longest, "v.v.", is 4 characters).
ABBREVIATION_REACH = 8
SENTENCE_END = re.compile(r"(?:\.{1,3}|…|[!?])(?=\s+[\"“(\-+•*]*\s*[A-ZĐÀ-Ỹ\d])")
#: Delimiters that close a clause.  A comma between digits is a decimal mark.
CLAUSE_DELIMITER = re.compile(r"[;:()]|,(?!\d)|(?<!\d),|\s[-–]\s")
#: Words that carry no subject: a clause made only of these continues the claim before it.
NONCONTENT = re.compile(
    rf"{WB_L}(?:ước\s+tính|ước\s+thực\s+hiện|ước|dự\s+ước|thực\s+hiện|tính\s+chung|tính|đạt\s+được|đạt|bằng|tăng\s+trưởng|tăng\s+thêm|tăng|giảm|vượt|chiếm|là|được|có|gấp|"
    r"thấp\s+hơn|cao\s+hơn|kém|hơn|còn|lên|xuống|khoảng|gần|trên|dưới|xấp\s+xỉ|ít\s+nhất|thêm|so\s+với|so|với|trong\s+đó|"
    r"trong|riêng|và|mức|tương\s+ứng|đến\s+nay|cụ\s+thể|như\s+sau|về|tổng\s+số|duy\s+trì|kế\s+hoạch|KH|năm|tháng|nay|"
    r"đến|hết|từ|ngày|lũy\s+kế|cả|đầu|cuối|trước|ngoái|tổng|đạt\s+và\s+vượt|nhưng|song|tuy\s+nhiên|đồng\s+thời|theo|đó|này|tương\s+đương|"
    rf"chưa|không|mục\s+tiêu|đề\s+ra|dự\s+toán|giao|chỉ(?!\s+(?:số|tiêu|đạo|thị))|nhẹ|khá|mạnh){WB_R}",  # (degree words: "chỉ giảm nhẹ")
    _I,
)
#: A sentence this short with no figure may name the subject of the next one: the row name of a table
#: printed as text, or "thu ngân sách … có tăng trưởng. Lũy kế 6 tháng … ước đạt 871 tỷ đồng".
ROW_LABEL_MAX = 400
#: "… so với cuối năm 2017 và hiện chiếm 1,31%": "và" and a verb after a comparison start another
#: statement, which the comparison is not about.
AND_PREDICATE = re.compile(rf"\s*(?:và|nhưng)\s+(?:hiện\s+(?:nay\s+)?)?(?:chiếm|đạt|là|có|còn|ở\s+mức){WB_R}", _I)
#: A line holding only a whole number (a table's row number, or a value of the row named before).
BARE_INTEGER = re.compile(r"\s*(\d{1,3})\s*")
#: A table's row number joined to its row's name when the PDF text was rejoined ("4 nhập khẩu phấn đấu (triệu USD)").
NUMBERED_ROW = re.compile(r"\s*(\d{1,3})\s+(?=[^\W\d_])")
#: A lead that introduces a list: "Cơ cấu kinh tế: …".
LEAD_COLON = re.compile(r"\s*:")
#: Disbursement: "giải ngân đạt X%" is always a share of the capital planned.
DISBURSEMENT = re.compile(rf"{WB_L}giải\s+ngân{WB_R}", _I)
#: An acronym ("GRDP", "CPI", "IIP", "FDI"): in parentheses after a subject it names the subject.
ACRONYM = re.compile(r"\s*[A-ZĐ]{2,}\s*")
BREAKDOWN = re.compile(rf"{WB_L}trong\s+đó{WB_R}|(?:^|(?<=[,;:(]))\s*riêng{WB_R}(?!\s+(?:lẻ|biệt|rẽ|tư|mình))", _I)  # "…, riêng công nghiệp tăng 15,15%"
#: Words that may precede a whole-subject alias ("=dịch vụ" after "khu vực").
SUBJECT_FILLERS = ("khu vực", "lĩnh vực", "ngành", "là", "đó", "và", "còn", "riêng")
#: Subject text: a clause start left out of the subject.
SUBJECT_LEAD = re.compile(
    rf"^(?:\s|[-+•*,;:.…]|\(\s*\d+\s*\)|\d+(?:\.\d+)*\.\s|trong\s+đó\s*(?:có)?|riêng|và|còn|cụ\s+thể|với|đồng\s+thời|theo\s+đó|{WB_L}có{WB_R})+",
    _I,
)
SUBJECT_TAIL = re.compile(
    rf"(?:\s|[,;:(]|{WB_L}(?:ước\s+tính|ước\s+thực\s+hiện|ước|dự\s+ước|đạt\s+được|đạt|bằng|tăng\s+trưởng|tăng\s+thêm|tăng|giảm|vượt|chiếm|là|được|có|gấp|"
    r"thấp\s+hơn|cao\s+hơn|khoảng|gần|trên|dưới|xấp\s+xỉ|thêm|lên|duy\s+trì)"
    rf"{WB_R})+$",
    _I,
)

#: The words after a figure's unit that still belong to it end at a clause break, a number,
#: or a verb that introduces the next figure.
#: ("469 doanh nghiệp với số vốn đăng ký …": what comes with the counted thing is not it.)
AFTER_TEXT_END = re.compile(r"[;,:()]|\d|(?:\s|^)(?:so\s+với|với|(?:đạt|tăng|giảm|bằng|chiếm|vượt)(?=\s+(?:\S+\s+){0,2}\d))(?:\s|$)", _I)
#: Words that are never a fallback unit.
NOT_A_UNIT = re.compile(rf"{WB_L}(?:so|với|đạt|tăng|giảm|bằng|vượt|chiếm|KH|kế|năm|tháng|và|là|được|trong|của)\b", _I)
#: "…: đạt 100% KH" after several claims: a summary of them.
SUMMARY_LEAD = re.compile(r"^\s*[%)\s]*:\s*(?:đạt|bằng)?\s*$", _I)
#: "tăng 20,7% về lượt xe": what a figure is about, stated after it.
ABOUT = re.compile(r"\s*về\s", _I)
#: A bare number right after "(" or ":" is a stated value ("(62,6%)", "quá hạn: 0").
VALUE_OPENER = re.compile(r"[(:]\s*$")
PAIR_SLASH = re.compile(r"\s?/\s?")
RANGE_DASH = re.compile(r"\s?[-–]\s?")
#: Count units that name the same thing.
COUNT_SYNONYMS = {"hợp tác xã": "htx", "lao động": "người", "trường học": "trường", "giường bệnh": "giường"}

#: Which indicators are refined or derived by the words around a figure is catalog data:
#: ``seeds/prose_indicator_derivations.csv`` (a level whose growth, or a rate whose fall, is an
#: indicator of its own; a refinement by unit, e.g. rice area in "tấn" is rice output).  Its cues
#: are compiled here, so every pattern the extractor applies is compiled by this module.


def compile_cue(pattern: str) -> re.Pattern[str]:
    """A cue of a seed row (a pattern written in a seed), compiled as the extractor's patterns are."""
    return re.compile(pattern, _I)


#: Old and new placement of the tone mark on oa/oe/uy, folded to the new one.
TONE_FOLD = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
#: Where a key of TONE_FOLD may be (its first letters): a text without one folds no tone placement.
TONE_FOLD_START = re.compile("[" + "".join(sorted({k[0] for k in TONE_FOLD})) + "]")
#: "y" and "i" spelt either way ("bác sỹ"/"bác sĩ", "tỷ"/"tỉ").
Y_FOLD = str.maketrans("ỳýỷỹỵ", "ìíỉĩị")


#: A count unit's multiplier, left out of the counted noun ("nghìn con" counts "con").
COUNT_PREFIX = re.compile(r"^(?:nghìn|ngàn|triệu)\s+", _I)
#: A dash opening a footnote body, after its mark.
LEADING_DASH = re.compile(r"^\s*(?:[-–]\s+)?")
#: A list item, not a heading.
BULLET_START = re.compile(r"^[-+•]")
#: A short integer listed after an identifier ("lớp 8, 9, 10").
SHORT_INTEGER = re.compile(r"\d{1,4}")
#: Where a sentence's lead (its opening phrase) ends.
LEAD_END = re.compile(r"[,:;]")
#: A sentence that opens with a comparison ("So với cùng kỳ năm 2021: …").
LEADING_SO_VOI = re.compile(rf"^\s*{WB_L}so(?:\s+với)?\s+", _I)  # "so với" (patterns.SO_VOI) leading a clause
WHITESPACE_RUN = re.compile(r"\s+")
WORD = re.compile(r"[^\W_]+")
HAS_LETTER = re.compile(LETTER)
#: What may stand between a figure and a comparison stated right after it: "101% (so với KH)".
#: (The per-what of a unit, "triệu đồng/người/năm", stands between a figure and its comparison.)
#: After a plan's name in a parenthesis, its value ("(kế hoạch năm 2023 là 7,5%)", "(KH: 7,5%)"): a quote, not a basis.
QUOTED_VALUE = re.compile(r"\s*(?:là|:|đề\s+ra)?\s*(?:(?:tăng|giảm|đạt)(?:\s+(?:từ|khoảng|trên))?\s*)?[-+]?\d", re.I)
#: A comparison right after a figure (``right_basis`` found no basis it knows in it): with the start of a term, the time
#: before a programme, another area's average ("so với đầu nhiệm kỳ", "so với trước khi …", "bình quân chung của Vùng").
OTHER_COMPARISON = re.compile(r"(?:\s?/\s?\w+)*[\s*]*(?:so(?:\s+với)?\s+|bình\s+quân\s+(?:chung\s+)?(?:của\s+)?(?:vùng|cả\s+nước|khu\s+vực))", re.I)
#: Another area's average a figure is compared with before it ("cao hơn tăng trưởng bình quân cả nước 2,68 điểm phần trăm").
AREA_AVERAGE_BEFORE = re.compile(r"(?:cao|thấp)\s+hơn\s+(?:mức\s+)?(?:tốc\s+độ\s+)?(?:tăng\s+trưởng\s+)?(?:bình\s+quân|trung\s+bình)\s+(?:chung\s+)?(?:của\s+)?"
                                 r"(?:cả\s+nước|vùng|khu\s+vực|toàn\s+quốc)[^,;()]*$", re.I)
FIGURE_TO_BASIS = re.compile(rf"^(?:\s?/\s?{LETTER}+)*[\s*]*(?:\(\s*)?")
#: Where a subject region is cut into clauses.
CORE_CUT = re.compile(r"[;:()]")
