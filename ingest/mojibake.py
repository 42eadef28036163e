"""ftfy's mojibake test (``ftfy.badness.is_bad``), answered the same, about three times faster.

``ftfy.fix_encoding(text)`` returns ``text`` unchanged unless ``is_bad(text)``: one search of
ftfy's ``BADNESS_RE``, a union of 37 patterns of two to seven characters, over the whole text
(about 6 ms for a 30.000-character report: nearly every position starts an attempt at each
pattern).  :func:`is_bad` gives the same answer with less work, by two exact steps:

1. a pattern whose every match needs a character the text does not hold cannot match it: each
   pattern's compulsory characters (its literals and character classes of known members, read
   from the regex's own parse) are tested against the set of the text's characters; a class
   with no known bound (``\\s``, ``\\w``, ``[^A-Za-z]``, ``.``) is taken as satisfiable;
2. the patterns that remain are searched one at a time (a lone pattern that opens with a
   character class lets the regex engine skip to the characters it can start with, which a
   union of patterns does not).

A text matches the union if and only if it matches one of its patterns, so both steps return
``is_bad``'s answer.  The patterns are cut from ``BADNESS_RE``'s source and checked, at import,
to parse exactly as the union's own branches; if that ever fails (another ftfy), :func:`is_bad`
is ftfy's own.  ``tests/test_mojibake.py`` compares the two on every bundled and fixture text
and on mojibake made from them.
"""

from __future__ import annotations

import re
import warnings

from ftfy.badness import BADNESS_RE
from ftfy.badness import is_bad as ftfy_is_bad

with warnings.catch_warnings():  # the parser is only deprecated as a public module name
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as _C
    import sre_parse as _parse


def _top_level_alternatives(source: str) -> list[str]:
    """``source`` cut at each ``|`` outside brackets and parentheses (a verbose pattern: ``#`` comments dropped)."""
    out, current, depth, in_class, i = [], [], 0, False, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            current.append(source[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if source[i + 1 : i + 2] == "^":
                current.append(ch)
                i += 1
                ch = "^"
            if source[i + 1 : i + 2] == "]":  # a leading ']' is a member
                current.append(ch)
                i += 1
                ch = "]"
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            out.append("".join(current))
            current, i = [], i + 1
            continue
        elif ch == "#":
            end = source.find("\n", i)
            i = len(source) if end < 0 else end
            continue
        current.append(ch)
        i += 1
    out.append("".join(current))
    return out


def _shape(node):
    """A parse tree as plain tuples (sub-patterns compare by identity otherwise)."""
    if isinstance(node, _parse.SubPattern):
        return ("sub", _shape(node.data))
    if isinstance(node, (list, tuple)):
        return tuple(_shape(x) for x in node)
    return node


def _members(op, av) -> frozenset[str] | None:
    """The characters one element of a pattern accepts, or None when they have no known bound."""
    if op is _C.LITERAL:
        return frozenset(chr(av))
    if op is not _C.IN:
        return None
    members: set[str] = set()
    for kind, value in av:
        if kind is _C.LITERAL:
            members.add(chr(value))
        elif kind is _C.RANGE and value[1] - value[0] < 5000:
            members.update(map(chr, range(value[0], value[1] + 1)))
        else:  # NEGATE, CATEGORY (\s, \w), a huge range
            return None
    return frozenset(members)


def _compulsory(parsed) -> list[frozenset[str]]:
    """For each character every match of the pattern consumes, the characters it may be (known bounds only)."""
    out = []
    for op, av in parsed.data:
        if op is _C.MAX_REPEAT and av[0] >= 1 and len(av[2].data) == 1:
            op, av = av[2].data[0]
        members = _members(op, av)
        if members is not None:
            out.append(members)
    return out


def _patterns() -> list[tuple[re.Pattern, list[frozenset[str]]]] | None:
    if BADNESS_RE.flags & re.IGNORECASE:
        return None
    whole = _parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    if len(whole.data) != 1 or whole.data[0][0] is not _C.BRANCH:
        return None
    branches = whole.data[0][1][1]
    sources = _top_level_alternatives(BADNESS_RE.pattern)
    if len(sources) != len(branches):
        return None
    out = []
    for source, branch in zip(sources, branches):
        parsed = _parse.parse(source, BADNESS_RE.flags)
        if _shape(parsed.data) != _shape(branch.data):
            return None
        out.append((re.compile(source, BADNESS_RE.flags), _compulsory(parsed)))
    return out


PATTERNS = _patterns()

#: Characters common in Vietnamese text (ASCII, its letters, its quotes and dashes): a pattern is
#: searched from its element least made of them (:func:`_from_rarest`).
_COMMON = frozenset(map(chr, range(0x20, 0x7F))) | frozenset(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ“”‘’–—…\n\t\xa0")


def _class(members: frozenset[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(members)) + "]"


def _from_rarest(pattern: re.Pattern) -> re.Pattern:
    """A pattern that matches somewhere in a text if and only if ``pattern`` does, searched from its
    rarest element.  A pattern of single characters of known sets e1 e2 … ek (``[ßà-ñ…][À-Ñ…]``)
    matches at i exactly when the text's characters i … i+k-1 are in those sets; so does
    ``ej(?<=e1…ej)ej+1…ek`` at i+j-1.  The engine skips to where its first element may start, so
    starting from the element whose characters are least common in Vietnamese text (not the
    lower-case letters most of ftfy's classes open with) tries far fewer positions.  Any other
    pattern (a repeat, an anchor, a class of no known bound) is kept as it is."""
    sets = []
    for op, av in _parse.parse(pattern.pattern, pattern.flags).data:
        members = _members(op, av)
        if members is None:
            return pattern
        sets.append(members)
    j = min(range(len(sets)), key=lambda i: (len(sets[i] & _COMMON), len(sets[i])))
    if j == 0:
        return pattern
    behind = "".join(_class(m) for m in sets[: j + 1])
    return re.compile(_class(sets[j]) + f"(?<={behind})" + "".join(_class(m) for m in sets[j + 1 :]), pattern.flags & ~re.VERBOSE)


#: What :func:`is_bad` searches: per pattern, one that matches a text exactly when it does.
SEARCHED = None if PATTERNS is None else [(_from_rarest(p), compulsory) for p, compulsory in PATTERNS]


def is_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``: does the text look like it holds mojibake?"""
    if SEARCHED is None:
        return ftfy_is_bad(text)
    present = set(text)
    return any(all(not needed.isdisjoint(present) for needed in compulsory) and pattern.search(text)
               for pattern, compulsory in SEARCHED)
