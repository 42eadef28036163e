"""Stage: text layout: lines -> paragraphs, with the original offset of every character.

Hard-wrapped PDF text is rejoined, footnote bodies (printed inline or at the
page foot, marked ``¹``, ``<sup>1</sup>``, or a plain number in PDF text) are
separated from the paragraph they interrupt, markdown and HTML markup is
stripped and pipe tables are skipped.  Offsets always point into the NFC text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.prose import patterns as P
from ingest.prose.offsets import Offsets

class Text:
    """Clean text with the original offset of every character (``ingest.prose.offsets``).

    The text is kept as the pieces appended (joined once when read), so that building a
    paragraph line by line stays linear; no list of one string per character is made."""

    __slots__ = ("_parts", "_text", "_len", "offs", "marks")

    def __init__(self, text: str = "", offs: Offsets | None = None, marks: list[tuple[int, int]] | None = None):
        self._parts: list[str] = [text] if text else []
        self._text: str | None = text
        self._len = len(text)
        self.offs = Offsets() if offs is None else offs
        self.marks: list[tuple[int, int]] = [] if marks is None else marks  # (position, footnote number)

    @property
    def text(self) -> str:
        """The characters as a string (joined once after each change)."""
        if self._text is None:
            self._text = "".join(self._parts)
            self._parts = [self._text]
        return self._text

    @property
    def chars(self) -> str:
        return self.text

    def __len__(self) -> int:
        return self._len

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._len += len(text)
        self._text = None

    def add(self, text: str, start: int) -> None:
        if text:
            self._append(text)
            self.offs.add_run(start, len(text))

    def _trim_end(self) -> None:
        """Drop the trailing white space (as ``str.isspace`` says, as ``str.rstrip`` does)."""
        while self._parts:
            last = self._parts[-1]
            kept = last.rstrip()
            if len(kept) == len(last):
                return
            self._len -= len(last) - len(kept)
            self._text = None
            self.offs.truncate(self._len)
            if kept:
                self._parts[-1] = kept
                return
            self._parts.pop()

    def extend(self, other: Text, joiner_offset: int) -> None:
        """Append a line: both sides trimmed, one space between."""
        self._trim_end()
        self.marks = [(min(p, self._len), n) for p, n in self.marks]
        line = other.text
        lead = len(line) - len(line.lstrip())
        end = len(line.rstrip())
        if lead >= end:
            return
        if self._len:
            self._append(" ")
            self.offs.append(joiner_offset)
        base = self._len
        self._append(line[lead:end])
        self.offs.extend(other.offs if lead == 0 and end == len(line) else other.offs[lead:end])
        self.marks.extend((base + min(max(p - lead, 0), end - lead), n) for p, n in other.marks)

    def delete(self, a: int, b: int) -> None:
        """Remove the characters a..b (and their offsets)."""
        text = self.text
        self._parts = [text[:a] + text[b:]]
        self._text = None
        self._len = len(self._parts[0])
        self.offs.delete(a, b)


@dataclass
class Line:
    number: int
    start: int
    raw: str
    kind: str  # text, blank, separator, table
    clean: Text
    footnote_no: int | None = None
    markdown_heading: bool = False


@dataclass
class Paragraph:
    body: Text
    footnote_no: int | None
    heading: bool = False
    open_end: bool = False  # ended without closing punctuation


def clean_line(raw: str, start: int) -> tuple[Text, bool]:
    """Markup and footnote marks removed; returns the clean text and whether it was a markdown heading."""
    out = Text()
    pos = 0
    heading = False
    m = P.MARKDOWN_HEADING.match(raw)
    if m:
        heading = True
        pos = m.end()
    if ("tăng" in raw or "giảm" in raw) and P.GLUED_PREDICATE_WORD.search(raw, max(0, pos - 4)):
        raw = P.GLUED_PREDICATE.sub("\0", raw)  # a space lost in a PDF: NUL marks where it goes (see unglued)
        return unglued(*clean_line(raw, start)), heading
    tokens = list(P.MARKUP_TOKEN.finditer(raw, pos)) if P.MARKUP_START.search(raw, pos) else []
    if not tokens:  # plain text (most lines): the characters as they are
        return Text(raw[pos:], Offsets.run(start + pos, len(raw) - pos)), heading
    for tok in tokens:
        out.add(raw[pos : tok.start()], start + pos)
        s = tok.group(0)
        if tok.group(1):
            out.marks.append((len(out), int(tok.group(1))))
        elif s.startswith("&"):
            if s in P.HTML_ENTITIES:
                out.add(P.HTML_ENTITIES[s], start + tok.start())
        elif s[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹⁽":
            before = raw[max(0, tok.start() - 3) : tok.start()]
            if s in "²³" and P.EXPONENT_BEFORE.search(before):
                out.add(s, start + tok.start())  # m², km³: an exponent, not a mark
            else:
                out.marks.append((len(out), int(s.translate(P.SUPERSCRIPT_DIGITS).strip("()"))))
        pos = tok.end()
    out.add(raw[pos:], start + pos)
    return out, heading


def unglued(t: Text, heading: bool) -> Text:
    """The text of a line in which ``clean_line`` marked each lost space with a NUL: a space there, at the offset of
    the character after it, and the offsets of the characters after it as they are in the document."""
    out = Text(marks=list(t.marks))
    shift = 0
    for ch, off in zip(t.text, t.offs):
        if ch == "\0":
            shift += 1
            out.add(" ", off - shift + 1)
        else:
            out.add(ch, off - shift)
    return out


def strip_prefix(t: Text, n: int) -> Text:
    return Text(t.text[n:], t.offs[n:], [(p - n, k) for p, k in t.marks if p >= n])


#: The last characters (before trailing blanks) of ``patterns.CLOSING_PUNCT`` and ``OPEN_LINE_END``:
#: each pattern is a set of characters then ``\s*$`` (CLOSING_PUNCT's "./." ends with "." too), so a
#: text matches it exactly when its last character that is not a blank (``str.isspace``, what ``\s``
#: matches) is one of them; found without a regular-expression scan of the whole paragraph.
CLOSING_PUNCTUATION = frozenset(".!?…:;")
OPEN_LINE_ENDS = frozenset(".:;!?…)”\"")


def ends_with(text: str, chars: frozenset[str]) -> bool:
    """Whether the last character of text that is not a blank is one of ``chars``."""
    text = text.rstrip()
    return bool(text) and text[-1] in chars


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        raw_line = raw[:-1] if raw.endswith("\r") else raw
        stripped = raw_line.strip()
        if not stripped or (stripped[-5:].lower().endswith(P.PICTURE_EXTENSIONS) and P.PICTURE_FILE_LINE.fullmatch(stripped)):
            kind = "separator" if not stripped and len(raw_line) >= 10 else "blank"  # (a picture's file name: no text)
            lines.append(Line(number, start, raw_line, kind, Text()))
        elif stripped.startswith("|"):
            lines.append(Line(number, start, raw_line, "table", Text()))
        else:
            clean, heading = clean_line(raw_line, start)
            lines.append(Line(number, start, raw_line, "text", clean, markdown_heading=heading))
        start += len(raw) + 1
    return lines


def is_hard_wrapped(lines: list[Line]) -> bool:
    text = [ln for ln in lines if ln.kind == "text"]
    if len(text) < 4:
        return False
    wraps = sum(
        1
        for a, b in zip(text, text[1:])
        if not ends_with(a.clean.text, OPEN_LINE_ENDS) and P.LOWER_START.match(b.clean.text)
    )
    return wraps / len(text) > 0.25


def mark_footnote_starts(lines: list[Line], hard_wrapped: bool) -> None:
    """Find footnote bodies; in PDF text also strip marks glued to words ("như1:").

    A plain number opens a footnote body only when that mark was already seen in
    the text and its body was not; marks glued to words in PDF text are taken in
    order (the next mark number only).
    """
    last_body = 0
    last_mark = 0
    seen_marks: set[int] = set()
    for ln in lines:
        if ln.kind != "text":
            continue
        t = ln.clean
        lead = len(t.text) - len(t.text.lstrip())
        first_mark = next((n for p, n in t.marks if p <= lead), None)
        if first_mark is not None:
            ln.footnote_no = first_mark
            t.marks = [(p, n) for p, n in t.marks if p > lead]
            last_body = max(last_body, first_mark)
            ln.clean = strip_prefix(t, lead)
            strip_dash(ln)
            continue
        m = P.FOOTNOTE_START_PLAIN.match(t.text)
        if m:
            n = int(m.group(1))
            if n in seen_marks and n > last_body:
                ln.footnote_no = n
                last_body = n
                ln.clean = strip_prefix(t, m.end())
                strip_dash(ln)
                continue
        if hard_wrapped:
            for rx in (P.GLUED_MARK, P.GLUED_MARK_AFTER_NAME):
                while True:
                    g = next((g for g in rx.finditer(t.text) if int(g.group(1)) == last_mark + 1), None)
                    if g is None:
                        break
                    a, b = g.start(1), g.end(1)
                    t.delete(a, b)
                    t.marks = [(p if p <= a else p - (b - a), k) for p, k in t.marks] + [(a, last_mark + 1)]
                    last_mark += 1
        for _, n in t.marks:
            seen_marks.add(n)
            last_mark = max(last_mark, n)


def strip_dash(ln: Line) -> None:
    m = P.LEADING_DASH.match(ln.clean.text)
    if m and m.end():
        ln.clean = strip_prefix(ln.clean, m.end())


def is_heading(text: str, markdown: bool) -> bool:
    t = text.strip().rstrip("*").strip()
    if not t or len(t) > 250 or t.endswith(".") and not t.endswith("./."):
        return markdown and len(t) < 250
    if markdown:
        return True
    letters = list(filter(str.isalpha, t))
    if len(letters) >= 4 and sum(map(str.isupper, letters)) / len(letters) > 0.7:
        return True
    return bool(P.HEADING_START.match(t)) and not P.BULLET_START.match(t) and not t.endswith(";")


def to_paragraphs(lines: list[Line]) -> list[Paragraph]:
    hard = is_hard_wrapped(lines)
    mark_footnote_starts(lines, hard)
    widths = sorted(len(ln.raw.strip()) for ln in lines if ln.kind == "text")
    typical = widths[len(widths) * 3 // 4] if widths else 80
    paragraphs: list[Paragraph] = []
    main: Paragraph | None = None  # main-text paragraph being built
    open_main: Paragraph | None = None  # last main paragraph, when it ended mid-sentence
    note: Paragraph | None = None  # footnote paragraph being built
    in_zone = False
    prev_raw = ""

    def close_main(reopenable: bool = True) -> None:
        nonlocal main, open_main
        if main is not None:
            main.open_end = not ends_with(main.body.text, CLOSING_PUNCTUATION) and not main.heading
            open_main = main if main.open_end and reopenable else None
            main = None

    for ln in lines:
        if ln.kind == "table":
            close_main()
            note, in_zone, open_main = None, False, None
            continue
        if ln.kind in ("blank", "separator"):
            if ln.kind == "separator" and hard:
                close_main()
                in_zone = True
            elif not hard:
                close_main()
            continue
        text = ln.clean.text
        if ln.footnote_no is not None:
            if not hard:
                close_main()
            note = Paragraph(Text(), ln.footnote_no)
            note.body.extend(ln.clean, ln.start)
            paragraphs.append(note)
            in_zone = True
            continue
        if hard and in_zone:
            if P.PAGE_BODY_LINE.match(ln.raw):
                in_zone = False
                note = None
            elif note is not None:
                note.body.extend(ln.clean, ln.start)
                continue
        if not hard and note is not None:
            if P.DASH_ITEM.match(text):
                para = Paragraph(Text(), note.footnote_no)
                para.body.extend(ln.clean, ln.start)
                paragraphs.append(para)
                continue
            note = None
        in_zone = False
        starts_lower = bool(P.LOWER_START.match(text))
        new_block = ln.markdown_heading or bool(P.LIST_START.match(text)) or bool(P.HEADING_START.match(text.strip()))
        if hard:
            if main is not None:
                prev_short = len(prev_raw.strip()) < 0.8 * typical
                closes = ends_with(prev_raw, CLOSING_PUNCTUATION)
                heading_end = prev_short and not closes and P.UPPER_START.match(text)
                if new_block or (closes and prev_short) or heading_end:
                    close_main(reopenable=False)
            if main is None and open_main is not None and not new_block and not ln.markdown_heading:
                main, open_main = open_main, None
                main.body.extend(ln.clean, ln.start)
            elif main is None:
                main = Paragraph(Text(), None)
                main.body.extend(ln.clean, ln.start)
                paragraphs.append(main)
            else:
                main.body.extend(ln.clean, ln.start)
            prev_raw = ln.raw
        else:
            close_main()
            if open_main is not None and starts_lower and not new_block:
                open_main.body.extend(ln.clean, ln.start)
                main, open_main = open_main, None
            else:
                main = Paragraph(Text(), None)
                main.body.extend(ln.clean, ln.start)
                main.heading = is_heading(text, ln.markdown_heading)
                paragraphs.append(main)
    close_main()
    for para in paragraphs:
        if para.footnote_no is None and not para.heading:
            para.heading = is_heading(para.body.text, False) and len(para.body.text) < 250
    return paragraphs
