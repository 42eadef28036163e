"""A pattern that opens with lookbehinds, searched from its first letter: the same matches, fewer tries.

Python's regex engine skips ahead to where a match may start only when a pattern opens with a
literal or a character class (not under IGNORECASE, for a cased letter); a pattern that opens
with a lookbehind ("no letter before", ``WB_L``) is tried at every position of the text, and
its alternatives one by one at every position the lookbehind lets through.
:func:`first_letter_first` rewrites a pattern of the shape::

    LB1 … LBk (?:a1|a2|…|an) REST        or        LB1 … LBk a1        (one alternative)

where every LBi is a lookbehind and every alternative ai opens with a plain character ci (a letter,
a digit, "/": not repeated; after lookbehinds of its own, moved as LBi are), or, under IGNORECASE
and with no lookbehind, ``a1|a2|…|an`` (the engine skips to the first characters of plain
alternatives only where they have no case), into::

    (?-i:[F]) LB1' … LBk' (?:(?<=c1)a1'|(?<=c2)a2'|…|(?<=cn)an') REST

* F: every character one of c1 … cn matches with the pattern's flags (found, once, over the
  code points that have a case, ``CASED_BELOW``); a match can only start on one of them, and the
  engine skips to them;
* LBi': LBi's pattern followed by ``(?-i:[F])``, looked behind from one character further: the
  same test of the same characters (the character in between is in F, as [F] just read it);
* ai': ai without its first letter, which ``(?<=ci)`` tests instead, in the same order; the
  alternatives of one first letter under one such test (``(?<=t)(?:ăng|ính)``): alternatives of
  two letters never match at the same place, so the first that matches is the first of its letter.

So a match starts and ends where the pattern's own does, with the same groups (none may hold the
first letter), and the alternatives are tried in the same order.  Any other shape (a capturing
group round the alternatives, an alternative opening with anything but a plain letter, a
verbose pattern) is returned as it is.  ``tests/prose/test_first_letter.py`` compares each
rewritten pattern with its own on every bundled and fixture sentence and on crafted texts.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Every code point with a case lies below this (``tests/prose/test_first_letter.py`` checks it over
#: all of Unicode): F is looked for among them.
CASED_BELOW = 0x1F000
_CANDIDATES = "".join(map(chr, range(CASED_BELOW)))


#: What may not open an alternative: an alternative opens with a plain character (a letter, a digit, "/" …).
_META = frozenset(".^$*+?{}[]|()\\")


def _structure(source: str, start: int = 0):
    """The '(', ')' and '|' of ``source`` from ``start`` that are neither escaped nor in a character
    class, as (position, character); a last (len(source), '[') where a class is left open."""
    i, in_class = start, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            i += 1
            if source[i : i + 1] == "^":
                i += 1
            if source[i : i + 1] == "]":  # a leading ']' is a member
                i += 1
            continue
        elif ch in "()|":
            yield i, ch
        i += 1
    if in_class:
        yield len(source), "["


def _group_end(source: str, start: int) -> int:
    """Where the group opening at ``source[start]`` ('(') closes, plus one; -1 if it does not."""
    depth = 0
    for i, ch in _structure(source, start):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def _alternatives(source: str) -> list[str] | None:
    """``source`` cut at each top-level '|', or None where it is unbalanced."""
    out, depth, last = [], 0, 0
    for i, ch in _structure(source):
        if ch == "[":  # a class left open
            return None
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0:  # '|'
            out.append(source[last:i])
            last = i + 1
    if depth:
        return None
    out.append(source[last:])
    return out


def _parts(source: str) -> tuple[list[str], list[str], str] | None:
    """(lookbehinds, alternatives, rest) of a pattern of the shape above, or None."""
    behind, i = [], 0
    while source.startswith(("(?<!", "(?<="), i):
        end = _group_end(source, i)
        if end < 0:
            return None
        behind.append(source[i:end])
        i = end
    if source.startswith("(?:", i) and _group_end(source, i) == len(source):
        alternatives, rest = _alternatives(source[i + 3 : -1]), ""  # the whole pattern one group
    elif not behind:
        alternatives, rest = _alternatives(source), ""  # alternatives with no lookbehind before them
    elif source.startswith("(?:", i):
        end = _group_end(source, i)
        if end < 0:
            return None
        alternatives, rest = _alternatives(source[i + 3 : end - 1]), source[end:]
        if _alternatives(rest) != [rest]:
            return None  # the rest holds a top-level '|': the lookbehinds are not the whole pattern's
    else:
        alternatives, rest = _alternatives(source[i:]), ""
        if alternatives is None or len(alternatives) != 1:
            return None
    if not alternatives:
        return None
    split = [_opening(a) for a in alternatives]
    if any(a is None for a in split):
        return None
    return behind, split, rest


def _opening(alternative: str) -> tuple[list[str], str, str] | None:
    """(its own lookbehinds, its first character, the rest) of an alternative that opens with a plain
    character (after lookbehinds of its own: "(?<!thực )hiện"), or None."""
    behind, i = [], 0
    while alternative.startswith(("(?<!", "(?<="), i):
        end = _group_end(alternative, i)
        if end < 0:
            return None
        behind.append(alternative[i:end])
        i = end
    first = alternative[i : i + 1]
    if not first or first in _META or ord(first) >= CASED_BELOW or alternative[i + 1 : i + 2] in ("?", "*", "+", "{"):
        return None
    return behind, first, alternative[i + 1 :]


@lru_cache(maxsize=None)
def _matched(letter: str, flags: int) -> frozenset[str]:
    """Every character ``letter`` matches with ``flags`` (itself and, under IGNORECASE, its other cases)."""
    return frozenset(re.compile(re.escape(letter), flags).findall(_CANDIDATES))


def _by_first_letter(alternatives: list[tuple[str, str]], flags: int) -> list[tuple[str, list[str]]]:
    """The alternatives in groups of the same first letter (letters that match the same characters
    with ``flags``: "K" and "k" under IGNORECASE), each without its letter, in their order; a
    group per alternative where two letters' characters overlap without being the same.  Two
    alternatives of different groups never match at the same place, so the first that matches
    there is the first of its group."""
    matched = {c: _matched(c, flags) for c in dict.fromkeys(c for c, _ in alternatives)}
    sets = set(matched.values())
    if any(a != b and a & b for a in sets for b in sets):
        return [(c, [after]) for c, after in alternatives]
    groups: dict[frozenset[str], tuple[str, list[str]]] = {}
    for c, after in alternatives:
        groups.setdefault(matched[c], (c, []))[1].append(after)
    return list(groups.values())


def _one_of(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def first_letter_first(rx: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern with the same matches as ``rx``, searched from its first letter (see the module
    docstring); ``rx`` itself when its shape is not the one rewritten."""
    if rx.flags & re.VERBOSE or not isinstance(rx.pattern, str):
        return rx
    parts = _parts(rx.pattern)
    if parts is None:
        return rx
    behind, alternatives, rest = parts
    if not behind and (len(alternatives) < 2 or not rx.flags & re.IGNORECASE):
        return rx  # the engine skips to plain alternatives' first characters by itself, and tries one cheaply
    flags = rx.flags & ~re.UNICODE  # (str patterns are Unicode; the flag is implied)
    members = "".join(sorted(frozenset().union(*(_matched(c, flags) for _, c, _ in alternatives))))
    if not members:
        return rx
    f = "(?-i:[" + "".join(re.escape(c) for c in members) + "])"

    def moved(lookbehinds: list[str]) -> str:
        return "".join(b[:-1] + f + ")" for b in lookbehinds)

    after_first = [(c, moved(own) + after) for own, c, after in alternatives]
    body = "|".join(f"(?<={re.escape(letter)}){_one_of(rest_of)}" for letter, rest_of in _by_first_letter(after_first, flags))
    behind = [moved(behind)] if behind else []
    try:
        fast = re.compile(f"{f}{''.join(behind)}(?:{body}){rest}", flags)
    except re.error:
        return rx
    if fast.groups != rx.groups or fast.groupindex != rx.groupindex:
        return rx
    return fast
