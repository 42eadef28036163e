"""The patterns searched from their first letter (``ingest.first_letter``, applied to every pattern
of ``ingest.prose.patterns`` of its shape) against the patterns as written: the same matches, groups and
substitutions on every bundled and fixture sentence (the fresh split unseen7 left out) and on crafted texts."""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

import pytest

from ingest.prose import patterns as P
from ingest.first_letter import CASED_BELOW, _parts, first_letter_first

ROOT = Path(__file__).resolve().parents[2]
FRESH = "unseen7"  # being labelled: nothing but its labeller reads it


@lru_cache(maxsize=1)
def _sentences() -> tuple[str, ...]:
    from ingest.prose.extractor import Extractor
    from ingest.prose.model import Report
    from ingest.prose.vocabulary import default_vocabulary
    from ingest.text import read_document

    paths = sorted((ROOT / "documents").rglob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    paths = [p for p in paths if FRESH not in p.parts]
    assert paths and not any(FRESH in str(p) for p in paths)
    out = []
    for path in paths:
        text = read_document(path)
        out += [s.text for s in Extractor(Report(path.name, text, 2022, 9, (2022, 1, 9)), default_vocabulary()).sentences()]
    return tuple(out)


def _found(rx: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


def test_the_patterns_of_the_prose_stage_that_open_with_lookbehinds_are_searched_from_their_first_letter():
    """The hot ones are rewritten (the no-letter-before estimate cue, the words of no content, "so với" …)
    and every rewritten one opens with the class of its first letters."""
    assert {"ESTIMATE_CUE", "NONCONTENT", "SO_VOI", "PLAN_NAME_YEAR", "PLAN_CUE", "SECTOR_WORD", "STOCK_CUE"} <= set(P.PLAIN)
    for name, plain in P.PLAIN.items():
        fast = getattr(P, name)
        assert fast is not plain and fast.flags == plain.flags, name
        assert fast.pattern.startswith("(?-i:[") or fast.pattern == P.BY_HAND[name][1], name
        assert fast.groups == plain.groups and fast.groupindex == plain.groupindex, name


def test_the_patterns_rewritten_by_hand_are_still_written_as_they_were():
    """A pattern of BY_HAND that was changed is used as written (slower): rewrite it in BY_HAND again,
    from its first character (or take it out)."""
    assert set(P.BY_HAND) <= set(P.PLAIN), [n for n in P.BY_HAND if n not in P.PLAIN]


def test_every_rewritten_pattern_finds_what_it_did_on_every_bundled_sentence():
    """finditer (spans and groups) and sub, on every sentence as it is, in upper and in lower case."""
    sentences = _sentences()
    texts = list(sentences) + [s.upper() for s in sentences[::5]] + [s.lower() for s in sentences[::5]]
    assert len(sentences) > 2000
    for name, plain in P.PLAIN.items():
        fast = getattr(P, name)
        found = 0
        for text in texts:
            want = _found(plain, text)
            assert _found(fast, text) == want, (name, text)
            found += len(want)
        if name in ("ESTIMATE_CUE", "NONCONTENT", "SO_VOI", "PLAN_NAME_YEAR", "SECTOR_WORD"):
            assert found > 50, name
    for text in sentences[::10]:
        assert P.NONCONTENT.sub(" ", text) == P.PLAIN["NONCONTENT"].sub(" ", text)


def test_every_rewritten_pattern_matches_where_it_did_at_every_position():
    """match(text, pos) from every position, and search from every position, on a sample of sentences
    and crafted texts (letters before, a cue at the very start, 'K' as the Kelvin sign, 'ſ' as 's')."""
    crafted = ["ước tính đạt 5%", "xước 5", "Ước 5", "UỚC 5", "công ước 3", "KH năm 2024 đạt", "\u212aH năm 2024",
               "ſo với năm trước", "so với", "cùng so", "trong đó ngành công nghiệp", "Dự kiến; dự báo: ước"]
    texts = list(_sentences()[::60]) + crafted
    for name, plain in P.PLAIN.items():
        fast = getattr(P, name)
        for text in texts:
            for pos in range(len(text) + 1):
                a, b = plain.match(text, pos), fast.match(text, pos)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (name, text, pos)
                a, b = plain.search(text, pos), fast.search(text, pos)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (name, text, pos)


def test_no_code_point_from_cased_below_on_matches_a_first_letter():
    """The class of first letters is looked for below CASED_BELOW only: over all of Unicode, no character
    from there on matches any rewritten pattern's first letters (with its flags)."""
    rest = "".join(chr(c) for c in range(CASED_BELOW, 0x110000))
    for name, plain in P.PLAIN.items():
        if name in P.BY_HAND:
            continue
        _, alternatives, _ = _parts(plain.pattern)
        firsts = re.compile("|".join(re.escape(c) for _, c, _ in alternatives), plain.flags)
        assert not firsts.search(rest), name


@pytest.mark.parametrize("source", [
    r"(?P<w>(?<!\w)ab)", r"(?<!\w)(?P<w>ab|cd)", r"(?<!\w)(?:(?<=x)(?:ab)|cd)", r"(?<!\w)(?:ab|cd)|ef", r"(?<!\w)a?b",
    r"(?<!\w)(?:\dab|cd)", r"ab(?<!\w)", r"(?<!\w)(?:a+b|c)",
])
def test_a_pattern_of_another_shape_is_kept_as_written(source):
    rx = re.compile(source, re.IGNORECASE)
    assert first_letter_first(rx) is rx


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("source", [
    r"(?<![^\W\d_])(?:ab|a|Kx|kả|ba)(?![^\W\d_])",
    r"(?<!\bK )(?<![^\W\d_])(?:ả\s+b|ả|k)(?:\s+(\d+))?",
    r"(?<=[ ,])(?:k(?=a)|Ka|s)",
    r"(?<![^\W\d_])sa\s*",
    r"(?<![^\W\d_])(?:ab|(?<!k )ả\s+b|(?<=s)a|Ka)(?![^\W\d_])",
    r"ab|(?<!x)ả|Kb\s",
])
def test_crafted_patterns_find_what_they_did_in_random_texts(source, flags):
    """Random texts over the letters the patterns name, their other cases and the characters that fold to
    them under IGNORECASE ('\u212a' Kelvin, 'ſ'): finditer, sub, split and match at every position."""
    plain = re.compile(source, flags)
    fast = first_letter_first(plain)
    assert (fast is not plain) == bool(flags or source.startswith("(?<")), fast  # plain words without IGNORECASE: as written
    rng = random.Random(12)
    alphabet = "aAbBkK\u212asSſảẢx 1,;"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _found(fast, text) == _found(plain, text), text
        assert fast.sub("#", text) == plain.sub("#", text) and fast.split(text) == plain.split(text), text
        for pos in range(len(text) + 1):
            a, b = plain.match(text, pos), fast.match(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, pos)


def test_the_patterns_rewritten_by_hand_find_what_they_did():
    """patterns.BY_HAND: NUMBER opens with its digit, SENTENCE_END and CLAUSE_DELIMITER with the class of
    their first characters: the same matches (and splits) on every bundled sentence and paragraph, and at
    every position of random texts of digits, letters, dots, commas, dashes, blanks and capitals."""
    sentences = _sentences()
    assert sum(len(_found(P.PLAIN["NUMBER"], s)) for s in sentences) > 3000
    paragraphs = [" ".join(sentences[i : i + 6]) for i in range(0, len(sentences), 6)]
    rng = random.Random(7)
    alphabet = "0123456789a.,_ ²Đ…!?;:()-–\n“B"
    randoms = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(4000)]
    for name in P.BY_HAND:
        plain, fast = P.PLAIN[name], getattr(P, name)
        for text in [*sentences, *paragraphs]:
            assert _found(fast, text) == _found(plain, text), (name, text)
            assert fast.split(text, 1) == plain.split(text, 1), (name, text)
        for text in randoms:
            for pos in range(len(text) + 1):
                a, b = plain.match(text, pos), fast.match(text, pos)
                assert (a and a.span()) == (b and b.span()), (name, text, pos)
                a, b = plain.search(text, pos), fast.search(text, pos)
                assert (a and a.span()) == (b and b.span()), (name, text, pos)
