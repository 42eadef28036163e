"""Whether a family of patterns keeps within the clauses a ';' separates (read from the regexes' own parse).

``periods.nearest_period`` reads the period before a figure clause by clause, from the last, each
clause once per sentence, instead of the whole text before the figure again for every figure.  That
gives the same answer as the whole text exactly when no pattern of the period search (the periods,
the dates that are not periods, the comparisons) can look across a ';':

* no element of the pattern, lookarounds included, can match ';' (so no match, and no lookahead of
  an attempt started before it, reaches past it; a lookbehind reaching back over it fails, as it
  does at the start of a text);
* no ``^`` or ``\\A`` (the start of a clause is no start of the text); ``$``, ``\\Z`` and ``\\b`` see
  the same at a ';' as at the end of the clause before it, and after it as at a text's start;
* no back-reference, and no match of the empty string.

Then the matches of the whole text are those of each clause (ended by its ';') in turn, none
overlapping the ';', and what is found in one clause changes nothing in another.
:func:`stays_in_clauses` checks it on the patterns at import; if a pattern ever breaks it,
``nearest_period`` reads the whole text as before.
"""

from __future__ import annotations

import re
import warnings
from typing import Iterable

with warnings.catch_warnings():  # the parser is only deprecated as a public module name
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as _C
    import sre_parse as _parse

SEPARATOR = ";"
_SEP = ord(SEPARATOR)
#: The classes of characters (\\D, \\S, \\W) that hold ';'; \\d, \\s and \\w do not.
_HOLDING = {_C.CATEGORY_NOT_DIGIT, _C.CATEGORY_NOT_SPACE, _C.CATEGORY_NOT_WORD}
_SAFE_CATEGORIES = {_C.CATEGORY_DIGIT, _C.CATEGORY_SPACE, _C.CATEGORY_WORD}


def _class_holds_separator(items) -> bool:
    negate, held = False, False
    for op, av in items:
        if op is _C.NEGATE:
            negate = True
        elif op is _C.LITERAL:
            held = held or av == _SEP
        elif op is _C.RANGE:
            held = held or av[0] <= _SEP <= av[1]
        elif op is _C.CATEGORY:
            held = held or av in _HOLDING or av not in _SAFE_CATEGORIES
        else:
            return True  # not known: taken as holding it
    return held != negate


def _bound(sub) -> bool:
    """No element of ``sub`` (a parsed pattern) can match ';', and no anchor at a start."""
    for op, av in sub.data if isinstance(sub, _parse.SubPattern) else sub:
        if op is _C.LITERAL:
            if av == _SEP:
                return False
        elif op is _C.NOT_LITERAL:
            if av != _SEP:
                return False
        elif op is _C.IN:
            if _class_holds_separator(av):
                return False
        elif op is _C.CATEGORY:
            if av not in _SAFE_CATEGORIES:
                return False
        elif op is _C.AT:
            if av in (_C.AT_BEGINNING, _C.AT_BEGINNING_STRING, _C.AT_BEGINNING_LINE):
                return False
        elif op is _C.BRANCH:
            if not all(_bound(p) for p in av[1]):
                return False
        elif op is _C.SUBPATTERN:
            if not _bound(av[-1]):
                return False
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) or op is getattr(_C, "POSSESSIVE_REPEAT", None):
            if not _bound(av[2]):
                return False
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            if not _bound(av[1]):
                return False
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            if not _bound(av):
                return False
        else:  # ANY, a back-reference, anything not known
            return False
    return True


def stays_in_clauses(patterns: Iterable[re.Pattern[str]]) -> bool:
    """Whether every pattern keeps within the clauses ';' separates (see the module's docstring)."""
    for rx in patterns:
        parsed = _parse.parse(rx.pattern, rx.flags)
        if parsed.getwidth()[0] < 1 or not _bound(parsed):
            return False
    return True
