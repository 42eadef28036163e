"""Bytes to clean NFC text, whatever tool or era produced the document."""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from ktxh.errors import IngestError

_NOT_TEXT = ((b"PK\x03\x04", "a ZIP archive (an XLSX or DOCX file?)"), (b"%PDF", "a PDF file"),
             (b"\xd0\xcf\x11\xe0", "an old Office file (XLS or DOC)"))
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
_EMPHASIS = re.compile(r"^[*_]+|[*_]+$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def decode_document(data: bytes, document: str) -> str:
    """Decode a document's bytes to NFC text, or refuse it.

    UTF-8 (with or without BOM) is tried first, as nearly every current file is.
    Otherwise the bytes are read as each legacy Vietnamese encoding (Windows-1258,
    VNI-Windows, TCVN3; ``ingest.legacy_encodings``) and the reading in which
    Vietnamese words appear is kept, with a warning naming the encoding; when none
    reads as Vietnamese the file is refused with charset-normalizer's guess, never
    loaded as mojibake.  UTF-8 text that was encoded twice ("BÃ¡o cÃ¡o") is repaired
    with ftfy, with a warning.  The text is normalised to NFC so that names
    written in decomposed form (NFD) match the catalog.

    Refused too: a file with nothing but blanks, and a line longer than
    ``KTXH_MAX_LINE_CHARS`` (the prose and table rules are not meant for it: a PDF
    converted without line breaks).
    """
    from ingest import legacy_encodings as legacy
    from ingest import notes

    if not data.strip():
        raise IngestError(document, "whole file", "the file is empty" if not data else "the file has only blanks")
    for magic, kind in _NOT_TEXT:
        if data.startswith(magic):
            raise IngestError(document, "whole file", f"this is {kind}, not text: give it its own extension")
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")  # Excel's "Unicode Text" (UTF-16 with BOM)
        else:
            text = data.decode("utf-8-sig")
        readings = legacy.repaired_readings(text)
    except UnicodeDecodeError as exc:
        readings = legacy.candidate_readings(data)
        guess = from_bytes(data).best()
        if guess is not None:
            readings.append(legacy.Reading(str(guess), guess.encoding, legacy.vietnamese_score(str(guess))))
        if not legacy.reads_as_vietnamese(legacy.best_reading(readings)):
            named = f"; charset-normalizer guesses {guess.encoding}" if guess is not None else ""
            raise IngestError(
                document, f"byte {exc.start}",
                "not UTF-8, and no Vietnamese words read in Windows-1258, VNI-Windows or TCVN3"
                f"{named}: save it as UTF-8 and load it again",
            ) from None
    best = legacy.best_reading(readings)
    if best.encoding != "UTF-8":
        notes.warn(f"the text is {best.encoding}, not UTF-8: decoded from it; check the names, and save it as UTF-8")
    text = nfc(best.text)
    if not text.strip():
        raise IngestError(document, "whole file", "the file has only blanks")
    _check_line_lengths(text, document)
    return text


def _check_line_lengths(text: str, document: str) -> None:
    from ktxh.settings import input_limits

    limit = input_limits().max_line_chars
    if len(text) <= limit:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > limit:
            hint = ("a spreadsheet cell holds at most 32,767" if document.lower().endswith(".csv")
                    else "a PDF converted without line breaks? convert it again keeping them")
            raise IngestError(
                document, f"line {number}",
                f"a line of {len(line):,} characters, over the limit of {limit:,} (KTXH_MAX_LINE_CHARS): {hint}",
            )


def read_document(path: Path) -> str:
    return decode_document(path.read_bytes(), path.name)


def clean_cell(text: str | None) -> str:
    """A table cell as plain text: HTML tags and entities removed, spaces folded, NFC."""
    if text is None:
        return ""
    text = html.unescape(_TAG.sub("", str(text)))
    text = _EMPHASIS.sub("", text.strip())
    return nfc(_SPACES.sub(" ", text).strip())
