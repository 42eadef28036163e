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
                   if "unseen6" not in p.parts)  # unseen6: the fresh set, read by nothing before its one run
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


def _plain_comparison_spans(text: str) -> list[tuple[int, int, str]]:
    spans = []
    for so in P.SO_VOI.finditer(text):
        rest = text[so.end() :]
        m = next((m for _, _, rx in P.BASIS if (m := rx.match(rest))), None)
        if m:
            spans.append((so.start(), so.end() + m.end(), text[so.start() : so.end() + m.end()]))
    return spans


def test_comparisons_of_a_text_without_so_are_none_as_a_plain_scan_finds():
    """comparison_spans skips a text where no case of "so" is (nor "ſ", which IGNORECASE's "s" matches):
    the same spans as the plain scan on every bundled sentence, its clauses, and crafted cases."""
    crafted = ["tăng 5% SO VỚI CÙNG KỲ", "đạt 90% So với kế hoạch", "tăng 3% ſo với cùng kỳ", "sO với KH năm", "số so"]
    texts = [t for s in _bundled_sentences() for t in (s, *s.split(";"))] + crafted
    found = 0
    for text in texts:
        want = _plain_comparison_spans(text)
        assert comparison_spans(text) == want, text
        found += len(want)
    assert comparison_spans(crafted[2]) and comparison_spans(crafted[0]) and found > 300


def _plain_fold(text: str) -> str:
    from ingest.text import nfc

    text = nfc(text).lower()
    for old, new in P.TONE_FOLD.items():
        text = text.replace(old, new)
    return P.NOT_ALNUM.sub(" ", text.translate(P.Y_FOLD))


def test_a_text_folded_without_a_tone_placement_to_fold_is_the_plain_fold():
    """vocabulary.fold replaces the tone placements ("hòa" as "hoà") only in a text holding one of their
    first letters (patterns.TONE_FOLD_START): the plain fold on every bundled sentence and on each key."""
    from ingest.prose.vocabulary import fold

    crafted = [f"x {k} {k.upper()} y" for k in P.TONE_FOLD] + ["Hòa Bình", "HÒA", "thủy lợi", "tỷ lệ", "khỏe"]
    changed = 0
    for text in [*_bundled_sentences(), *crafted]:
        assert fold(text) == _plain_fold(text), text
        changed += P.TONE_FOLD_START.search(text.lower()) is not None
    assert changed > 100


def _document_lines() -> list[str]:
    from ingest.text import read_document

    paths = sorted((ROOT / "documents").rglob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    paths = [p for p in paths if not {"unseen2", "unseen3", "unseen4", "unseen5", "unseen6"} & set(p.parts)]
    return [line for p in paths for line in read_document(p).split("\n")]


def test_a_text_ends_closed_where_the_closing_patterns_say_so():
    """layout.ends_with (the last character that is not a blank) answers as CLOSING_PUNCT and
    OPEN_LINE_END (a set of characters, then \\s*$) on every line and paragraph, and blanks are what
    \\s matches."""
    import re
    import sys

    from ingest.prose.layout import CLOSING_PUNCTUATION, OPEN_LINE_ENDS, ends_with

    blanks = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert all(re.fullmatch(r"\s", c) for c in blanks) and len(re.findall(r"\s", "".join(map(chr, range(0x3001))))) == \
        sum(chr(c).isspace() for c in range(0x3001))
    crafted = ["", " ", "abc./.", "abc . / . ", "x.\n", "x:\u00a0\u2003", "x;\x1c", "(x)", "“x”", "x…", "x,", "x. a"]
    texts = [*_document_lines(), *(s for s in _bundled_sentences()), *crafted]
    closed = 0
    for text in texts:
        assert ends_with(text, CLOSING_PUNCTUATION) == bool(P.CLOSING_PUNCT.search(text)), repr(text)
        assert ends_with(text, OPEN_LINE_ENDS) == bool(P.OPEN_LINE_END.search(text)), repr(text)
        closed += ends_with(text, CLOSING_PUNCTUATION)
    assert closed > 1000


def test_a_glued_predicate_is_looked_for_where_its_word_is():
    """layout.clean_line searches GLUED_PREDICATE only where GLUED_PREDICATE_WORD finds "tăng"/"giảm"
    glued to a figure or "so": the same answer on every line, from each start a markdown heading gives."""
    assert len("tăng") == len("giảm") == 4  # the lookbehind's width, the slack of the search
    crafted = ["Doanh thutăng5%", "xuất khẩugiảm 3%", "tăng8,2% so", "giảmso với", "## tăng3%", "#tăng1", "tăng", "xtăngso\tx"]
    found = 0
    for raw in [*_document_lines(), *crafted]:
        for pos in {0, 1, 2, 3, P.MARKDOWN_HEADING.match(raw).end() if P.MARKDOWN_HEADING.match(raw) else 0}:
            want = P.GLUED_PREDICATE.search(raw, pos) is not None
            assert (P.GLUED_PREDICATE_WORD.search(raw, max(0, pos - 4)) is not None) == want, (raw, pos)
            found += want
    assert found >= 10


def _plain_nearest_period(text: str) -> tuple:
    """The period nearest the end: the last clause's, else the whole text read again (no clause kept)."""
    from ingest.prose.periods import _nearest_period

    cut = text.rfind(";")
    if cut >= 0:
        period, ambiguous = _nearest_period(text[cut + 1 :], False)
        if period is not None or ambiguous:
            return period, ambiguous
    return _nearest_period(text, False)


def test_the_period_before_each_figure_read_clause_by_clause_is_that_of_the_whole_text():
    """nearest_period reads the clauses before the last from the last, each once per sentence: the
    answer of the whole text before every number of every bundled and fixture sentence (and of its
    clauses), with the clauses kept across a sentence's figures as figure_period keeps them."""
    from ingest.prose.periods import CLAUSES_APART, nearest_period

    assert CLAUSES_APART  # the patterns keep within clauses: the fast path is on
    crafted = ["Trong tháng 9; thu ngân sách đạt 5 tỷ; chi 3 tỷ", "Quý I/2024 tăng 5%; 6 tháng đầu năm; tháng 6 và tháng 7 đạt 4",
               "lũy kế 9 tháng; vụ Hè Thu; giảm 2", "năm 2023; ; so với cùng kỳ năm 2022 tăng 3", "đến ngày 30/9/2024; có 5"]
    compared = found = 0
    for sentence in [*_bundled_sentences(), *crafted]:
        clauses: dict = {}
        for text in [*(sentence[: m.start()] for m in P.NUMBER.finditer(sentence)), sentence, *sentence.split(";")]:
            want = _plain_nearest_period(text)
            assert nearest_period(text) == want, text
            assert nearest_period(text, clauses=clauses) == want, text
            compared += ";" in text
            found += want[0] is not None and ";" in text
    assert compared > 1000 and found > 300, (compared, found)


def test_a_pattern_that_could_look_across_a_semicolon_turns_the_clause_reading_off():
    import re

    from ingest.prose.clause_bound import stays_in_clauses

    for unsafe in (r"[^,]+", r".", r";", r"^năm", r"\W", r"(?=\s*;)", r"x\D", r"(a)\1", r"\d*", r"x[\s\S]"):
        assert not stays_in_clauses([re.compile(unsafe)]), unsafe
    for safe in (r"(?<![^\W\d_])so", r"[^,;:.]{0,80}?năm", r"(?<=\s)(20\d{2})$", r"(?i)quý\s+[IV]+\b", r"\d{1,2}/\d{4}"):
        assert stays_in_clauses([re.compile(safe)]), safe


def test_whole_subject_aliases_looked_up_by_their_lengths_are_those_of_every_suffix():
    """Vocabulary.find_whole tries only the suffixes of a subject as long as some whole-subject alias
    ("=dịch vụ"): the aliases a lookup of every suffix finds, on every bundled sentence's clauses and
    on each alias after each filler word."""
    from ingest.prose.subject import subject_core
    from ingest.prose.vocabulary import default_vocabulary, fold

    vocab = default_vocabulary()

    def plain(folded_core: str) -> list:
        words, out = folded_core.split(), []
        for j in range(len(words)):
            group = vocab._whole.get(" ".join(words[j:]))
            if group and (j == 0 or any(tuple(words[:j])[-len(f):] == f for f in vocab._fillers)):
                out.extend(group)
        return sorted(out, key=lambda a: a.order)

    crafted = [f"{' '.join(f)} {w}" for w in vocab._whole for f in vocab._fillers] + list(vocab._whole)
    texts = [fold(subject_core(c)) for s in _bundled_sentences() for c in s.split(",")] + crafted
    hits = 0
    for folded in texts:
        assert vocab.find_whole(folded) == plain(folded), folded
        hits += bool(plain(folded))
    assert hits >= len(vocab._whole)
