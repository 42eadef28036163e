"""The prose stage's shortcuts give what the plain way gives, on every bundled and fixture sentence.

Each shortcut skips work that cannot change a result (a pattern whose matches all start with a
digit is scanned from the first digit of a window; cues and start words are found in one pass; a
line without a markup character is not searched for markup; a period pattern without its cue is
not tried on a residue).  These tests compare each with the plain computation it replaced.
"""

from __future__ import annotations

from pathlib import Path

from ingest.prose import patterns as P
from ingest.prose.figures import DIGIT_FIRST, _windows, skip_spans
from ingest.prose.layout import clean_line
from ingest.prose.periods import not_period_spans
from ingest.prose.sentences import blank, comparison_spans, word_list
from ingest.prose.subject import drop_qualifier_groups, residue

from .test_figures import _bundled_sentences

ROOT = Path(__file__).resolve().parents[2]


def _plain_skip_spans(text: str) -> list[tuple[int, int, str]]:
    """Every skip pattern scanned over every window around the numbers (no cue, no anchor)."""
    if not P.DIGIT.search(text):
        return []
    spans = sorted({(m.start(), m.end(), p.name) for p in P.SKIP_SPANS for a, b in _windows(text)
                    for m in p.regex.finditer(text, a, b)})
    m = P.LIST_MARKER.match(text)
    if m and m.end():
        spans.append((0, m.end(), "list_marker"))
    return spans


def _plain_residue(between: str) -> str:
    text = drop_qualifier_groups(between)
    text = blank(text, [(a, b) for a, b, _ in comparison_spans(text)])
    text = blank(text, not_period_spans(text))
    for _, rx in P.PERIODS:
        text = blank(text, [(m.start(), m.end()) for m in rx.finditer(text)])
    for name, _, rx in P.BASIS:
        if name in ("plan", "plan_central_budget", "plan_council", "same_period"):
            text = blank(text, [(m.start(), m.end()) for m in rx.finditer(text)])
    text = P.NONCONTENT.sub(" ", text)
    return " ".join(w for w in word_list(text) if not w.isdigit() and len(w) > 1)


def test_skip_spans_are_those_of_a_plain_scan():
    sentences = _bundled_sentences()
    compared = 0
    for text in sentences:
        want = _plain_skip_spans(text)
        assert skip_spans(text) == want, text[:100]
        compared += len(want)
    assert compared > 2000


def test_every_match_of_a_digit_first_skip_pattern_starts_with_a_digit():
    seen = 0
    for text in _bundled_sentences():
        for p in P.SKIP_SPANS:
            if p.name in DIGIT_FIRST:
                for m in p.regex.finditer(text):
                    assert m.group(0)[0].isdigit(), (p.name, m.group(0))
                    seen += 1
    assert seen > 300
    # a date far after the words before it is still found, from its first digit
    assert ("date_full" in {s[2] for s in skip_spans("Kết thúc đợt kiểm tra toàn diện vào cuối tuần, 12/03/2022, có 15 xã")})


def test_residues_are_those_of_every_period_pattern():
    compared = 0
    for text in _bundled_sentences():
        numbers = list(P.NUMBER.finditer(text))
        cuts = [0] + [m.end() for m in numbers] + [len(text)]
        for a, b in zip(cuts, cuts[1:]):
            between = text[a:b]
            assert residue(between) == _plain_residue(between), between
            compared += 1
    assert compared > 2000


def test_a_line_without_a_markup_character_has_no_markup():
    lines = 0
    for path in sorted((ROOT / "documents").rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not P.MARKUP_START.search(line):
                assert P.MARKUP_TOKEN.search(line) is None, line
                lines += 1
    assert lines > 300
    # every kind of markup holds one of the characters
    for marked in ("GRDP<sup>1</sup> tăng", "tăng&nbsp;6%", "tăng¹", "**Kinh tế**", "_ghi chú_", "5 \\* 3", "<b>x</b>", "m⁽²⁾"):
        assert P.MARKUP_START.search(marked) and P.MARKUP_TOKEN.search(marked), marked
    text, heading = clean_line("## Tình hình kinh tế", 10)
    assert heading and "".join(text.chars) == "Tình hình kinh tế" and text.offs[0] == 13


def test_offsets_read_as_the_plain_list_of_ints_under_random_edits():
    """ingest.prose.offsets keeps runs; read and edited as the layout does, it is the list it stands for."""
    import random

    from ingest.prose.offsets import Offsets

    rng = random.Random(7)
    for _ in range(400):
        runs, plain = Offsets(), []
        for _ in range(rng.randint(1, 12)):
            op = rng.random()
            if op < 0.4:
                at, n = rng.choice([plain[-1] + 1 if plain else 0, rng.randint(0, 500)]), rng.randint(0, 20)
                runs.add_run(at, n)
                plain.extend(range(at, at + n))
            elif op < 0.55:
                at = rng.randint(0, 500)
                runs.append(at)
                plain.append(at)
            elif op < 0.7 and plain:
                a = rng.randint(0, len(plain))
                b = rng.randint(a, len(plain))
                runs.extend(runs[a:b])
                plain.extend(plain[a:b])
            elif op < 0.85:
                n = rng.randint(0, len(plain) + 2)
                runs.truncate(n)
                del plain[n:]
            else:
                a = rng.randint(0, len(plain))
                b = rng.randint(a, len(plain) + 1)
                runs.delete(a, b)
                del plain[a:b]
            assert list(runs) == plain and len(runs) == len(plain)
            assert [runs[i] for i in range(len(plain))] == plain
            if plain:
                assert runs[-1] == plain[-1]
            a, b = rng.randint(0, len(plain) + 1), rng.randint(0, len(plain) + 1)
            assert list(runs[a:b]) == plain[a:b]


def test_every_paragraph_s_offsets_point_at_its_characters():
    """On every bundled and fixture document, each character of a paragraph's clean text is the
    document's character at its offset (but the spaces that join lines and decoded entities)."""
    from ingest.prose.layout import split_lines, to_paragraphs
    from ingest.text import read_document

    paths = sorted(p for p in [*ROOT.glob("documents/**/*.txt"), *ROOT.glob("tests/fixtures/**/*.txt")]
                   if "unseen7" not in p.parts)  # unseen7: the fresh set, read by nothing before its one run
    checked = 0
    for path in paths:
        text = read_document(path)
        for para in to_paragraphs(split_lines(text)):
            body = para.body
            assert len(body.offs) == len(body.text), path.name
            for i, (char, at) in enumerate(zip(body.text, body.offs)):
                assert char == text[at] or char == " " or text[at] == "&", (path.name, i, body.text[max(0, i - 20) : i + 20])
                checked += 1
    assert checked > 100_000


def test_what_a_window_needs_is_in_every_match_of_its_pattern():
    """figures.WINDOW_NEEDS: each pattern finds something inside every match of its skip pattern, on
    every bundled and fixture sentence and on matches of each alternative (so a window without it
    has no match)."""
    from ingest.prose.figures import WINDOW_NEEDS

    crafted = ["lúc 8h30 sáng", "từ 7 giờ 30 phút", "8 GIỜ", "10:30:15 ngày", "QL-3 và Km–12", "lô 5A đã xong",
               "AB 1234 xe", "khu ٣A mới", "Tuyến ĐT 741 dài"]
    flags = {p.name: p.regex.flags for p in P.SKIP_SPANS}
    assert all(needs.flags == flags[name] for name, needs in WINDOW_NEEDS.items())  # the same case rules
    seen = dict.fromkeys(WINDOW_NEEDS, 0)
    for text in [*_bundled_sentences(), *crafted]:
        for p in P.SKIP_SPANS:
            needs = WINDOW_NEEDS.get(p.name)
            if needs is None:
                continue
            for m in p.regex.finditer(text):
                assert needs.search(text, m.start(), m.end()), (p.name, m.group(0))
                seen[p.name] += 1
    assert min(seen.values()) >= 5, seen


def _plain_find_periods(text: str) -> list:
    """Every period pattern scanned over the whole text (no cue, no start word)."""
    from ingest.prose.periods import period_of

    found, taken = [], []
    for name, rx in P.PERIODS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            period = period_of(name, m)
            if period is not None:
                found.append((m.start(), m.end(), name, period))
                taken.append((m.start(), m.end()))
    return sorted(found)


def _plain_not_period_spans(text: str) -> list:
    found = [(m.start(), m.end()) for m in P.NOT_PERIOD.finditer(text)]
    kept = [(m.start(), m.end()) for rx, _ in P.KEPT_PERIODS for m in rx.finditer(text)]
    return [(s, e) for s, e in found if not any(a <= s and e <= b for a, b in kept)]


def test_periods_found_from_their_words_in_one_pass_are_those_of_a_plain_scan():
    """periods.find_periods and not_period_spans (cues and start words found in one pass) on every
    bundled and fixture sentence and on its text before each figure (what nearest_period is given)."""
    from ingest.prose.periods import find_periods

    periods = spans = 0
    for sentence in _bundled_sentences():
        for text in [sentence, *(sentence[: m.start()] for m in P.NUMBER.finditer(sentence))]:
            want = _plain_find_periods(text)
            assert find_periods(text) == want, text
            assert not_period_spans(text) == _plain_not_period_spans(text), text
            periods += len(want)
            spans += len(_plain_not_period_spans(text))
    assert periods > 1500 and spans > 500, (periods, spans)


def _plain_squeeze(folded: str) -> tuple[str, list[int]]:
    """Space runs as one space (none at the start), and each kept character's position, one by one."""
    out, pos = [], []
    for i, c in enumerate(folded):
        if c == " " and (not out or out[-1] == " "):
            continue
        out.append(c)
        pos.append(i)
    return "".join(out), pos


def test_a_folded_text_squeezed_by_its_gaps_is_the_plain_squeeze():
    import random

    from ingest.prose.vocabulary import _squeeze, fold

    rng = random.Random(3)
    texts = [fold(s) for s in _bundled_sentences()]
    texts += ["".join(rng.choice("  ab") for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for folded in texts:
        text, pos = _squeeze(folded)
        assert (text, list(pos)) == _plain_squeeze(folded), folded
        assert [pos[i] for i in range(len(text))] == _plain_squeeze(folded)[1]
    assert sum("  " in t for t in texts) > 1000

