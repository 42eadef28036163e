"""Where the words that patterns start with (and their cues) are in a text, all in one pass.

A pattern every match of which starts with one of a few words is tried only where those words
are (:func:`find_anchored`, re-exported by ``patterns``), and a pattern none of whose cues is in a sentence is not tried.
Looking for each word with ``str.find`` or ``in`` costs a call per word per pattern; here one
Aho-Corasick automaton (``pyahocorasick``, as the vocabulary uses) finds every occurrence of
every word of a family of patterns in one pass over the text, overlapping ones included, and
each pattern is tried at its words' positions (:func:`match_at`): the same matches, in the same
order, as a scan at every position.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable

import ahocorasick


def find_anchored(rx: re.Pattern[str], starts: tuple[str, ...] | re.Pattern[str] | None, text: str,
                  lower: str | None = None, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
    """``list(rx.finditer(text, pos, endpos))`` for a pattern every match of which starts with one
    of ``starts``: the pattern is tried only where one of those words is (``str.find``), not at
    every position.  Same matches, in the same order (leftmost first, none overlapping); a test
    checks it on every bundled and fixture document.  ``starts`` None: a plain ``finditer``;
    a pattern: rx is tried where its matches start (``MONTH_COUNT_START``)."""
    endpos = len(text) if endpos is None else endpos
    if starts is None:
        return list(rx.finditer(text, pos, endpos))
    if isinstance(starts, re.Pattern):  # an anchor pattern: its matches are where rx may start
        return matches_at(rx, [m.start() for m in starts.finditer(text, pos, endpos)], text, pos, endpos)
    if lower is None:
        lower = text.lower()
    if len(lower) != len(text):  # a character whose lower case is longer: positions would shift
        return list(rx.finditer(text, pos, endpos))
    candidates: list[int] = []
    for word in starts:
        at = lower.find(word, pos, endpos)
        while at >= 0:
            candidates.append(at)
            at = lower.find(word, at + 1, endpos)
    if not candidates:
        return []
    if len(starts) > 1:
        candidates = sorted(set(candidates))
    return matches_at(rx, candidates, text, pos, endpos)


def matches_at(rx: re.Pattern[str], candidates: list[int], text: str, pos: int, endpos: int) -> list[re.Match[str]]:
    """The matches of rx tried at ``candidates`` (ascending, within pos..endpos), leftmost first, none overlapping."""
    out: list[re.Match[str]] = []
    end = pos
    for at in candidates:
        if at < end:
            continue
        m = rx.match(text, at, endpos)
        if m:
            out.append(m)
            end = max(m.end(), at + 1)
    return out


class WordPositions:
    """All occurrences of a set of words (lower case) in a text in lower case.  Words in
    ``present_only`` (cues that no pattern starts with) are only looked for, not located: one
    letter as common as "h" would otherwise be most of the occurrences."""

    def __init__(self, words: Iterable[str], present_only: Iterable[str] = ()):
        self.present_only = tuple(sorted(set(present_only)))
        self.words = tuple(sorted(set(words) - set(self.present_only)))
        self._automaton = ahocorasick.Automaton()
        for word in self.words:
            self._automaton.add_word(word, (len(word), word))
        self._automaton.make_automaton()

    def find(self, lower: str) -> dict[str, list[int]]:
        """Word -> where it starts in ``lower``, ascending (only the words that occur; a
        ``present_only`` word that occurs maps to an empty list)."""
        out: dict[str, list[int]] = {w: [] for w in self.present_only if w in lower}
        for end, (n, word) in self._automaton.iter(lower):
            out.setdefault(word, []).append(end - n + 1)
        return out


def positions(found: dict[str, list[int]], starts: tuple[str, ...]) -> list[int]:
    """Where any of ``starts`` occurs (``found``: :meth:`WordPositions.find`), ascending, once each."""
    if len(starts) == 1:
        return found.get(starts[0], [])
    hits = [p for w in starts for p in found.get(w, ())]
    return sorted(set(hits)) if hits else hits


def match_at(rx: re.Pattern[str], candidates: list[int], text: str, pos: int = 0,
             endpos: int | None = None) -> list[re.Match[str]]:
    """``list(rx.finditer(text, pos, endpos))`` for a pattern whose matches all start at one of
    ``candidates`` (ascending, anywhere in the text): leftmost first, none overlapping."""
    endpos = len(text) if endpos is None else endpos
    within = candidates[bisect.bisect_left(candidates, pos):bisect.bisect_left(candidates, endpos)]
    return matches_at(rx, within, text, pos, endpos)
