"""Stage: sentences and clauses.

A paragraph is split into sentences (abbreviations and list markers are not
sentence ends); the helpers here cut a sentence into clauses and find the
comparisons stated in them ("so với cùng kỳ năm trước").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ingest.prose import patterns as P
from ingest.prose.layout import Text
from ingest.prose.offsets import Offsets
from ingest.prose.model import Period

if TYPE_CHECKING:
    from ingest.prose.figures import Figure

@dataclass
class Section:
    period: Period | None = None
    plan: bool = False
    estimate: bool = False  # a heading that says its figures are estimates


@dataclass
class Sentence:
    text: str
    offs: Offsets  # where each character is in the document (ingest.prose.offsets)
    marks: list[tuple[int, int]]
    paragraph: int
    index_in_paragraph: int
    footnote_no: int | None
    heading: bool
    section: Section


def split_sentences(body: Text) -> list[tuple[int, int]]:
    text = body.text
    spans: list[tuple[int, int]] = []
    start = 0
    for m in P.SENTENCE_END.finditer(text):
        # an abbreviation ends at the full stop: search only the few characters before it (the
        # pattern is anchored at the end; a search of the whole prefix made long lines quadratic)
        if m.group(0) == "." and P.ABBREVIATIONS.search(text, max(0, m.end() - P.ABBREVIATION_REACH), m.end()):
            continue
        if text[max(0, m.start() - 2) : m.end() + 2].strip() in ("./.",):
            continue
        if P.BARE_MARKER.fullmatch(text, start, m.end()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def word_list(text: str) -> list[str]:
    return P.WORD.findall(text)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def after_last(text: str, chars: str) -> str:
    cut = max(text.rfind(c) for c in chars)
    return text[cut + 1 :] if cut >= 0 else text


def last_clause(between: str) -> str:
    cut = -1
    for m in P.CLAUSE_DELIMITER.finditer(between):
        cut = m.end()
    return between[cut:] if cut >= 0 else between


def split_left_basis(clause: str) -> tuple[str, str | None]:
    """The clause without a leading "so với X" comparison, and that comparison."""
    for so in P.SO_VOI.finditer(clause):
        rest = clause[so.end() :]
        for _, _, rx in P.BASIS:
            m = rx.match(rest)
            if m:
                after = rest[m.end() :]
                if P.AND_PREDICATE.match(after):
                    # "đã giảm so với cuối năm 2017 và hiện chiếm 1,31%": the comparison was the first verb's
                    return after, None
                if P.PREDICATE.search(after) or not after.strip():
                    return after, clause[so.start() : so.end() + m.end()]
    return clause, None


def right_basis(rest: str) -> tuple[str, int] | None:
    """A comparison right after a figure: "so với cùng kỳ", "KH"."""
    m = P.FIGURE_TO_BASIS.match(rest)
    pos = m.end() if m else 0
    so = P.SO_VOI.match(rest, pos)
    if so:
        body = rest[so.end() :]
        for _, _, rx in P.BASIS:
            b = rx.match(body)
            if b:
                return rest[pos : so.end() + b.end()], so.end() + b.end()
        return None
    body = rest[pos:]
    for _, basis, rx in P.BASIS:
        b = rx.match(body)
        if b and basis in P.DIRECT_BASES:
            if "(" in rest[:pos] and P.QUOTED_VALUE.match(body, b.end()):
                return None  # "5,71% (kế hoạch năm 2023 là 7,5%)": the plan's own value quoted beside, not what 5,71 is against
            return body[: b.end()], pos + b.end()
    return None


def enclosing_lead(text: str, pos: int) -> str:
    """The words before the parenthesis that encloses pos ("tăng so với tháng 3 (…")."""
    depth = 0
    i = pos
    while True:  # from parenthesis to parenthesis, right to left
        i = max(text.rfind("(", 0, i), text.rfind(")", 0, i))
        if i < 0:
            return ""
        if text[i] == ")":
            depth += 1
        elif depth == 0:
            start = max(text.rfind(";", 0, i), text.rfind("(", 0, i), text.rfind(":", 0, i)) + 1
            return text[start:i]
        else:
            depth -= 1


def comparison_spans(text: str) -> list[tuple[int, int, str]]:
    """Comparisons stated in text ("so với cùng kỳ năm trước"): (start, end, phrase)."""
    if "so" not in text.lower() and "ſ" not in text:
        return []  # SO_VOI (case-insensitive "so", which "ſ" matches too) cannot match
    spans = []
    for so in P.SO_VOI.finditer(text):
        rest = text[so.end() :]
        for _, _, rx in P.BASIS:
            m = rx.match(rest)
            if m:
                end = so.end() + m.end()
                spans.append((so.start(), end, text[so.start() : end]))
                break
    return spans


def phrase_end(text: str, fig: Figure) -> int:
    """Where the words that belong to a figure end: its unit, a comparison, the thing counted."""
    rest = text[fig.unit_end :]
    m = right_basis(rest)
    if m and not (fig.unit_class not in ("pct", "pp", "times") and P.BASIS_THEN_FIGURE.match(rest[m[1] :])):
        return fig.unit_end + m[1]
    if fig.unit and fig.unit_class not in ("pct", "pp", "times"):
        # "22,8 tỷ USD và nhập khẩu 9,9 tỷ USD": what follows an amount of money is not what it counts ("10 trường mầm non
        # và phổ thông" is)
        cut = P.NEXT_SUBJECT.search(fig.after) if fig.unit_class in ("vnd", "usd") else None
        return fig.unit_end + (cut.start() if cut else len(fig.after))  # "3.390 văn bản đến"
    if P.ABOUT.match(fig.after):
        return fig.unit_end + len(fig.after)  # "tăng 20,7% về lượt xe"
    return fig.unit_end


def lead_end_of(text: str, figures: list["Figure"]) -> int:
    """Where a sentence's lead ends: its first ",", ":" or ";" before its first figure (after a list marker)."""
    marker = P.LIST_MARKER.match(text)
    start = marker.end() if marker else 0
    end = figures[0].start if figures else len(text)
    m = P.LEAD_END.search(text, start, end)
    return m.start() if m else end


def under_stock_date(text: str, stock_ends: list[int], start: int) -> bool:
    """Whether a figure at ``start`` is of a stock at a date said before it ("đến tháng 9/2024, toàn tỉnh có",
    ending at one of ``stock_ends``): in that clause, or in later ones that each open with a figure or "có" ("…; 101/320 xã
    đạt chuẩn NTM nâng cao, tương đương 31,56%"); not in a clause with words of its own ("…; sản lượng quả ước đạt 378.500 tấn")."""
    for end in stock_ends:
        if end > start:
            continue
        clauses = text[end : start + 1].split(";")[1:]
        if all(c.lstrip()[:1].isdigit() or c.lstrip().lower().startswith("có ") for c in clauses):
            return True
    return False


def opens_breakdown(between: str) -> bool:
    """The words before a figure open a parenthesis that breaks down the claim before it and is not yet
    closed: "… ước 8.038 tỷ đồng (trong đó, bán lẻ hàng hóa ước 5.093 …"."""
    i = between.rfind("(")
    return i >= 0 and between.rfind(")") < i and P.BREAKDOWN.match(between[i + 1 :].lstrip()) is not None


def opens_part_list(between: str) -> bool:
    """The words before a figure open, right after the figure before, a parenthesis of words alone: the parts of that
    figure's subject listed ("khu vực nông, lâm, thủy sản tăng 3,75% (nông nghiệp tăng 1,36%, lâm nghiệp tăng 9,12%, …)")."""
    return P.PART_LIST_OPEN.fullmatch(between) is not None


def lead_estimate_end(text: str, lead: str) -> int:
    """How far the estimate said in a sentence's lead (the words before its first figure) reaches: to the end of the
    sentence ("Ước tính 6 tháng đầu năm, …"), or, said as its subject's verb ("Giá trị sản xuất công nghiệp ước đạt
    11.587,6 tỷ đồng, …; thu hút trên 1,86 triệu lượt khách …"), to the end of its clause (the first ';'); -1: none said."""
    m = P.ESTIMATE_CUE.search(lead)
    if m is None:
        return -1
    if lead[: m.start()].strip(" -+:,") and P.ESTIMATE_PREDICATE.match(lead, m.start()):
        semi = text.find(";", len(lead))
        while semi >= 0 and verbless_clause(text, semi + 1):
            semi = text.find(";", semi + 1)  # "…; nhập khẩu 3.556 triệu USD, tăng 19,13%": a clause with no verb shares the estimate's
        return semi if semi >= 0 else len(text)
    return len(text)


def verbless_clause(text: str, start: int, figure_start: int | None = None) -> bool:
    """Whether the clause at ``start`` names its subject and its first figure (at ``figure_start``, else its first digit)
    with no verb between ("nhập khẩu 3.556 triệu USD"): it goes on with the verb of the clause before it."""
    if figure_start is None:  # the first number that is not of a period phrase ("; tháng 6 đạt 20 tỷ đồng")
        digit = P.DIGIT.search(text, start)
        while digit is not None and P.PERIOD_NUMBER.match(text, max(start, digit.start() - 6), digit.end() + 8):
            digit = P.DIGIT.search(text, P.NUMBER_END.search(text, digit.start()).end())
        if digit is None:
            return False
        figure_start = digit.start()
    words = text[start:figure_start]
    return (";" not in words and bool(P.HAS_LETTER.search(words)) and len(words.split()) <= P.VERBLESS_MAX_WORDS
            and P.PREDICATE.search(words) is None and P.CLAUSE_VERB.search(words) is None)


def bare_parenthesis_start(text: str, start: int) -> int:
    """Where the parenthesis a figure at ``start`` stands in opens, when nothing but figures and signs are before it in
    there ("(13,5%", "(+10,74%; +10.960"); else -1."""
    opened = text.rfind("(", 0, start)
    if opened < 0 or text.rfind(")", opened, start) >= 0 or P.HAS_LETTER.search(text, opened + 1, start):
        return -1
    return opened


def predicate_before_parenthesis(text: str, start: int):
    """The predicate a figure alone in a parenthesis right after it is said by: "tăng khá (13,5%) so với năm 2024",
    "chỉ giảm nhẹ (-0,2%) so cùng kỳ", "tăng trưởng tốt (+10,74%; +10.960 tỷ đồng)" (a match of ``PREDICATE``, or None)."""
    opened = bare_parenthesis_start(text, start)
    return P.PREDICATE.search(text, max(0, opened - 60), opened) if opened > 0 else None


def figure_right_basis(text: str, fig: "Figure") -> tuple[str, int] | None:
    """``right_basis`` of the words after a figure; the figures alone in a parenthesis are compared by what follows the
    parenthesis ("tăng khá (13,5%) so với năm 2024", "(+10,74%; +10.960 tỷ đồng) so với cuối năm 2021")."""
    rest = text[fig.unit_end :]
    right = right_basis(rest)
    if right is None and bare_parenthesis_start(text, fig.start) >= 0:
        close = rest.find(")")
        if close >= 0 and not P.SO_VOI.search(rest, 0, close):
            inner = right_basis(rest[close + 1 :])
            return (inner[0], inner[1] + close + 1) if inner else None
    return right
