"""Figures stated in the prose of provincial reports, as facts.

``extract_facts`` reads a report's text and returns one ``ProseFact`` for every
number in running text that is a figure: the value of an indicator, or a ratio,
growth or difference stated with it ("đạt 101% KH", "tăng 29%", "thấp hơn 2,45
điểm phần trăm so với kế hoạch").  It is rule based and pure: text in, facts
out.  The rules, all in ``ingest.prose_patterns``, follow the language of these
reports:

* Layout.  Hard-wrapped PDF text is rejoined, footnote bodies (printed inline or
  at the page foot, marked ``¹``, ``<sup>1</sup>``, or a plain number in PDF
  text) are separated from the sentence they interrupt, markdown and HTML markup
  is stripped and pipe tables are skipped.  Offsets always point into the NFC
  text, so ``text[span_start:span_end] == printed``.
* Figures.  Dates, years, periods, document and article numbers, ordinals, list
  markers, footnote marks, names with digits and subject qualifiers ("trên 18
  tuổi", "xã đạt 19 tiêu chí") are not figures; every other number is.  A number
  that is not a well-formed Vietnamese number is kept with ``status='malformed'``.
* Claims.  A subject and the figures stated with it form a claim ("Thu ngân
  sách … đạt 3.085.050 triệu đồng; đạt 183% so với dự toán TW giao; …, tăng
  181%"): they share ``claim_no``.  A claim holds one value and one figure per
  comparison; a clause that names a new subject starts a new claim.
* Measures: ``value`` (the figure itself: an amount, a count, a rate or share in %;
  for growth-rate and increment indicators "tăng X" is the value, and the growth
  of a level or the fall of a rate that the catalog tracks as an indicator of its
  own is that indicator's value; an absolute change "tăng 09 vụ" is a value with
  the comparison's basis), ``ratio_pct``
  ("đạt/bằng X% KH", "gấp N lần", unit ``lần``), ``growth_pct`` ("tăng/giảm X%",
  giảm negative; "vượt X% KH" is growth vs plan) and ``pp`` (percentage points,
  "thấp hơn" negative).  Values are as printed, signed by the verb.
* Basis: as stated ("KH" → plan, "dự toán TW" → plan_central, "dự toán HĐND" →
  plan_council, "cùng kỳ" → same_period, "tháng trước"/the previous month →
  prior_month, "năm trước"/the previous year → prior_year); an unqualified growth
  is vs the same period of last year (prior_year for a whole year).  A comparison
  with any other period cannot be classified: basis ``none``, status
  ``unclassified``.
* Periods: the period phrase nearest before the figure in its sentence, else the
  lead of its paragraph, of the sentence that references its footnote, of its
  section heading, else the report's own period (a monthly report: January to its
  month; an annual report: the year).  "tháng 9 và 9 tháng" is ambiguous and
  gives the report's period.  "9 tháng" is 1–9, "tháng 9" is 9–9, "quý I" 1–3,
  "5 tháng/2023" 1–5 of 2023, "từ 01/01/2021 đến 20/9/2022" has no start month.
* Value types: ``plan`` in a targets section ("Mục tiêu …", "Phương hướng … năm
  2023") or with "phấn đấu", or the second figure of "thực hiện/kế hoạch" pairs
  ("3.669,25 ha/3.621,7 ha, đạt 101,3% KH"); ``estimate`` when stated ("ước …",
  "dự kiến") or when the period had not ended at the report date; else ``actual``.
* Indicators: subject aliases (``seeds/prose_subject_aliases.csv``, plus catalog
  names and variants) matched NFC-, case- and tone-placement-insensitively; the
  alias nearest to the figure wins, longer first; a value must fit the
  indicator's unit; aliases written ``=…`` ("=dịch vụ") must be the whole subject
  and apply only inside a breakdown ("trong đó") of their parent indicator.

A figure the rules cannot classify keeps ``status='unclassified'``; nothing is
dropped and nothing raises.
"""

from __future__ import annotations

import datetime as dt

import bisect
import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from ingest import prose_patterns as P
from ingest.numbers import MalformedNumber, parse_vn_number
from ingest.text import nfc
from ktxh.settings import SEEDS_DIR

SEEDS = SEEDS_DIR

Period = tuple[int | None, int | None, int | None]


@dataclass(frozen=True)
class ProseFact:
    document: str
    sentence_no: int
    sentence: str
    line: int
    span_start: int
    span_end: int
    subject: str
    indicator_code: str | None
    period_year: int | None
    month_from: int | None
    month_to: int | None
    value: Decimal | None
    decimals: int | None
    printed: str
    unit: str | None
    value_type: str
    basis: str
    measure: str
    status: str
    claim_no: int


# ==========================================================================
# Indicators and aliases
# ==========================================================================


@dataclass(frozen=True)
class Indicator:
    code: str
    unit_class: str
    kind: str
    parent: str | None
    unit: str = ""


@dataclass(frozen=True)
class Alias:
    code: str
    regex: re.Pattern[str]
    length: int
    whole_subject: bool


def fold(text: str) -> str:
    """Text for matching: NFC, lower case, one tone placement, y/i alike, punctuation as spaces.

    Keeps the length of the text, so positions in the folded text are positions
    in the original.
    """
    text = nfc(text).lower()
    for old, new in P.TONE_FOLD.items():
        text = text.replace(old, new)
    text = text.translate(P.Y_FOLD)
    return "".join(c if c.isalnum() else " " for c in text)


def _unit_class_of(unit: str) -> str:
    unit = unit.strip().lower()
    if unit in P.UNIT_CLASS_OF_INDICATOR_UNIT:
        return P.UNIT_CLASS_OF_INDICATOR_UNIT[unit]
    for known in P.UNITS:
        if known.regex.match(unit):
            return known.unit_class
    return "count" if unit else ""


def _count_noun(unit: str) -> str:
    """The counted thing of a count unit: "lượt khách" → "lượt", "bác sỹ/vạn dân" → "bác si"."""
    noun = unit.split("/")[0].strip().lower()
    noun = re.sub(r"^(?:nghìn|ngàn|triệu)\s+", "", noun)
    if noun.startswith("lượt"):
        noun = "lượt"
    noun = P.COUNT_SYNONYMS.get(noun, noun)
    return fold(noun).strip()


def _alias_regex(words: list[str], whole: bool) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(w) for w in words)
    if whole:
        filler = P.SUBJECT_FILLER
        return re.compile(rf"^\s*(?:{filler}\s+)?{body}\s*$|\s{filler}\s+{body}\s*$")
    return re.compile(rf"(?<!\w){body}(?!\w)")


@lru_cache(maxsize=1)
def indicator_tables() -> tuple[dict[str, Indicator], tuple[Alias, ...]]:
    """Indicators (catalog and secondary) and every subject alias, from the seeds."""
    indicators: dict[str, Indicator] = {}
    names: list[tuple[str, str]] = []
    with open(SEEDS / "indicator_catalog.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            indicators[row["measure_code"]] = Indicator(
                row["measure_code"], _unit_class_of(row["unit"]), row["kind"], row["parent_code"] or None, row["unit"]
            )
            if row["kind"] != "heading":
                # a child row named in few words ("Dịch vụ") is named relative to its parent
                short_child = row["parent_code"] and len(fold(row["name_vi"]).split()) <= 3
                names.append((row["measure_code"], ("=" if short_child else "") + row["name_vi"]))
    with open(SEEDS / "secondary_indicators.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            indicators[row["indicator_code"]] = Indicator(
                row["indicator_code"], _unit_class_of(row["unit"]), row["kind"], None, row["unit"]
            )
            names.append((row["indicator_code"], row["name_vi"]))
    with open(SEEDS / "measure_name_variants.csv", encoding="utf-8") as f:
        names += [(row["measure_code"], row["name_variant"]) for row in csv.DictReader(f)]
    with open(SEEDS / "prose_subject_aliases.csv", encoding="utf-8") as f:
        names += [(row["indicator_code"], row["alias"]) for row in csv.DictReader(f)]
    aliases: dict[tuple[str, str, bool], Alias] = {}
    for code, name in names:
        whole = name.startswith("=")
        words = fold(name.lstrip("=")).split()
        if words and code in indicators:
            key = (code, " ".join(words), whole)
            aliases[key] = Alias(code, _alias_regex(words, whole), len(" ".join(words)), whole)
    return indicators, tuple(aliases.values())


def _ancestors(code: str | None, indicators: dict[str, Indicator]) -> list[str]:
    out: list[str] = []
    while code and code in indicators and len(out) < 10:
        out.append(code)
        code = indicators[code].parent
    return out


# ==========================================================================
# Layout: lines → paragraphs → sentences, with offsets into the NFC text
# ==========================================================================


@dataclass
class _Text:
    """Clean text with the original offset of every character."""

    chars: list[str] = field(default_factory=list)
    offs: list[int] = field(default_factory=list)
    marks: list[tuple[int, int]] = field(default_factory=list)  # (position, footnote number)

    def add(self, text: str, start: int) -> None:
        self.chars.extend(text)
        self.offs.extend(range(start, start + len(text)))

    def extend(self, other: _Text, joiner_offset: int) -> None:
        """Append a line: both sides trimmed, one space between."""
        while self.chars and self.chars[-1].isspace():
            self.chars.pop()
            self.offs.pop()
        self.marks = [(min(p, len(self.chars)), n) for p, n in self.marks]
        lead = 0
        while lead < len(other.chars) and other.chars[lead].isspace():
            lead += 1
        end = len(other.chars)
        while end > lead and other.chars[end - 1].isspace():
            end -= 1
        if lead == end:
            return
        if self.chars:
            self.chars.append(" ")
            self.offs.append(joiner_offset)
        base = len(self.chars)
        self.chars.extend(other.chars[lead:end])
        self.offs.extend(other.offs[lead:end])
        self.marks.extend((base + min(max(p - lead, 0), end - lead), n) for p, n in other.marks)

    @property
    def text(self) -> str:
        return "".join(self.chars)


@dataclass
class _Line:
    number: int
    start: int
    raw: str
    kind: str  # text, blank, separator, table
    clean: _Text
    footnote_no: int | None = None
    markdown_heading: bool = False


@dataclass
class _Paragraph:
    body: _Text
    footnote_no: int | None
    heading: bool = False
    open_end: bool = False  # ended without closing punctuation


@dataclass
class _Section:
    period: Period | None = None
    plan: bool = False


@dataclass
class _Sentence:
    text: str
    offs: list[int]
    marks: list[tuple[int, int]]
    paragraph: int
    index_in_paragraph: int
    footnote_no: int | None
    heading: bool
    section: _Section




def _clean_line(raw: str, start: int) -> tuple[_Text, bool]:
    """Markup and footnote marks removed; returns the clean text and whether it was a markdown heading."""
    out = _Text()
    pos = 0
    heading = False
    m = P.MARKDOWN_HEADING.match(raw)
    if m:
        heading = True
        pos = m.end()
    for tok in P.MARKUP_TOKEN.finditer(raw, pos):
        out.add(raw[pos : tok.start()], start + pos)
        s = tok.group(0)
        if tok.group(1):
            out.marks.append((len(out.chars), int(tok.group(1))))
        elif s.startswith("&"):
            if s in P.HTML_ENTITIES:
                out.add(P.HTML_ENTITIES[s], start + tok.start())
        elif s[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹⁽":
            before = raw[max(0, tok.start() - 3) : tok.start()]
            if s in "²³" and P.EXPONENT_BEFORE.search(before):
                out.add(s, start + tok.start())  # m², km³: an exponent, not a mark
            else:
                out.marks.append((len(out.chars), int(s.translate(P.SUPERSCRIPT_DIGITS).strip("()"))))
        pos = tok.end()
    out.add(raw[pos:], start + pos)
    return out, heading


def _strip_prefix(t: _Text, n: int) -> _Text:
    out = _Text(t.chars[n:], t.offs[n:], [(p - n, k) for p, k in t.marks if p >= n])
    return out


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        raw_line = raw[:-1] if raw.endswith("\r") else raw
        stripped = raw_line.strip()
        if not stripped:
            kind = "separator" if len(raw_line) >= 10 else "blank"
            lines.append(_Line(number, start, raw_line, kind, _Text()))
        elif stripped.startswith("|"):
            lines.append(_Line(number, start, raw_line, "table", _Text()))
        else:
            clean, heading = _clean_line(raw_line, start)
            lines.append(_Line(number, start, raw_line, "text", clean, markdown_heading=heading))
        start += len(raw) + 1
    return lines


def _is_hard_wrapped(lines: list[_Line]) -> bool:
    text = [ln for ln in lines if ln.kind == "text"]
    if len(text) < 4:
        return False
    wraps = sum(
        1
        for a, b in zip(text, text[1:])
        if not P.OPEN_LINE_END.search(a.clean.text) and P.LOWER_START.match(b.clean.text)
    )
    return wraps / len(text) > 0.25


def _mark_footnote_starts(lines: list[_Line], hard_wrapped: bool) -> None:
    """Find footnote bodies; in PDF text also strip marks glued to words ("như1:").

    A plain number opens a footnote body only when that mark was already seen in
    the text and its body was not; marks glued to words in PDF text are taken in
    order (the next mark number only).
    """
    last_body = 0
    last_mark = 0
    seen_marks: set[int] = set()
    for ln in lines:
        if ln.kind != "text":
            continue
        t = ln.clean
        lead = len(t.text) - len(t.text.lstrip())
        first_mark = next((n for p, n in t.marks if p <= lead), None)
        if first_mark is not None:
            ln.footnote_no = first_mark
            t.marks = [(p, n) for p, n in t.marks if p > lead]
            last_body = max(last_body, first_mark)
            ln.clean = _strip_prefix(t, lead)
            _strip_dash(ln)
            continue
        m = P.FOOTNOTE_START_PLAIN.match(t.text)
        if m:
            n = int(m.group(1))
            if n in seen_marks and n > last_body:
                ln.footnote_no = n
                last_body = n
                ln.clean = _strip_prefix(t, m.end())
                _strip_dash(ln)
                continue
        if hard_wrapped:
            for rx in (P.GLUED_MARK, P.GLUED_MARK_AFTER_NAME):
                while True:
                    g = next((g for g in rx.finditer(t.text) if int(g.group(1)) == last_mark + 1), None)
                    if g is None:
                        break
                    a, b = g.start(1), g.end(1)
                    del t.chars[a:b]
                    del t.offs[a:b]
                    t.marks = [(p if p <= a else p - (b - a), k) for p, k in t.marks] + [(a, last_mark + 1)]
                    last_mark += 1
        for _, n in t.marks:
            seen_marks.add(n)
            last_mark = max(last_mark, n)


def _strip_dash(ln: _Line) -> None:
    m = re.match(r"^\s*(?:[-–]\s+)?", ln.clean.text)
    if m and m.end():
        ln.clean = _strip_prefix(ln.clean, m.end())


def _is_heading(text: str, markdown: bool) -> bool:
    t = text.strip().rstrip("*").strip()
    if not t or len(t) > 250 or t.endswith(".") and not t.endswith("./."):
        return markdown and len(t) < 250
    if markdown:
        return True
    letters = [c for c in t if c.isalpha()]
    if len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        return True
    return bool(P.HEADING_START.match(t)) and not re.match(r"^[-+•]", t) and not t.endswith(";")


def _paragraphs(lines: list[_Line]) -> list[_Paragraph]:
    hard = _is_hard_wrapped(lines)
    _mark_footnote_starts(lines, hard)
    widths = sorted(len(ln.raw.strip()) for ln in lines if ln.kind == "text")
    typical = widths[len(widths) * 3 // 4] if widths else 80
    paragraphs: list[_Paragraph] = []
    main: _Paragraph | None = None  # main-text paragraph being built
    open_main: _Paragraph | None = None  # last main paragraph, when it ended mid-sentence
    note: _Paragraph | None = None  # footnote paragraph being built
    in_zone = False
    prev_raw = ""

    def close_main(reopenable: bool = True) -> None:
        nonlocal main, open_main
        if main is not None:
            main.open_end = not P.CLOSING_PUNCT.search(main.body.text) and not main.heading
            open_main = main if main.open_end and reopenable else None
            main = None

    for ln in lines:
        if ln.kind == "table":
            close_main()
            note, in_zone, open_main = None, False, None
            continue
        if ln.kind in ("blank", "separator"):
            if ln.kind == "separator" and hard:
                close_main()
                in_zone = True
            elif not hard:
                close_main()
            continue
        text = ln.clean.text
        if ln.footnote_no is not None:
            if not hard:
                close_main()
            note = _Paragraph(_Text(), ln.footnote_no)
            note.body.extend(ln.clean, ln.start)
            paragraphs.append(note)
            in_zone = True
            continue
        if hard and in_zone:
            if P.PAGE_BODY_LINE.match(ln.raw):
                in_zone = False
                note = None
            elif note is not None:
                note.body.extend(ln.clean, ln.start)
                continue
        if not hard and note is not None:
            if P.DASH_ITEM.match(text):
                para = _Paragraph(_Text(), note.footnote_no)
                para.body.extend(ln.clean, ln.start)
                paragraphs.append(para)
                continue
            note = None
        in_zone = False
        starts_lower = bool(P.LOWER_START.match(text))
        new_block = ln.markdown_heading or bool(P.LIST_START.match(text)) or bool(P.HEADING_START.match(text.strip()))
        if hard:
            if main is not None:
                prev_short = len(prev_raw.strip()) < 0.8 * typical
                closes = bool(P.CLOSING_PUNCT.search(prev_raw))
                heading_end = prev_short and not closes and P.UPPER_START.match(text)
                if new_block or (closes and prev_short) or heading_end:
                    close_main(reopenable=False)
            if main is None and open_main is not None and not new_block and not ln.markdown_heading:
                main, open_main = open_main, None
                main.body.extend(ln.clean, ln.start)
            elif main is None:
                main = _Paragraph(_Text(), None)
                main.body.extend(ln.clean, ln.start)
                paragraphs.append(main)
            else:
                main.body.extend(ln.clean, ln.start)
            prev_raw = ln.raw
        else:
            close_main()
            if open_main is not None and starts_lower and not new_block:
                open_main.body.extend(ln.clean, ln.start)
                main, open_main = open_main, None
            else:
                main = _Paragraph(_Text(), None)
                main.body.extend(ln.clean, ln.start)
                main.heading = _is_heading(text, ln.markdown_heading)
                paragraphs.append(main)
    close_main()
    for para in paragraphs:
        if para.footnote_no is None and not para.heading:
            para.heading = _is_heading(para.body.text, False) and len(para.body.text) < 250
    return paragraphs


def _split_sentences(body: _Text) -> list[tuple[int, int]]:
    text = body.text
    spans: list[tuple[int, int]] = []
    start = 0
    for m in P.SENTENCE_END.finditer(text):
        if m.group(0) == "." and P.ABBREVIATIONS.search(text[: m.end()]):
            continue
        if text[max(0, m.start() - 2) : m.end() + 2].strip() in ("./.",):
            continue
        if P.BARE_MARKER.fullmatch(text[start : m.end()]):
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


# ==========================================================================
# Periods
# ==========================================================================


def _year(*groups: str | None) -> int | None:
    for g in groups:
        if g:
            return int(g)
    return None


def _period_of(name: str, m: re.Match[str]) -> Period | None:
    g = m.groups()
    if name == "date_range":
        y1, y2 = _year(g[2]), int(g[5])
        if y1 is not None and y1 != y2:
            return (y2, None, int(g[4]))
        return (y2, int(g[1]), int(g[4]))
    if name == "until_date":
        return (int(g[2]), 1, int(g[1]))
    if name == "until_month":
        return (_year(g[1], g[2]), 1, int(g[0]))
    if name == "year_to_date":
        return (_year(g[0], g[1]), 1, 0)  # 0: up to the report month
    if name == "last_months":
        n = int(g[0])
        return (_year(g[1]), 13 - n, 12) if 1 <= n <= 12 else None
    if name == "first_months":
        n = int(g[0])
        return (_year(g[1], g[2], g[3]), 1, n) if 1 <= n <= 12 else None
    if name == "quarter":
        q = P.QUARTERS[g[0].upper()]
        return (_year(g[1], g[2]), 3 * q - 2, 3 * q)
    if name == "month":
        n = int(g[0])
        return (_year(g[1], g[2]), n, n) if 1 <= n <= 12 else None
    if name == "year":
        return (_year(g[0], g[1]), 1, 12)
    if name == "this_month":
        return (None, -1, -1)  # the report's month
    return None


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _find_periods(text: str) -> list[tuple[int, int, str, Period]]:
    """Period phrases in text (dates that are not periods and comparisons blanked by the caller)."""
    found: list[tuple[int, int, str, Period]] = []
    taken: list[tuple[int, int]] = []
    for name, rx in P.PERIODS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            period = _period_of(name, m)
            if period is not None:
                found.append((m.start(), m.end(), name, period))
                taken.append((m.start(), m.end()))
    return sorted(found)


def _not_period_spans(text: str) -> list[tuple[int, int]]:
    """Dates and names with years that are not periods; "đến ngày …" stays a period."""
    kept = [(m.start(), m.end()) for name, rx in P.PERIODS if name in ("date_range", "until_date") for m in rx.finditer(text)]
    return [
        (m.start(), m.end())
        for m in P.NOT_PERIOD.finditer(text)
        if not any(a <= m.start() and m.end() <= b for a, b in kept)
    ]


def _nearest_period(text: str, heading: bool = False) -> tuple[Period | None, bool]:
    """The period phrase nearest the end of text, and whether it is ambiguous.

    In a heading, "KẾ HOẠCH … NĂM 2024" is the period of the section, not a document's name.
    """
    spans = _not_period_spans(text)
    if heading:  # keep "… NĂM 2024" after a plan's name; still drop dates
        spans = [(a, b) for a, b in spans if text[a:b].lower().startswith(("ngày", "tháng", "tuần"))]
    text = _blank(text, spans)
    text = _blank(text, [(a, b) for a, b, _ in _comparison_spans(text)])
    found = _find_periods(text)
    if heading and not found:
        m = P.HEADING_YEAR.search(text.strip())
        if m:
            return (int(m.group(1)), 1, 12), False
    if not found:
        return None, False
    last = found[-1]
    if len(found) >= 2:
        prev = found[-2]
        kinds = {prev[2], last[2]}
        if P.PERIOD_JOINER.match(text[prev[1] : last[0]]) and len(kinds) == 2 and kinds & {"month"}:
            return None, True
    return last[3], False


def _paragraph_lead(first_sentence: str, lead: str) -> tuple[Period | None, bool]:
    """The period a paragraph's first sentence opens with; ambiguous when that sentence
    also speaks of another kind of period ("Trong tháng 10, …; lũy kế 10 tháng …")."""
    period, ambiguous = _nearest_period(lead)
    if period is None or ambiguous:
        return period, ambiguous
    text = _blank(first_sentence, _not_period_spans(first_sentence))
    text = _blank(text, [(a, b) for a, b, _ in _comparison_spans(text)])
    single = {name == "month" for _, _, name, _ in _find_periods(text)}
    return (None, True) if len(single) > 1 else (period, False)


def _comparison_spans(text: str) -> list[tuple[int, int, str]]:
    """Comparisons stated in text ("so với cùng kỳ năm trước"): (start, end, phrase)."""
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


def _default_period(text: str, year: int | None, month: int | None) -> Period:
    """The report's own period, from its title area; else January to the report month."""
    head = text[:1500]
    head = _blank(head, _not_period_spans(head))
    head = _blank(head, [(m.start(), m.end()) for m in P.DATE_IN_WORDS.finditer(head)])
    for _, _, name, (y, a, b) in _find_periods(head):
        y = y or year
        if name in ("first_months", "last_months", "quarter"):
            return (y, a, b)
        if name == "month":
            return (y, 1, b)
        if name == "year" and (y == year or year is None):
            return (y, 1, 12)
    return (year, 1, month) if month else (year, 1, 12)


# ==========================================================================
# Report date
# ==========================================================================

def report_date(document_name: str, text: str) -> tuple[int | None, int | None]:
    """(year, month) of a report: the file name's ``YYYY-MM_`` prefix, else the first date line."""
    m = P.FILE_DATE.search(Path(document_name).name if "/" in document_name else document_name)
    if m and 1 <= int(m.group(2)) <= 12:
        return int(m.group(1)), int(m.group(2))
    m = P.TEXT_DATE.search(nfc(text))
    if m:
        month, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return int(year), int(month)
    return None, None


# ==========================================================================
# Figures in a sentence
# ==========================================================================


@dataclass
class _Figure:
    start: int
    end: int
    printed: str
    value: Decimal | None
    decimals: int | None
    malformed: bool
    unit: str | None = None
    unit_class: str = ""
    unit_end: int = 0
    after: str = ""  # words after the unit, up to the clause end
    pair_second: bool = False
    has_pair_second: bool = False


def _skip_spans(text: str) -> list[tuple[int, int, str]]:
    spans = [(m.start(), m.end(), p.name) for p in P.SKIP_SPANS for m in p.regex.finditer(text)]
    m = P.LIST_MARKER.match(text)
    if m and m.end():
        spans.append((0, m.end(), "list_marker"))
    return spans


def _find_figures(text: str) -> list[_Figure]:
    skips = _skip_spans(text)
    figures: list[_Figure] = []
    chain_end = -1  # end of the last skipped identifier or ordinal list
    for m in P.NUMBER.finditer(text):
        a, b = m.start(), m.end()
        kinds = [k for s, e, k in skips if s <= a and b <= e]
        if kinds:
            if set(kinds) & P.LISTABLE_SKIPS:
                chain_end = b
            continue
        if chain_end >= 0 and P.LIST_CONTINUATION.match(text[chain_end:a]) and re.fullmatch(r"\d{1,4}", m.group(0)):
            chain_end = b
            continue
        chain_end = -1
        printed = m.group(0)
        try:
            parsed = parse_vn_number(printed)
            fig = _Figure(a, b, printed, parsed.value, parsed.decimals, False)
        except MalformedNumber:
            fig = _Figure(a, b, printed, None, None, True)
        figures.append(fig)
    for i, fig in enumerate(figures):
        _read_unit(text, fig)
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        if nxt is not None and P.PAIR_SLASH.fullmatch(text[fig.unit_end : nxt.start]):
            fig.has_pair_second = True
            nxt.pair_second = True
    for i, fig in enumerate(figures):
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        ranged = nxt is not None and P.RANGE_DASH.fullmatch(text[fig.unit_end : nxt.start])
        if (fig.has_pair_second or ranged) and fig.unit is None and nxt is not None:
            fig.unit, fig.unit_class = nxt.unit, nxt.unit_class
    return figures


def _read_unit(text: str, fig: _Figure) -> None:
    rest = text[fig.end :]
    for unit in P.UNITS:
        m = unit.regex.match(rest)
        if m:
            fig.unit, fig.unit_class = unit.name, unit.unit_class
            fig.unit_end = fig.end + m.end()
            break
    else:
        fig.unit_end = fig.end
        m = P.FALLBACK_UNIT.match(rest)
        if m and not P.NOT_A_UNIT.match(m.group(1)):
            fig.unit = m.group(1)
            fig.unit_class = "count"
            fig.unit_end = fig.end + m.end()
    after = text[fig.unit_end :]
    cut = P.AFTER_TEXT_END.search(after)
    fig.after = after[: cut.start()] if cut else after


# ==========================================================================
# Claims
# ==========================================================================


@dataclass
class _Fact:
    figure: _Figure
    measure: str
    basis: str
    value: Decimal | None
    unit: str | None
    status: str
    value_type: str
    period: Period
    indicator: str | None


@dataclass
class _Claim:
    number: int
    region: str  # text that names the subject
    subject: str
    indicator: str | None
    estimate: bool
    parent: _Claim | None
    facts: list[_Fact] = field(default_factory=list)


@dataclass
class _Context:
    """What a sentence knows from outside itself."""

    period: Period | None = None
    ambiguous: bool = False
    estimate: bool = False
    basis: str | None = None
    parent: _Claim | None = None


class _Extractor:
    def __init__(self, text: str, document: str, year: int | None, month: int | None):
        self.text = text
        self.document = document
        self.year = year
        self.month = month
        self.default = _default_period(text, year, month)
        self.indicators, self.aliases = indicator_tables()
        self.claim_counter = 0
        self.facts: list[ProseFact] = []
        self.footnote_refs: dict[int, _Context] = {}
        starts = [0]
        for i, c in enumerate(text):
            if c == "\n":
                starts.append(i + 1)
        self.line_starts = starts

    # ---------------------------------------------------------------- layout
    def sentences(self) -> list[_Sentence]:
        """Sentences in document order, each with its paragraph, footnote number and section."""
        paragraphs = _paragraphs(_lines(self.text))
        section = _Section(None, False)
        out: list[_Sentence] = []
        for index, para in enumerate(paragraphs):
            body = para.body
            if para.heading and para.footnote_no is None:
                section = self._section_after(section, body.text)
            for k, (a, b) in enumerate(_split_sentences(body) if not para.heading else [(0, len(body.text))]):
                t = body.text
                while a < b and t[a].isspace():
                    a += 1
                if a >= b:
                    continue
                marks = [(p - a, n) for p, n in body.marks if a <= p <= b]
                out.append(_Sentence(t[a:b], body.offs[a:b], marks, index, k, para.footnote_no, para.heading, section))
        out.sort(key=lambda s: s.offs[0])
        return out

    def _section_after(self, section: _Section, heading: str) -> _Section:
        """The section a heading opens: results (actual) or targets (plan), and its period."""
        period, ambiguous = _nearest_period(heading, heading=True)
        plan = section.plan
        if P.ACTUAL_HEADING.search(heading):
            plan = False
        elif P.PLAN_HEADING.search(heading):
            plan = True
        if period is not None and period[0] is not None and self.year and period[0] > self.year:
            plan = True
        new_period = section.period if plan == section.plan else None
        if ambiguous:
            new_period = None
        elif period is not None:
            new_period = period
        return _Section(new_period, plan)

    # ---------------------------------------------------------------- run
    def run(self) -> list[ProseFact]:
        """All facts, sentence by sentence in document order."""
        sentences = self.sentences()
        paragraph_lead: dict[int, tuple[Period | None, bool]] = {}
        paragraph_last_claim: dict[int, _Claim] = {}
        for number, sent in enumerate(sentences, start=1):
            figures = _find_figures(sent.text)
            lead_end = self._lead_end(sent.text, figures)
            lead = sent.text[:lead_end]
            if sent.index_in_paragraph == 0:
                paragraph_lead[sent.paragraph] = _paragraph_lead(sent.text, lead)
            ctx = _Context()
            if sent.footnote_no is not None and sent.footnote_no in self.footnote_refs:
                ctx = self.footnote_refs[sent.footnote_no]
            parent = ctx.parent
            if P.BREAKDOWN.match(sent.text.lstrip("-+ ")) and sent.paragraph in paragraph_last_claim:
                parent = paragraph_last_claim[sent.paragraph]
            para_lead = paragraph_lead.get(sent.paragraph) if sent.index_in_paragraph else None
            claims = self._sentence(sent, number, figures, lead, para_lead, ctx, parent)
            if claims:
                paragraph_last_claim[sent.paragraph] = claims[-1]
            for pos, n in sent.marks:  # what a footnote body will know of the sentence that calls it
                self.footnote_refs.setdefault(n, self._context_at(sent, pos, claims, lead, para_lead))
        return self.facts

    @staticmethod
    def _lead_end(text: str, figures: list[_Figure]) -> int:
        marker = P.LIST_MARKER.match(text)
        start = marker.end() if marker else 0
        end = figures[0].start if figures else len(text)
        m = re.compile(r"[,:;]").search(text, start, end)
        return m.start() if m else end

    def _context_at(self, sent: _Sentence, pos: int, claims: list[_Claim], lead: str, para_lead) -> _Context:
        before = sent.text[:pos]
        clause_start = max(before.rfind(";"), before.rfind("("), 0)
        clause = before[clause_start:]
        period, ambiguous = _nearest_period(before)
        if period is None and not ambiguous and para_lead is not None:
            period, ambiguous = para_lead
        basis = None
        for _, _, phrase in _comparison_spans(clause):
            basis = self._basis_of_phrase(phrase, period or self.default) or basis
        prior = [c for c in claims if c.facts and c.facts[0].figure.start < pos]
        return _Context(
            period=period,
            ambiguous=ambiguous,
            estimate=bool(P.ESTIMATE_CUE.search(clause) or P.ESTIMATE_CUE.search(lead)) or bool(prior and prior[-1].estimate),
            basis=basis if basis not in (None, "?") else None,
            parent=prior[-1] if prior else None,
        )

    # ---------------------------------------------------------------- one sentence
    def _sentence(self, sent: _Sentence, number: int, figures: list[_Figure], lead: str, para_lead, ctx: _Context, parent: _Claim | None) -> list[_Claim]:
        """Facts of one sentence, claim by claim."""
        text = sent.text
        claims: list[_Claim] = []
        current: _Claim | None = None
        marker = P.LIST_MARKER.match(text)
        prev_end = marker.end() if marker else 0
        lead_estimate = bool(P.ESTIMATE_CUE.search(lead))
        lead_basis = None
        if re.match(rf"\s*{P.SO_VOI.pattern}", lead, re.I):  # "So với cùng kỳ năm 2021: …"
            spans = _comparison_spans(lead)
            lead_basis = spans[0][2] if spans else None
        for fig in figures:
            between = text[prev_end : fig.start]
            tail, left_basis_phrase = _split_left_basis(_last_clause(between))
            pred_m = P.PREDICATE.search(tail)
            pred = re.sub(r"\s+", " ", pred_m.group("pred").lower()) if pred_m else None
            group_lead = _group_lead(text, fig.start)
            if P.BREAKDOWN.search(between):
                parent = current if current is not None else parent
            summary = P.SUMMARY_LEAD.match(between) is not None
            new_claim = not fig.pair_second and (current is None or bool(_residue(between)) or summary)
            period = self._period(sent, fig, para_lead, ctx)
            raw_measure, basis, sign, unit, status = self._measure(fig, pred, tail, left_basis_phrase, text, period, group_lead, lead_basis, ctx)

            if new_claim and summary and claims:
                code = self._common_parent(claims)
                current = self._new_claim(text[: fig.start], fig, raw_measure, parent, claims, forced=code)
                if code is None:
                    current.indicator = claims[-1].indicator
            elif new_claim:
                current = self._new_claim(between, fig, raw_measure, parent, claims)
            elif not fig.pair_second and raw_measure == "value" and current.indicator and not self._fits(current.indicator, fig, raw_measure):
                current = self._new_claim(between, fig, raw_measure, parent, claims)  # "…; có thêm 12 trường …"
            elif not fig.pair_second and any(
                f.measure == raw_measure and f.basis == basis and not f.figure.pair_second for f in current.facts
            ):  # one fact per comparison in a claim: a second one starts a claim of its own
                if ";" in between:  # across a clause break the subject is not carried over
                    current = self._new_claim(between, fig, raw_measure, parent, claims)
                else:
                    current = self._new_claim(current.region, fig, raw_measure, parent, claims, inherit=current)
            assert current is not None
            measure, basis, indicator, positive_fall = self._final_measure(current, fig, raw_measure, basis, pred, period)

            value = fig.value
            if value is not None and sign < 0 and not positive_fall:
                value = -value
            if fig.malformed:
                status = "malformed"
            elif (status == "ok" and fig.unit is None and pred is None and basis == "none" and measure == "value"
                  and not fig.pair_second and not fig.has_pair_second and not P.VALUE_OPENER.search(text[: fig.start])):
                status = "unclassified"  # a bare number: no unit, no verb, no comparison
            estimate = (current.estimate or lead_estimate or bool(P.ESTIMATE_CUE.search(tail)) or bool(P.ESTIMATE_CUE.search(group_lead))
                        or (sent.footnote_no is not None and ctx.estimate) or (parent is not None and parent.estimate))
            if not current.facts:
                current.estimate = current.estimate or estimate
            value_type = self._value_type(sent, current, _after_last(between, ";") + " " + tail, measure, estimate, period)
            current.facts.append(_Fact(fig, measure, basis, value, unit, status, value_type, period, indicator))

            prev_end = self._phrase_end(text, fig)
        for claim in claims:
            self._finish_claim(claim)
            for fact in claim.facts:
                self._emit(sent, number, claim, fact)
        return claims

    def _value_type(self, sent: _Sentence, claim: _Claim, tail: str, measure: str, estimate: bool, period: Period) -> str:
        """plan in a targets section or with "phấn đấu"; estimate when stated or when the period had not ended."""
        subject_text = _after_last(claim.region, ";") + tail
        if measure == "value" and (sent.section.plan or P.PLAN_CUE.search(subject_text) or self._plan_year(claim.region + tail)):
            return "plan"
        if sent.section.plan:
            return "plan"
        if estimate:
            return "estimate"
        year, _, month_to = period
        if year and self.year and month_to and self.month and (year, month_to) > (self.year, self.month):
            return "estimate"
        return "actual"

    def _plan_year(self, text: str) -> bool:
        m = P.PLAN_YEAR_CUE.search(text)
        return bool(m and self.year and int(m.group(1)) > self.year)

    def _phrase_end(self, text: str, fig: _Figure) -> int:
        """Where the words that belong to a figure end: its unit, a comparison, the thing counted."""
        rest = text[fig.unit_end :]
        m = _right_basis(rest)
        if m and not (fig.unit_class not in ("pct", "pp", "times") and P.BASIS_THEN_FIGURE.match(rest[m[1] :])):
            return fig.unit_end + m[1]
        if (fig.unit and fig.unit_class not in ("pct", "pp", "times")) or P.ABOUT.match(fig.after):
            return fig.unit_end + len(fig.after)  # "3.390 văn bản đến", "tăng 20,7% về lượt xe"
        return fig.unit_end

    def _common_parent(self, claims: list[_Claim]) -> str | None:
        codes = [c.indicator for c in claims if c.indicator]
        distinct = list(dict.fromkeys(codes))
        if len(distinct) < 2:
            return None
        chains = [_ancestors(c, self.indicators)[1:] for c in distinct[-3:]]
        for candidate in chains[0]:
            if all(candidate in chain for chain in chains[1:]):
                return candidate
        return None

    # ---------------------------------------------------------------- periods
    def _period(self, sent: _Sentence, fig: _Figure, para_lead, ctx: _Context) -> Period:
        """The nearest period phrase before the figure in its sentence, else the paragraph's lead,
        the referencing sentence of a footnote, the section heading, the report's period."""
        levels = [_nearest_period(sent.text[: fig.start])]
        if para_lead is not None:
            levels.append(para_lead)
        if sent.footnote_no is not None:
            levels.append((ctx.period, ctx.ambiguous))
        found: Period | None = None
        ambiguous = False
        for period, unclear in levels:
            if unclear:
                ambiguous = True
                break
            if period is not None:
                found = period
                break
        if found is None and not ambiguous and sent.section.period is not None:
            found = sent.section.period
        if found is None:
            found = self.default
        year, a, b = found
        if year is None:
            base = sent.section.period if sent.section.period and sent.section.period[0] else self.default
            year = base[0]
        if b == 0:  # year to date
            b = self.month if year == self.year and self.month else 12
        if b == -1:  # "trong tháng": the report's month
            a = b = self.month or self.default[2]
        return (year, a, b)

    # ---------------------------------------------------------------- measures
    def _measure(self, fig: _Figure, pred: str | None, tail: str, left_basis_phrase: str | None, text: str, period: Period, group_lead: str, lead_basis: str | None, ctx: _Context):
        """Raw measure, basis, sign, unit and status from the words around a figure."""
        status = "ok"
        right = _right_basis(text[fig.unit_end :])
        if right and fig.unit_class not in ("pct", "pp", "times") and P.BASIS_THEN_FIGURE.match(text[fig.unit_end + right[1] :]):
            right = None
        explicit = None
        if right:
            explicit = self._basis_of_phrase(right[0], period)
        elif left_basis_phrase:
            explicit = self._basis_of_phrase(left_basis_phrase, period)
        context_basis = None
        for phrase in [p for _, _, p in _comparison_spans(group_lead)][-1:] + ([lead_basis] if lead_basis else []):
            context_basis = context_basis or self._basis_of_phrase(phrase, period)
        if context_basis is None and ctx.basis:
            context_basis = ctx.basis
        if context_basis == "?":
            context_basis = None

        def default_basis() -> str:
            _, a, b = period
            return "prior_year" if (a, b) == (1, 12) else "same_period"

        unit = fig.unit
        sign = 1
        cls = fig.unit_class
        negative = pred in P.NEGATIVE_PREDICATES if pred else False
        if cls == "pp":
            measure = "pp"
            sign = -1 if P.PP_NEGATIVE.search(tail) else 1
            basis = explicit or context_basis or default_basis()
        elif cls == "pct":
            if P.VUOT_PLAN.search(tail):
                measure, basis = "growth_pct", "plan"
            elif pred and pred.startswith("vượt"):
                measure, basis = "growth_pct", explicit or "plan"
            elif pred in P.GROWTH_PREDICATES:
                measure = "growth_pct"
                sign = -1 if negative else 1
                basis = explicit or context_basis or default_basis()
            elif pred and pred.startswith("gấp"):
                measure, basis = "ratio_pct", explicit or context_basis or "?"
            elif explicit:
                measure, basis = "ratio_pct", explicit
            elif pred == "bằng":
                measure, basis = "ratio_pct", context_basis or "?"
            else:
                measure, basis = "value", "none"
        elif cls == "times":
            measure = "ratio_pct"
            basis = explicit or context_basis or "?"
            if pred and pred.startswith("giảm"):
                unit = "lần (giảm)"
        else:
            if pred in P.GROWTH_PREDICATES and pred != "lên":
                measure = "value"
                sign = -1 if negative else 1
                basis = explicit or context_basis or default_basis()
                if pred == "tăng thêm" and explicit is None:
                    basis = "none"
            elif pred == "bằng" and explicit:
                measure, basis = "ratio_pct", explicit
            else:
                measure, basis = "value", "none"
        if basis == "?":  # compared with something that is not an allowed basis ("so với năm 2017")
            basis, status = "none", "unclassified"
        elif (right or left_basis_phrase) and explicit is None:
            status = "unclassified"
        return measure, basis, sign, unit, status

    def _final_measure(self, claim: _Claim, fig: _Figure, measure: str, basis: str, pred: str | None, period: Period) -> tuple[str, str, str | None, bool]:
        """What the indicator says about a figure: measure, basis, indicator, and whether "giảm" is its positive sense.

        "GRDP tăng 5,55%" is the value of a growth-rate indicator; "Tổng vốn đầu tư toàn xã hội … tăng
        10,4%" the value of the growth indicator of that level; "Tỷ lệ hộ nghèo giảm 3,1%" the value of
        the reduction indicator of that rate.
        """
        code = claim.indicator
        ind = self.indicators.get(code or "")
        if ind is None:
            return measure, basis, code, False
        if measure == "growth_pct" and basis in ("same_period", "prior_year") and ind.code in P.GROWTH_INDICATOR_OF:
            return "value", "none", P.GROWTH_INDICATOR_OF[ind.code], False
        if measure == "growth_pct" and pred and pred.endswith("giảm") and ind.code in P.REDUCTION_INDICATOR_OF:
            return "value", "none", P.REDUCTION_INDICATOR_OF[ind.code], True
        if ind.kind == "growth_rate" and measure == "growth_pct" and basis in ("same_period", "prior_year", "none"):
            return "value", "none", code, False
        if ind.kind == "growth_rate" and measure == "value" and fig.value is not None and fig.value >= 50 and fig.unit_class == "pct":
            # "Tốc độ phát triển … đạt 104,23%": an index (100 + growth), not the growth itself
            _, a, b = period
            return "ratio_pct", "prior_year" if (a, b) == (1, 12) else "same_period", code, False
        if ind.kind == "increment" and measure == "value" and pred in ("tăng", "tăng thêm", "giảm") and basis != "plan":
            return "value", "none", code, False
        return measure, basis, code, False

    def _basis_of_phrase(self, phrase: str, period: Period) -> str | None:
        phrase = re.sub(rf"^\s*{P.SO_VOI.pattern}", "", phrase.strip(), flags=re.I)
        year, _, month_to = period
        for _, basis, rx in P.BASIS:
            m = rx.match(phrase)
            if not m:
                continue
            if basis == "?month":
                n = int(m.group(1))
                y = _year(m.group(2), m.group(3))
                if month_to and (n == month_to - 1 or (n == 12 and month_to == 1)) and (y is None or y == year or (n == 12 and y == (year or 0) - 1)):
                    return "prior_month"
                if y is not None and year and y == year - 1 and n == month_to:
                    return "same_period"
                return "?"
            if basis == "?year":
                y = int(m.group(1))
                text = m.group(0).lower()
                if year and (y == year - 1 or (text.startswith("đầu") and y == year)):
                    return "prior_year"
                return "?"
            if basis == "?year_end":
                return "prior_year" if year and int(m.group(1)) == year - 1 else "?"
            if basis == "?named":
                return "?"
            return basis
        return None

    # ---------------------------------------------------------------- claims and indicators
    def _new_claim(self, region: str, fig: _Figure, measure: str, parent: _Claim | None, claims: list[_Claim], forced: str | None = None, inherit: _Claim | None = None) -> _Claim:
        self.claim_counter += 1
        subject_region = region
        if inherit is not None:
            subject_region = inherit.region
        if forced:
            code, subject = forced, _short_subject(P.LIST_MARKER.sub("", subject_region).split(":")[0])
        else:
            code, subject = self._indicator(subject_region, fig, measure, parent)
        if inherit is not None and code is None and not forced:
            code = inherit.indicator if self._fits(inherit.indicator, fig, measure) else None
        if inherit is not None:
            subject = inherit.subject
        estimate = bool(P.ESTIMATE_CUE.search(_subject_core(subject_region)))
        if inherit is not None:
            estimate = estimate or inherit.estimate
        claim = _Claim(self.claim_counter, subject_region, subject or (fig.unit or "") + fig.after, code, estimate, parent)
        claims.append(claim)
        return claim

    def _fits(self, code: str | None, fig: _Figure, measure: str) -> bool:
        ind = self.indicators.get(code or "")
        if ind is None:
            return False
        if measure != "value" or not fig.unit_class or not ind.unit_class:
            return True
        if fig.unit_class == "pct" or ind.unit_class == "pct":
            return fig.unit_class == ind.unit_class
        if fig.unit_class == ind.unit_class == "count":
            want = _count_noun(ind.unit)
            if not want or fig.unit is None:
                return True
            if any(fig.unit == u.name for u in P.UNITS):
                return _count_noun(fig.unit) == want
            return want in fold(fig.unit)
        return fig.unit_class == ind.unit_class

    def _indicator(self, region: str, fig: _Figure, measure: str, parent: _Claim | None) -> tuple[str | None, str]:
        """The indicator a subject names: the nearest fitting alias, longer first."""
        clean_region = _drop_qualifier_groups(region)
        core = _subject_core(clean_region)
        after = " " + fig.after if fig.unit_class in ("pct", "pp", "times") else " " + (fig.unit or "") + " " + fig.after
        joined = clean_region + after
        junction = len(clean_region)
        folded = fold(joined)
        folded_core = fold(core)
        parent_chain = set()
        p = parent
        while p is not None and len(parent_chain) < 10:
            parent_chain.update(_ancestors(p.indicator, self.indicators))
            p = p.parent
        best: tuple[tuple[int, int, int], str, int, int] | None = None
        for alias in self.aliases:
            if alias.whole_subject:
                m = alias.regex.search(folded_core)
                if not m:
                    continue
                ancestors = _ancestors(alias.code, self.indicators)[1:]
                if not parent_chain.intersection(ancestors):
                    continue
                distance, start, end = 0, len(clean_region) - len(core), len(clean_region)
            else:
                m = None
                for m_ in alias.regex.finditer(folded):
                    m = m_
                    if m_.end() >= junction:
                        break
                if m is None:
                    continue
                if m.end() <= junction:
                    distance = len(_words(joined[m.end() : junction]))
                elif m.start() >= junction:
                    distance = len(_words(joined[junction : m.start()]))
                else:
                    distance = 0
                start, end = m.start(), m.end()
                if distance > P.MAX_ALIAS_DISTANCE:
                    continue
            if not self._fits(alias.code, fig, measure):
                continue
            kind = self.indicators[alias.code].kind
            # a growth or a point difference stated alone names a rate, not a level
            kind_penalty = int(measure in ("growth_pct", "pp") and kind not in ("growth_rate", "rate", "increment", "index"))
            key = (distance, kind_penalty, -alias.length)
            if best is None or key < best[0]:
                best = (key, alias.code, start, end)
        core_start, core_end = _core_span(clean_region)
        if best is not None:
            code = best[1]
            for refine_code, rx, refined in P.UNIT_REFINEMENTS:
                if code == refine_code and (rx.search((fig.unit or "") + " " + fig.after) or rx.search(core[-40:])) and self._fits(refined, fig, measure):
                    code = refined
                    break
            start = best[2]
            if start >= junction:  # named after the figure: "50 doanh nghiệp đăng ký thành lập mới", "32.450 ha lúa"
                return code, _short_subject((fig.unit or "") + " " + fig.after if fig.unit_class == "count" else fig.after)
            if start < core_end:
                chunk = max(region.rfind(",", core_start, start), region.rfind(";", 0, start), core_start - 1) + 1
                return code, _short_subject(region[min(chunk, core_start) if start < core_start else chunk : core_end])
            return code, _short_subject(core or fig.after)
        chunk = region.rfind(",", core_start, core_end) + 1 if region.rfind(",", core_start, core_end) >= 0 else core_start
        return None, _short_subject(region[chunk:core_end] if core else "")

    def _finish_claim(self, claim: _Claim) -> None:
        """The second of an "actual/plan" pair is the plan when the claim compares with a plan."""
        has_plan_ratio = any(f.basis in ("plan", "plan_central", "plan_council") for f in claim.facts)
        for f in claim.facts:
            if f.figure.pair_second and has_plan_ratio and f.measure == "value":
                f.value_type = "plan"

    def _emit(self, sent: _Sentence, number: int, claim: _Claim, fact: _Fact) -> None:
        fig = fact.figure
        start = sent.offs[fig.start]
        end = sent.offs[fig.end - 1] + 1
        line = bisect.bisect_right(self.line_starts, sent.offs[0])
        year, a, b = fact.period
        self.facts.append(
            ProseFact(
                document=self.document,
                sentence_no=number,
                sentence=re.sub(r"\s+", " ", sent.text).strip(),
                line=line,
                span_start=start,
                span_end=end,
                subject=claim.subject,
                indicator_code=fact.indicator,
                period_year=year,
                month_from=a,
                month_to=b,
                value=fact.value,
                decimals=fig.decimals,
                printed=self.text[start:end],
                unit=fact.unit,
                value_type=fact.value_type,
                basis=fact.basis,
                measure=fact.measure,
                status=fact.status,
                claim_no=claim.number,
            )
        )


# ==========================================================================
# Small text helpers
# ==========================================================================

_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _after_last(text: str, chars: str) -> str:
    cut = max(text.rfind(c) for c in chars)
    return text[cut + 1 :] if cut >= 0 else text


def _last_clause(between: str) -> str:
    cut = -1
    for m in P.CLAUSE_DELIMITER.finditer(between):
        cut = m.end()
    return between[cut:] if cut >= 0 else between


def _split_left_basis(clause: str) -> tuple[str, str | None]:
    """The clause without a leading "so với X" comparison, and that comparison."""
    for so in P.SO_VOI.finditer(clause):
        rest = clause[so.end() :]
        for _, _, rx in P.BASIS:
            m = rx.match(rest)
            if m:
                after = rest[m.end() :]
                if P.PREDICATE.search(after) or not after.strip():
                    return after, clause[so.start() : so.end() + m.end()]
    return clause, None


def _right_basis(rest: str) -> tuple[str, int] | None:
    """A comparison right after a figure: "so với cùng kỳ", "KH"."""
    m = re.match(r"^[\s*]*(?:\(\s*)?", rest)
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
            return body[: b.end()], pos + b.end()
    return None


def _group_lead(text: str, pos: int) -> str:
    """The words before the parenthesis that encloses pos ("tăng so với tháng 3 (…")."""
    depth = 0
    for i in range(pos - 1, -1, -1):
        c = text[i]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                start = max(text.rfind(";", 0, i), text.rfind("(", 0, i), text.rfind(":", 0, i)) + 1
                return text[start:i]
            depth -= 1
    return ""


def _drop_qualifier_groups(region: str) -> str:
    """Balanced parentheses in a subject are qualifiers ("(giá hiện hành)"); blank them."""
    chars = list(region)
    stack: list[int] = []
    for i, c in enumerate(region):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            a = stack.pop()
            if not stack:
                chars[a : i + 1] = " " * (i + 1 - a)
    return "".join(chars)


def _core_span(region: str) -> tuple[int, int]:
    """Where the subject sits in a region: the last clause with words other than verbs,
    without its connectives and closing verbs."""
    cuts = [m.end() for m in re.finditer(r"[;:()]", region)]
    for cut in reversed([0] + cuts):
        end_limit = min([c - 1 for c in cuts if c > cut] + [len(region)])
        start = cut
        lead = P.SUBJECT_LEAD.match(region, start)
        if lead:
            start = lead.end()
        tail = P.SUBJECT_TAIL.search(region[:end_limit], start)
        end = tail.start() if tail else end_limit
        if end > start and re.search(r"[^\W\d_]", region[start:end]):
            return start, end
    return len(region), len(region)


def _subject_core(region: str) -> str:
    a, b = _core_span(region)
    return region[a:b].strip()


def _short_subject(subject: str) -> str:
    subject = re.sub(r"\s+", " ", subject).strip(" ,;:-")
    if len(subject) > 160:
        subject = subject[-160:].split(" ", 1)[-1]
    return subject


def _residue(between: str) -> str:
    """The content words of the text between two figures (what names a new subject)."""
    text = _drop_qualifier_groups(between)
    text = _blank(text, [(a, b) for a, b, _ in _comparison_spans(text)])
    text = _blank(text, _not_period_spans(text))
    for _, rx in P.PERIODS:
        text = _blank(text, [(m.start(), m.end()) for m in rx.finditer(text)])
    for name, _, rx in P.BASIS:
        if name in ("plan", "plan_central_budget", "plan_council", "same_period"):
            text = _blank(text, [(m.start(), m.end()) for m in rx.finditer(text)])
    text = P.NONCONTENT.sub(" ", text)
    words = [w for w in _words(text) if not w.isdigit() and len(w) > 1]
    return " ".join(words)


# ==========================================================================
# Entry point
# ==========================================================================


_FROM_FILE_NAME = object()


def extract_facts(
    text: str, document: str, report_year: int | None = None, report_month: int | None = None,
    *, date: "dt.date | None | object" = _FROM_FILE_NAME,
) -> list[ProseFact]:
    """Every figure stated in the prose of a report, as facts (pure; never raises on content).

    ``date`` is the report's date as ``ingest.report_date`` found it (the loader
    always passes it); ``None`` means no source gives one, and figures whose year
    the text does not print then carry no year.  Without ``date`` the year and
    month come from the arguments, else from the file name or first date line.
    """
    text = nfc(text)
    if date is not _FROM_FILE_NAME:
        report_year, report_month = (date.year, date.month) if date is not None else (None, None)
    elif report_year is None or report_month is None:
        year, month = report_date(document, text)
        report_year = report_year if report_year is not None else year
        report_month = report_month if report_month is not None else month
    return _Extractor(text, document, report_year, report_month).run()
