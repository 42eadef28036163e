"""Patterns: the words that name (or do not name) a figure's subject: the economy's growth said bare, a part's role in
growth, a contribution's target, other areas' names (``ingest.prose.subject``, ``scope``)."""

from __future__ import annotations

import re

_I = re.IGNORECASE
LETTER = r"[^\W\d_]"
WB_L = rf"(?<!{LETTER})"  # no letter before
WB_R = rf"(?!{LETTER})"  # no letter after

#: A number printed in thousands ("5.795"): whole even where the page's end cuts what follows it.
THOUSANDS_GROUP = re.compile(r"\d\.\d{3}(?!\d)")

#: What a contribution goes into, then the next figure's verb ("đóng góp 3,21 điểm phần trăm vào tăng trưởng GRDP của
#: tỉnh, cao hơn 1,04%"): the whole is no subject; the figure after it is of the subject the contribution interrupted.
CONTRIBUTION_TARGET = re.compile(
    rf"\s*vào\s+(?:mức\s+|tốc\s+độ\s+)?tăng\s+trưởng(?:\s+(?:chung|GRDP|kinh\s+tế|của|tỉnh|toàn\s+tỉnh|thành\s+phố|nền))*"
    rf"\s*[,;]\s*(?:{LETTER}+\s*){{0,2}}", _I)

#: A growth said with no other subject, at the end of the text before a figure: the province's economy's ("Tăng trưởng
#: quý II của tỉnh ước tăng", "Kinh tế tỉnh Nam Định quý I/2024 tăng trưởng", "Điện Biên cần đạt tăng trưởng", "thì tăng
#: trưởng cả năm của tỉnh sẽ đạt", "quyết tâm đạt mục tiêu tăng trưởng"): GRDP growth (``subject.indicator_from_context``).
_GROWTH_PERIOD = r"(?:quý\s+[IV]+(?:/\d{4})?|\d+\s+tháng(?:\s+đầu\s+năm)?(?:\s+\d{4})?|năm\s+\d{4}|cả\s+năm)"
BARE_GROWTH = re.compile(
    rf"(?:^|[,“\"]|{WB_L}(?:thì|để|và|nhưng){WB_R})\s*"
    rf"(?:(?:nền\s+)?kinh\s+tế\s+(?:của\s+)?(?:tỉnh|thành\s+phố)(?:\s+{LETTER}+){{0,3}}\s+|(?:{LETTER}+\s+){{1,3}}(?=cần|phải|sẽ))?"
    rf"(?:(?:quyết\s+tâm|phấn\s+đấu|cần|phải|sẽ)\s+)*(?:đạt\s+)?(?:mục\s+tiêu\s+)?(?:{_GROWTH_PERIOD}\s+)?"
    rf"tăng\s+trưởng(?:\s+kinh\s+tế)?(?:\s+{_GROWTH_PERIOD})*(?:\s+của\s+(?:tỉnh|toàn\s+tỉnh|thành\s+phố)(?:\s+{LETTER}+){{0,3}})?"
    rf"(?:\s+(?:ước\s+tính|dự\s+ước|ước|sẽ|dự\s+kiến))?(?:\s+(?:đạt|tăng|là|ở\s+mức))?\s*$", _I)
#: A growth named by its noun alone at the end of the text before a figure ("…, tiếp tục đà khởi sắc với tốc độ tăng
#: trưởng 8,34%", "…, tốc độ tăng trưởng đạt 7,32%"): the growth of the level said just before it.
GROWTH_NOUN_END = re.compile(
    rf"{WB_L}(?:(?:tốc\s+độ|mức)\s+tăng(?:\s+trưởng)?|tăng\s+trưởng)(?:\s+(?:cao|khá|mạnh|nhanh))*"
    rf"(?:\s+(?:đạt|là|ở\s+mức|với\s+mức))?\s*$", _I)

#: What an area's name is written with in the seeds ("Thành phố Hà Nội"), left out of the name.
AREA_PREFIX = re.compile(r"^(?:Thành\s+phố|Tỉnh)\s+")
#: A clause that is only an area and a verb before its figure ("TPHCM đạt", "tỉnh Đồng Nai tăng"): ``scope.names_other_area``.
AREA_SUBJECT = re.compile(rf"[\s(,;:-]*(?:(?:tỉnh|thành\s+phố|TP\.?)\s+)?(?P<name>[^\W\d_][\w.]*(?:\s+[^\W\d_][\w.]*){{0,3}}?)"
                          rf"\s+(?:ước\s+đạt|đạt|tăng|là|với|chỉ\s+tăng|ước\s+tăng)?\s*")

#: A part's role in the economy's growth ("tiếp tục là trụ cột đòn bẩy tăng trưởng kinh tế của tỉnh", "trở thành bệ đỡ và
#: điểm sáng cho tăng trưởng kinh tế"): the growth it drives is not its subject (``subject.indicator_of`` blanks it).
GROWTH_ROLE = re.compile(
    rf"{WB_L}(?:là|trở\s+thành|giữ\s+vai\s+trò|đóng\s+vai\s+trò)\s+[^\d,;()]{{0,40}}?{WB_L}tăng\s+trưởng(?:\s+kinh\s+tế)?"
    rf"(?:\s+(?:chung\s+)?(?:của\s+)?(?:tỉnh|toàn\s+tỉnh|thành\s+phố)(?:\s+(?-i:[A-ZĐ])\w*){{0,3}})?{WB_R}", _I)



def area_alternation(names: list[str]) -> re.Pattern[str]:
    """One expression of the areas' names (longest first), as whole words (``scope.area_names``)."""
    return re.compile(rf"{WB_L}(?:{'|'.join(re.escape(n) for n in sorted(names, key=len, reverse=True))}){WB_R}")

#: A figure per year ("giảm 3,5%/năm", "đạt 9,1%/năm"): an average over several years, of no one period's indicator.
PER_YEAR = re.compile(r"\s*/\s*năm(?!\s*\d)", _I)
#: Where the words after an amount stop being what it counts: a conjunction opening the next subject ("đạt kim ngạch xuất
#: khẩu 22,8 tỷ USD và nhập khẩu 9,9 tỷ USD").
NEXT_SUBJECT = re.compile(rf"\s+(?:và|còn){WB_R}", _I)
#: A parenthesis opened right after a figure, holding words only so far ("(nông nghiệp tăng"): ``sentences.opens_part_list``.
PART_LIST_OPEN = re.compile(r"\s*\(\s*[^()\d;:]*")
