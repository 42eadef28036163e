"""Where the words that patterns start with (and their cues) are in a text, all in one pass.

A pattern every match of which starts with one of a few words is tried only where those words
are (``anchored.find_anchored``), and a pattern none of whose cues is in a sentence is not tried.
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

from ingest.prose.anchored import matches_at


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
        get = out.get
        for end, (n, word) in self._automaton.iter(lower):
            at = get(word)
            if at is None:
                out[word] = [end - n + 1]
            else:
                at.append(end - n + 1)
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
