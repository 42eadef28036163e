"""Helpers of the hostile-input suite (tests/test_hostile_*.py): damaged inputs made on the
fly from the bundled documents (nothing large is committed), and the three outcomes a
test asserts:

* ``refused``: exit code, one ``ktxh: refused: <file>, <place>: …`` line, no traceback, and
  the warehouse file byte-for-byte as it was (its sha256, and no ``.building`` left);
* ``accepted``: exit code 0 and the warnings printed;
* an exact load is checked by the test against figures printed in the source.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from ktxh.cli import main

from .conftest import ANNUAL_REPORT, BIEU_CSV, BIEU_XLSX

REPORT_TEXT = ANNUAL_REPORT.read_text(encoding="utf-8")
CSV_TEXT = BIEU_CSV.read_bytes().decode("utf-8-sig")
# Figures printed in the 2022 appendix (line 786 of the annual report): GRDP per capita.
GRDP_PER_CAPITA = ("37,18", "40,30", "39,48", "43,97")
APPENDIX_ROWS = 54  # body rows of the 2022 appendix, as the UTF-8 report loads


def appendix_only(text: str = REPORT_TEXT) -> str:
    """The appendix of the annual report with the lines before it (the title block and table),
    without the prose: a small document that loads in well under a second."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("BÁO CÁO TÌNH HÌNH THỰC HIỆN"))
    return "".join(lines[start:])


def sha256(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


class Warehouse:
    """A private warehouse (``KTXH_DB``) loaded with the bundled appendix, whose bytes are
    compared before and after a hostile command."""

    def __init__(self, db: Path, capsys):
        self.db = db
        self.capsys = capsys

    def ktxh(self, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def refused(self, *argv: str, code: int = 1) -> str:
        """Run ``ktxh argv``; assert it was refused with one line and the warehouse is unchanged."""
        before = sha256(self.db)
        got, out, err = self.ktxh(*argv)
        assert got == code, (got, out, err)
        assert "Traceback" not in err and "Traceback" not in out
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("ktxh: "), err
        assert sha256(self.db) == before, "the warehouse changed"
        assert not Path(str(self.db) + ".building").exists()
        return lines[0]

    def accepted(self, *argv: str) -> tuple[str, list[str]]:
        got, out, err = self.ktxh(*argv)
        assert got == 0, (got, out, err)
        assert "Traceback" not in err
        warnings = [line for line in err.splitlines() if line.startswith("ktxh: warning: ")]
        assert len(warnings) == len([line for line in err.splitlines() if line.strip()]), err
        return out, warnings

    def cells(self, document: str, name_like: str) -> dict[str, str]:
        """The printed figures of one row of a loaded document, by column role."""
        import duckdb

        with duckdb.connect(str(self.db), read_only=True) as con:
            rows = con.execute(
                "select c.column_role, c.printed from raw.appendix_cells c "
                "join raw.appendix_rows r using (batch_id, row_order) "
                "join raw.load_batches b using (batch_id) where b.document = ? and r.name like ?",
                [document, name_like],
            ).fetchall()
        return dict(rows)

    def row_count(self, document: str) -> int:
        import duckdb

        with duckdb.connect(str(self.db), read_only=True) as con:
            return con.execute(
                "select count(*) from raw.appendix_rows join raw.load_batches using (batch_id) where document = ?",
                [document],
            ).fetchone()[0]


@pytest.fixture
def wh(tmp_path, monkeypatch, capsys) -> Warehouse:
    """A warehouse holding the bundled appendix (as its own small document)."""
    db = tmp_path / "wh" / "ktxh.duckdb"
    monkeypatch.setenv("KTXH_DB", str(db))
    seed = tmp_path / "seed" / "bieu_2022.txt"
    seed.parent.mkdir()
    seed.write_text(appendix_only(), encoding="utf-8")
    warehouse = Warehouse(db, capsys)
    code, out, err = warehouse.ktxh("ingest", seed, "--area", "04")
    assert code == 0, err
    return warehouse


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def names_place(line: str, document: str, place: str) -> bool:
    """The refusal names the file and the place (``line 12``, ``row 14``, ``cell D9`` …)."""
    return line.startswith("ktxh: refused: ") and document in line and re.search(place, line) is not None


# --- legacy encodings, written independently of ingest.legacy_encodings ------------------

_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï", "": ""}
_VNI_CIRC = {"\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä", "": "â"}
_VNI_BREVE = {"\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë", "": "ê"}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò", "": ""}


def to_vni(text: str) -> bytes:
    """Unicode text as a VNI-Windows font file stores it (Windows-1252 bytes)."""
    import unicodedata

    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        if not marks or not base.isascii():
            out.append(ch)
            continue
        upper = base.isupper()
        tone = next((m for m in marks if m in "\u0301\u0300\u0309\u0303\u0323"), "")
        if "\u031b" in marks:  # horn: ơ ư
            letter = {"o": "ô", "u": "ö"}[base.lower()]
            out.append((letter.upper() if upper else letter) + (_VNI_TONE[tone].upper() if upper else _VNI_TONE[tone]))
        elif "\u0302" in marks:
            out.append(base + (_VNI_CIRC[tone].upper() if upper else _VNI_CIRC[tone]))
        elif "\u0306" in marks:
            out.append(base + (_VNI_BREVE[tone].upper() if upper else _VNI_BREVE[tone]))
        elif base in "iI":
            out.append(_VNI_I[tone].upper() if upper else _VNI_I[tone])
        elif base in "yY" and tone == "\u0323":
            out.append("Î" if upper else "î")
        else:
            out.append(base + (_VNI_TONE[tone].upper() if upper else _VNI_TONE[tone]))
    return "".join(out).encode("cp1252", errors="replace")


def to_tcvn3(text: str) -> bytes:
    """Unicode text as a TCVN3 (ABC) file stores it: toned capitals with the lower-case
    codes, as the ``.VnTimeH`` capitals font draws them."""
    import unicodedata

    from ingest.legacy_encodings import TCVN3_TABLE

    code_of = {letter: chr(code) for code, letter in TCVN3_TABLE.items()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(code_of.get(ch) or code_of.get(ch.lower()) or ch)
    return "".join(out).encode("latin-1", errors="replace")


def to_cp1258(text: str) -> bytes:
    """Unicode text in Windows-1258: precomposed base letters, tone marks as combining bytes."""
    import unicodedata

    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(m for m in parts[1:] if m in "\u0301\u0300\u0309\u0303\u0323")
            base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in tones))
            out += (base + tones).encode("cp1258", errors="replace")
    return bytes(out)
