"""ingest.mojibake.is_bad answers as ftfy's own is_bad does, on real texts, their mojibake and random strings."""

from __future__ import annotations

import random
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs that make mojibake)
import pytest
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants
    import sre_parse
from ftfy.badness import BADNESS_RE
from ftfy.badness import is_bad as ftfy_is_bad

from ingest import mojibake

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted(p for p in [*ROOT.glob("documents/**/*.txt"), *ROOT.glob("tests/fixtures/**/*.txt")]
               if "unseen7" not in p.parts)  # unseen7: the fresh set, read by nothing before its one run
CODECS = ("sloppy-windows-1252", "sloppy-windows-1251", "sloppy-windows-1250", "latin-1", "macroman", "cp437")


def _mojibake(text: str, codec: str) -> str:
    return text.encode("utf-8").decode(codec, errors="replace")


def test_the_patterns_are_ftfy_s_own():
    assert mojibake.PATTERNS is not None, "BADNESS_RE no longer cut into its branches: the fast test is off"
    assert len(mojibake.PATTERNS) == 37  # ftfy 6.3.1's union


@pytest.mark.parametrize("codec", [None, *CODECS])
def test_same_answer_on_every_text_and_its_mojibake(codec):
    assert len(TEXTS) > 20
    answers = []
    for path in TEXTS:
        text = path.read_text(encoding="utf-8", errors="replace")
        if codec is not None:
            text = _mojibake(text, codec)
        # the whole text, and pieces of it (a piece may hold one pattern's match or none)
        pieces = [text] + [text[i : i + 40] for i in range(0, min(len(text), 20_000), 97)]
        for piece in pieces:
            expected = ftfy_is_bad(piece)
            assert mojibake.is_bad(piece) == expected, (path.name, codec, piece)
            answers.append(expected)
    assert any(answers) or codec is None
    assert not all(answers)


def _example(parsed, rng: random.Random) -> str:
    """A string one pattern's parse tree matches (a class with no known bound gets a space or a letter)."""
    out = []
    for op, av in parsed.data:
        if op is sre_constants.MAX_REPEAT:
            out.extend(_example(av[2], rng) for _ in range(rng.randint(av[0], min(av[1], 2))))
        elif op is sre_constants.AT:
            continue
        else:
            members = mojibake._members(op, av)
            out.append(rng.choice(sorted(members)) if members else rng.choice(" aZ"))
    return "".join(out)


def test_same_answer_on_random_strings_near_each_pattern():
    """Each pattern's own matches, alone, in random surroundings and with one character changed
    (near misses): the answers agree on all, and each of the 37 patterns is hit."""
    parsed = [sre_parse.parse(p.pattern, BADNESS_RE.flags) for p, _ in mojibake.PATTERNS]
    named = sorted({c for c in BADNESS_RE.pattern if not c.isspace()})
    alphabet = named + list(" \n\tabcxyzABCXYZ019.,?!àáảãạăâđêôơưÀÁÂĂĐ")
    rng = random.Random(12)
    hits = [0] * len(parsed)
    answers = []
    for _ in range(300):
        for k, tree in enumerate(parsed):
            s = _example(tree, rng)
            if rng.random() < 0.5:
                at = rng.randrange(len(s))
                s = s[:at] + rng.choice(alphabet) + s[at + 1 :]
            if rng.random() < 0.5:
                s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3))) + s + rng.choice(alphabet)
            expected = ftfy_is_bad(s)
            assert mojibake.is_bad(s) == expected, (k, s)
            hits[k] += bool(mojibake.PATTERNS[k][0].search(s))
            answers.append(expected)
    assert min(hits) > 0, [k for k, n in enumerate(hits) if not n]
    assert 0.2 < sum(answers) / len(answers) < 0.95


def test_each_pattern_searched_from_its_rarest_element_matches_where_ftfy_s_does():
    """mojibake.SEARCHED: each of ftfy's patterns rewritten to start from its rarest element matches a
    string exactly when the pattern does, on its own examples, near misses and every bundled text."""
    parsed = [sre_parse.parse(p.pattern, BADNESS_RE.flags) for p, _ in mojibake.PATTERNS]
    rewritten = [k for k, ((p, _), (q, _)) in enumerate(zip(mojibake.PATTERNS, mojibake.SEARCHED)) if p is not q]
    assert len(rewritten) >= 10
    rng = random.Random(5)
    alphabet = sorted({c for c in BADNESS_RE.pattern if not c.isspace()}) + list(" abcZ.àáÀÁ")
    hits = dict.fromkeys(rewritten, 0)
    for k in rewritten:
        (pattern, _), (searched, _) = mojibake.PATTERNS[k], mojibake.SEARCHED[k]
        strings = [p.read_text(encoding="utf-8") for p in TEXTS if "unseen7" not in p.parts]
        for _ in range(400):
            s = _example(parsed[k], rng)
            if rng.random() < 0.5:
                at = rng.randrange(len(s))
                s = s[:at] + rng.choice(alphabet) + s[at + 1 :]
            strings.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3))) + s)
        for s in strings:
            assert bool(searched.search(s)) == bool(pattern.search(s)), (k, s)
            hits[k] += bool(pattern.search(s))
    assert min(hits.values()) > 0, hits
