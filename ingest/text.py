"""Bytes to clean NFC text, whatever tool or era produced the document."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
_EMPHASIS = re.compile(r"^[*_]+|[*_]+$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def decode_document(data: bytes, document: str) -> str:
    """Decode a document's bytes to NFC text.

    UTF-8 (with or without BOM) is tried first, as nearly every current file is;
    otherwise charset-normalizer picks the legacy encoding (Windows-1258 and
    the like).  The text is then normalised to NFC so that names written in
    decomposed form (NFD) match the catalog.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            from ktxh.errors import IngestError

            raise IngestError(document, "whole file", "cannot tell the text encoding") from None
        text = str(best)
    return nfc(text)


def read_document(path: Path) -> str:
    return decode_document(path.read_bytes(), path.name)


def clean_cell(text: str | None) -> str:
    """A table cell as plain text: HTML tags and entities removed, spaces folded, NFC."""
    if text is None:
        return ""
    text = html.unescape(_TAG.sub("", str(text)))
    text = _EMPHASIS.sub("", text.strip())
    return nfc(_SPACES.sub(" ", text).strip())
