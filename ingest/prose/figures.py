"""Stage: figures and units.

Every number of a sentence that is a figure, with its unit: dates, years,
periods, document and article numbers, ordinals, list markers, names with digits
and subject qualifiers ("trên 18 tuổi", "xã đạt 19 tiêu chí") are not figures.
A number that is not a well-formed Vietnamese number is kept as malformed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from ingest.numbers import MAX_FIGURE_CHARS, MalformedNumber, PrintedNumber, parse_vn_number
from ingest.prose import patterns as P
from ingest.prose.anchors import WordPositions, match_at, positions

@dataclass
class Figure:
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
    range_high: bool = False  # the high end of a range ("9 - 10%"): it is what the low end is


#: How far before and after a number a span that skips it may reach (every skip pattern is shorter).
SKIP_REACH_BEFORE = 50
SKIP_REACH_AFTER = 40


#: Every cue of every skip pattern, once (each is looked for once per sentence).
ALL_SKIP_CUES = tuple(sorted({c for cues in P.SKIP_CUES.values() for c in cues}))


#: Every cue and start word of the skip patterns, found in a sentence in one pass.
_SKIP_START_WORDS = {w for words in P.SKIP_STARTS.values() for w in words}
_SKIP_WORDS = WordPositions([*ALL_SKIP_CUES, *_SKIP_START_WORDS], present_only={c for c in ALL_SKIP_CUES if len(c) == 1} - _SKIP_START_WORDS)
#: (pattern, its cues or None, its start words or None), in the order of SKIP_SPANS.
_SKIPS = tuple((p, P.SKIP_CUES.get(p.name), P.SKIP_STARTS.get(p.name)) for p in P.SKIP_SPANS)
#: The skip patterns tried on every sentence (no cues), and those a cue lets in (each cue: its patterns):
#: the patterns a sentence's cues let in are looked up from the cues found, not each pattern's cues tested.
_UNCUED = tuple(i for i, (_, cues, _) in enumerate(_SKIPS) if cues is None)
_BY_CUE = {c: tuple(i for i, (_, cues, _) in enumerate(_SKIPS) if cues is not None and c in cues) for c in ALL_SKIP_CUES}


def _tried(found: dict[str, list[int]]) -> list[int]:
    """The skip patterns (indices into _SKIPS) a sentence whose cues and words are ``found`` may match."""
    tried = set(_UNCUED)
    for word in found:
        tried.update(_BY_CUE.get(word, ()))
    return sorted(tried)
#: The skip patterns every match of which starts with a digit: scanned from the first digit of a
#: window on (a test checks it on every bundled and fixture document).
DIGIT_FIRST = frozenset({"date_full", "date_range", "month_year", "time", "duration", "document_number", "fixed_name"})
#: For a skip pattern tried in every window (no cue it may lack, no start word): a quick search for what
#: every one of its matches holds (``patterns.TIME_NEEDS``, ``NAME_WITH_NUMBER_NEEDS``: a character class
#: first, which the engine skips to) before the pattern's own.
WINDOW_NEEDS = {"time": P.TIME_NEEDS, "name_with_number": P.NAME_WITH_NUMBER_NEEDS}
#: The skip patterns that open with "^" (no MULTILINE): they match only at the start of the text, so only in
#: a window that starts there (a test checks each opens so).
AT_TEXT_START = frozenset({"row_number", "date_stamp"})


def _windows(text: str, numbers: list[re.Match[str]] | None = None) -> list[tuple[int, int]]:
    """The stretches of text around the numbers (``numbers``: the NUMBER matches of text), merged."""
    out: list[tuple[int, int]] = []
    for m in P.NUMBER.finditer(text) if numbers is None else numbers:
        a, b = max(0, m.start() - SKIP_REACH_BEFORE), min(len(text), m.end() + SKIP_REACH_AFTER)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _state(text: str, numbers: list[re.Match[str]] | None):
    """What the skip patterns are tried with: the windows (and each from its first digit), the cues and
    start words found, and whether positions in the lower-case text are positions in the text."""
    windows = _windows(text, numbers)
    lower = text.lower()
    digit_windows = [(P.DIGIT.search(text, a, b).start(), b) for a, b in windows]  # every window holds a number
    return windows, digit_windows, _SKIP_WORDS.find(lower), len(lower) == len(text)


def _matches(i: int, text: str, state, only: set[int] | None = None) -> Iterator[tuple[int, re.Match[str]]]:
    """(window, match) of skip pattern ``i`` in each window (``only``: in those windows only)."""
    windows, digit_windows, found, aligned = state
    p, _, starts = _SKIPS[i]
    if starts is None or not aligned:
        needs = WINDOW_NEEDS.get(p.name)
        tried = digit_windows if p.name in DIGIT_FIRST else windows
        count = len(tried)
        if p.name in AT_TEXT_START:
            count = 1 if tried and tried[0][0] == 0 else 0
        for w in range(count):
            a, b = tried[w]
            if (only is None or w in only) and (needs is None or needs.search(text, a, b)):
                for m in p.regex.finditer(text, a, b):
                    yield w, m
        return
    candidates = positions(found, starts)
    if candidates:
        for w, (a, b) in enumerate(windows):
            if only is None or w in only:
                for m in match_at(p.regex, candidates, text, a, b):
                    yield w, m


def skip_spans(text: str, numbers: list[re.Match[str]] | None = None) -> list[tuple[int, int, str]]:
    """Spans of numbers that are not figures, with the pattern that says so.

    Only the stretches of text around numbers are searched (a sentence is mostly words), a
    pattern only when one of its cues is in the sentence, and one that starts with a word
    (``SKIP_STARTS``) only where that word is (the cues and words all found in one pass).
    """
    if not P.DIGIT.search(text):
        return []  # every skip pattern holds a digit
    state = _state(text, numbers)
    spans = {(m.start(), m.end(), _SKIPS[i][0].name) for i in _tried(state[2]) for _, m in _matches(i, text, state)}
    out = sorted(spans)
    m = P.LIST_MARKER.match(text)
    if m and m.end():
        out.append((0, m.end(), "list_marker"))
    return out


#: The order the skip patterns are tried in by :func:`number_skips`: those whose kind lists the numbers
#: after it (``LISTABLE_SKIPS``) first, then those that skip most numbers, then the rest.
_FIRST = ("document_reference", "ordinal", "list_ordinal", "identifier", "year", "date_full", "month_year", "date_words",
          "duration", "document_number", "number_sign", "disease_name", "period_words")
_RANK = {i: (p.name not in P.LISTABLE_SKIPS, _FIRST.index(p.name) if p.name in _FIRST else len(_FIRST) + i)
         for i, (p, _, _) in enumerate(_SKIPS)}


def number_skips(text: str, numbers: list[re.Match[str]]) -> list[tuple[bool, bool]]:
    """For each of ``numbers`` (the NUMBER matches of text): whether a skip span covers it, and whether
    one of a kind in ``LISTABLE_SKIPS`` does: what :func:`find_figures` asks of :func:`skip_spans`'s spans,
    with less work.  A skip match covers only numbers of its own window; so once every number of a
    window is covered, the patterns not yet tried there can change nothing but which kinds cover them
    (only whether a listable one does counts, and those are tried first, in every window)."""
    skipped, listed = [False] * len(numbers), [False] * len(numbers)
    if not numbers or not P.DIGIT.search(text):
        return list(zip(skipped, listed))
    state = _state(text, numbers)
    windows = state[0]
    members: list[list[int]] = [[] for _ in windows]  # the numbers of each window
    w = 0
    for k, num in enumerate(numbers):
        while num.end() > windows[w][1]:
            w += 1
        members[w].append(k)
    marker = P.LIST_MARKER.match(text)
    if marker and marker.end():
        for k, num in enumerate(numbers):
            skipped[k] = skipped[k] or num.end() <= marker.end()
    open_windows = {w for w, ks in enumerate(members) if not all(skipped[k] for k in ks)}
    for i in sorted(_tried(state[2]), key=_RANK.__getitem__):
        listable = _SKIPS[i][0].name in P.LISTABLE_SKIPS
        if not listable and not open_windows:
            break
        for w, m in _matches(i, text, state, None if listable else open_windows):
            s, e = m.span()
            for k in members[w]:
                if s <= numbers[k].start() and numbers[k].end() <= e:
                    skipped[k] = True
                    listed[k] = listed[k] or listable
        open_windows = {w for w in open_windows if not all(skipped[k] for k in members[w])}
    return list(zip(skipped, listed))


def find_figures(text: str) -> list[Figure]:
    if not P.DIGIT.search(text):
        return []
    numbers = list(P.NUMBER.finditer(text))
    if not numbers:
        return []
    figures: list[Figure] = []
    chain_end = -1  # end of the last skipped identifier or ordinal list
    for m, (skipped, listed) in zip(numbers, number_skips(text, numbers)):
        a, b = m.start(), m.end()
        if skipped:
            if listed:
                chain_end = b
            continue
        if chain_end >= 0 and P.LIST_CONTINUATION.match(text[chain_end:a]) and P.SHORT_INTEGER.fullmatch(m.group(0)):
            chain_end = b
            continue
        chain_end = -1
        printed = m.group(0)
        try:
            parsed = parse_printed(printed)
            fig = Figure(a, b, printed, parsed.value, parsed.decimals, False)
        except MalformedNumber:
            fig = Figure(a, b, printed, None, None, True)
        figures.append(fig)
    for i, fig in enumerate(figures):
        read_unit(text, fig)
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        if nxt is not None and P.PAIR_SLASH.fullmatch(text[fig.unit_end : nxt.start]):
            fig.has_pair_second = True
            nxt.pair_second = True
    for i, fig in enumerate(figures):
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        ranged = nxt is not None and P.RANGE_DASH.fullmatch(text[fig.unit_end : nxt.start])
        if (fig.has_pair_second or ranged) and fig.unit is None and nxt is not None:
            fig.unit, fig.unit_class = nxt.unit, nxt.unit_class
        if ranged and nxt is not None:
            nxt.range_high = True
            if not fig.after.strip(" -–"):  # "10-15 hợp tác xã thành lập mới": both ends count the same thing
                fig.after = nxt.after
        elif fig.has_pair_second and nxt is not None and not fig.after.strip(" /"):
            fig.after = nxt.after  # "320/411 xã đạt chuẩn NTM": the first counts what the words after the pair name
    return figures


def parse_printed(printed: str) -> PrintedNumber:
    """``parse_vn_number`` of a figure as the NUMBER pattern finds it (digits, '.', ','): a number
    with well-formed '.' groups, or none, is read here (the same value and decimals, which a test
    checks against Babel's strict parse); any other goes to ``parse_vn_number`` (Babel)."""
    if len(printed) <= MAX_FIGURE_CHARS and P.WELL_GROUPED_NUMBER.fullmatch(printed):
        whole, _, decimals = printed.partition(",")
        return PrintedNumber(Decimal(whole.replace(".", "") + ("." + decimals if decimals else "")), len(decimals), printed)
    return parse_vn_number(printed)


def read_unit(text: str, fig: Figure) -> None:
    rest = text[fig.end :]
    m = P.UNITS_ALTERNATION.match(rest)  # the first unit of UNITS that follows, in one call
    if m:
        unit = P.UNIT_OF_GROUP[m.lastindex]
        fig.unit, fig.unit_class = unit.name, unit.unit_class
        fig.unit_end = fig.end + m.end()
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


def cut_by_page_end(text: str, offs, document: str) -> list[Figure]:
    """The figures of a document's last sentence (``text``; ``offs``: where its characters are in ``document``)
    without a number the page's end cut short: a document that ends in a number with no unit and no stop ("Hoạt
    động xuất khẩu hàng địa phương đạt 1", "tỷ lệ che phủ rừng 47", "đạt 71,4") holds only its start.  A number in thousands
    ("ước đạt 5.795": only its unit is cut), a range's or a pair's end ("57-57,5") and a table's cell (a number
    alone) are whole."""
    figures, end = find_figures(text), len(text.rstrip())
    if not figures or offs[end - 1] + 1 < len(document.rstrip()):
        return figures
    last = figures[-1]
    if (last.end >= end and last.unit is None and not (last.pair_second or last.range_high)
            and not P.THOUSANDS_GROUP.search(last.printed) and P.HAS_LETTER.search(text, 0, last.start)):
        return figures[:-1]
    return figures
