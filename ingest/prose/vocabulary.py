"""Stage: the vocabulary of subjects (indicator names and aliases), matched in one pass.

The extractor needs to know which words of a sentence name an indicator, to find
where a subject starts and ends and which figures belong to it.  The names come
from the seeds (catalog names and variants, secondary indicators, prose subject
aliases); ``Vocabulary.find`` finds every one of them in a text with one
Aho-Corasick automaton (``pyahocorasick``), not one regular expression per alias.

Which indicator a subject *means* is decided again at build time, in dbt
(``int_reported_figures``), from the words found here: ingest keeps what the
document says.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from ingest.prose import patterns as P
from ingest.prose.offsets import Offsets
from ingest.text import nfc
from ktxh.settings import SEEDS_DIR as SEEDS


#: The code of a subject that the seeds name as no indicator ("khách lưu trú": not tourists).
NO_INDICATOR = ""


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
    words: str  # folded words, one space apart
    length: int
    whole_subject: bool
    order: int  # position in the vocabulary: the earlier alias wins a tie


@dataclass(frozen=True)
class Match:
    alias: Alias
    start: int  # span in the text searched
    end: int


class _FoldTable(dict):
    """The ``str.translate`` table of a fold's last steps, filled as characters are met: "y" spelt "i"
    (``Y_FOLD``), and every character that is not ``str.isalnum()`` a space (what ``NOT_ALNUM``,
    ``[\\W_]``, replaces: one table lookup a character instead of a regular-expression substitution)."""

    def __missing__(self, code: int) -> int:
        folded = P.Y_FOLD.get(code, code) if chr(code).isalnum() else 32
        if len(self) < _FOLD_KEPT:  # a text of every character there is does not grow it without end
            self[code] = folded
        return folded


#: How many characters the fold table keeps (a report's alphabet is a few hundred).
_FOLD_KEPT = 4096


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Text for matching: NFC, lower case, one tone placement, y/i alike, punctuation as spaces.

    Keeps the length of the text, so positions in the folded text are positions
    in the original.
    """
    text = nfc(text).lower()
    if P.TONE_FOLD_START.search(text):  # no key can be in a text without one of their first letters
        for old, new in P.TONE_FOLD.items():
            text = text.replace(old, new)
    return text.translate(_FOLD)  # [\W_] is exactly "not str.isalnum()": the length is kept


def unit_class_of(unit: str) -> str:
    unit = unit.strip().lower()
    if unit in P.UNIT_CLASS_OF_INDICATOR_UNIT:
        return P.UNIT_CLASS_OF_INDICATOR_UNIT[unit]
    for known in P.UNITS:
        if known.regex.match(unit):
            return known.unit_class
    return "count" if unit else ""


def count_noun(unit: str) -> str:
    """The counted thing of a count unit: "lượt khách" → "lượt", "bác sỹ/vạn dân" → "bác si"."""
    noun = unit.split("/")[0].strip().lower()
    noun = P.COUNT_PREFIX.sub("", noun)
    if noun.startswith("lượt"):
        noun = "lượt"
    noun = P.COUNT_SYNONYMS.get(noun, noun)
    return fold(noun).strip()


def _squeeze(folded: str) -> tuple[str, Offsets]:
    """Folded text with space runs as one space (none at the start), and the position of each kept
    character (as runs, ``ingest.prose.offsets``: only where characters are dropped does a new run start)."""
    text = P.SPACE_RUN.sub(" ", folded)
    if folded.startswith(" "):
        text = text[1:]
    pos = Offsets()
    i = 0
    for m in P.SQUEEZE_GAP.finditer(folded):  # where characters are dropped
        a, b = m.span()
        if a > 0:  # the run's first space is kept, at its start
            pos.add_run(i, a + 1 - i)
        i = b
    pos.add_run(i, len(folded) - i)
    return text, pos


class Vocabulary:
    """Indicators and their names; every name found in a text in one pass."""

    def __init__(self, indicators: dict[str, Indicator], names: list[tuple[str, str]],
                 derivations: list[tuple[str, str, str, str]] = ()):
        self.indicators = indicators
        #: (code, derivation, cue, derived code) rows of seeds/prose_indicator_derivations.csv
        self.growth_of = {code: derived for code, how, _, derived in derivations if how == "growth"}
        self.reduction_of = {code: derived for code, how, _, derived in derivations if how == "reduction"}
        self.increment_of = {code: derived for code, how, _, derived in derivations if how == "increment"}
        self.refinements = [(code, P.compile_cue(cue), derived) for code, how, cue, derived in derivations if how == "unit"]
        #: a bare subject right after a figure of the indicator: "… 8,81 triệu lượt khách, tăng 5%, doanh thu ước 10.520 tỷ đồng"
        self.companions = [(code, P.compile_cue(cue), derived) for code, how, cue, derived in derivations if how == "companion"]
        aliases: dict[tuple[str, str, bool], Alias] = {}
        for code, name in names:
            whole = name.startswith("=")
            words = " ".join(fold(name.lstrip("=")).split())
            if words and (code in indicators or code == NO_INDICATOR) and (code, words, whole) not in aliases:
                aliases[(code, words, whole)] = Alias(code, words, len(words), whole, len(aliases))
        self.aliases = tuple(aliases.values())
        self._free = ahocorasick.Automaton()
        grouped: dict[str, list[Alias]] = {}
        self._whole: dict[str, list[Alias]] = {}
        for alias in self.aliases:
            (self._whole if alias.whole_subject else grouped).setdefault(alias.words, []).append(alias)
        #: how many words the whole-subject aliases have: only a subject's last that many words can be one
        self._whole_lengths = sorted({len(words.split()) for words in self._whole})
        for words, group in grouped.items():
            self._free.add_word(words, (words, tuple(group)))
        if grouped:
            self._free.make_automaton()
        self._fillers = tuple(tuple(fold(f).split()) for f in P.SUBJECT_FILLERS)

    def find(self, folded: str) -> list[Match]:
        """Every alias (not whole-subject) occurring in folded text as whole words, in text order.

        For one alias, occurrences do not overlap (the leftmost wins), as a regular expression scan would.
        """
        if not self._free.kind:
            return []
        text, pos = _squeeze(folded)
        hits = sorted((end - len(words) + 1, end + 1, group) for end, (words, group) in self._free.iter(text))
        found: list[Match] = []
        last_end: dict[int, int] = {}
        for a, b, group in hits:
            if (a > 0 and text[a - 1] != " ") or (b < len(text) and text[b] != " "):
                continue
            for alias in group:
                if a < last_end.get(alias.order, -1):
                    continue
                last_end[alias.order] = b
                found.append(Match(alias, pos[a], pos[b - 1] + 1))
        return found

    def find_whole(self, folded_core: str) -> list[Alias]:
        """Whole-subject aliases ("=dịch vụ") that are the whole subject, after an optional filler word."""
        words = folded_core.split()
        out: list[Alias] = []
        for j in (len(words) - n for n in self._whole_lengths if n <= len(words)):
            group = self._whole.get(" ".join(words[j:]))
            if not group:
                continue
            prefix = tuple(words[:j])
            if j == 0 or any(prefix[-len(f):] == f for f in self._fillers):
                out.extend(group)
        return sorted(out, key=lambda a: a.order)

    def ancestors(self, code: str | None) -> list[str]:
        out: list[str] = []
        while code and code in self.indicators and len(out) < 10:
            out.append(code)
            code = self.indicators[code].parent
        return out


def read_seed_names(seeds: Path = SEEDS) -> tuple[dict[str, Indicator], list[tuple[str, str]], list[tuple[str, str, str, str]]]:
    """Indicators (catalog and secondary), every name they go by, and the derived indicators, from the seed files."""
    indicators: dict[str, Indicator] = {}
    names: list[tuple[str, str]] = []
    for path in [seeds / "indicator_catalog.csv"]:
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                code = row.get("measure_code") or ""
                if not code or code in indicators:
                    continue
                indicators[code] = Indicator(code, unit_class_of(row["unit"]), row["kind"], row["parent_code"] or None, row["unit"])
                if row["kind"] != "heading":
                    # a child row named in few words ("Dịch vụ") is named relative to its parent
                    short_child = row["parent_code"] and len(fold(row["name_vi"]).split()) <= 3
                    names.append((code, ("=" if short_child else "") + row["name_vi"]))
    with open(seeds / "secondary_indicators.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            indicators[row["indicator_code"]] = Indicator(row["indicator_code"], unit_class_of(row["unit"]), row["kind"], None, row["unit"])
            names.append((row["indicator_code"], row["name_vi"]))
    with open(seeds / "measure_name_variants.csv", encoding="utf-8") as f:
        names += [(row["measure_code"], row["name_variant"]) for row in csv.DictReader(f)]
    with open(seeds / "prose_subject_aliases.csv", encoding="utf-8") as f:
        names += [(row["indicator_code"], row["alias"]) for row in csv.DictReader(f)]
    with open(seeds / "prose_other_subjects.csv", encoding="utf-8") as f:
        names += [(NO_INDICATOR, row["subject"]) for row in csv.DictReader(f)]
    with open(seeds / "prose_indicator_derivations.csv", encoding="utf-8") as f:
        derivations = [(r["indicator_code"], r["derivation"], r["cue"], r["derived_code"]) for r in csv.DictReader(f)]
    return indicators, names, derivations


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return Vocabulary(*read_seed_names())

