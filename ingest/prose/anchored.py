"""Searching for a pattern only where one of the words its matches start with is.

The period, not-period and skip patterns each start with a lookbehind, so the regular expression
engine has no literal prefix to jump to; ``find_anchored`` finds the same matches by looking for
the start words with ``str.find`` first (``patterns.PERIOD_STARTS`` and the like name them), or
where an anchor pattern matches (``patterns.MONTH_COUNT_START``).  ``ingest.prose.anchors`` finds
the start words of many patterns in one pass.
"""

from __future__ import annotations

import re


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
