"""Vietnamese text in the encodings that came before Unicode, and text encoded twice.

Offices still keep reports typed in the 1990s–2000s font encodings: **TCVN3 (ABC)**,
the national standard TCVN 5712:1993 used with the ``.Vn`` fonts, and **VNI-Windows**,
used with the ``VNI-`` fonts.  Both are 8-bit encodings that no codec of Python
or of charset-normalizer knows (charset-normalizer reads such a file as Latin-1 or
Windows-1252 and returns mojibake such as ``B¸o c¸o`` or ``Baùo caùo``), and no
maintained package on PyPI decodes them (``vniencoder`` is the VNI *typing* method,
``bi1`` for ``bí``, not the font encoding).  So the two tables are here, small and
written out from the published code charts:

* TCVN3: one byte per letter, lower case only for the toned letters (capitals were
  written with a second font, ``.VnTimeH``, over the same bytes, so ``BÁO`` in such
  a file is decoded ``BáO``; names are matched case-insensitively, so this loses
  nothing the warehouse needs);
* VNI-Windows: the base letter followed by one byte for its marks (``aù`` = á,
  ``oâ`` = ô, ``aë`` = ặ), and single bytes for ơ, ư, đ and the toned i/y.

Which encoding a file is in cannot be read from its bytes alone: every byte is a
valid Latin-1 character.  :func:`best_reading` decodes with each candidate and keeps
the one in which the most common Vietnamese words appear; a text in which none of
them appears under any candidate is refused by the caller, never loaded as mojibake.

UTF-8 text encoded twice ("BÃ¡o cÃ¡o": UTF-8 bytes read as Windows-1252 and saved as
UTF-8 again) is repaired with **ftfy** (``fix_encoding``), the kept library for that.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# --- TCVN3 (ABC): byte (as the Latin-1 character it reads as) -> letter ------------------

_TCVN3_LETTERS = (
    "à µ  á ¸  ả ¶  ã ·  ạ ¹  "
    "ă ¨  ằ »  ắ ¾  ẳ ¼  ẵ ½  ặ Æ  "
    "â ©  ầ Ç  ấ Ê  ẩ È  ẫ É  ậ Ë  "
    "đ ®  è Ì  é Ð  ẻ Î  ẽ Ï  ẹ Ñ  "
    "ê ª  ề Ò  ế Õ  ể Ó  ễ Ô  ệ Ö  "
    "ì ×  í Ý  ỉ Ø  ĩ Ü  ị Þ  "
    "ò ß  ó ã  ỏ á  õ â  ọ ä  "
    "ô «  ồ å  ố è  ổ æ  ỗ ç  ộ é  "
    "ơ ¬  ờ ê  ớ í  ở ë  ỡ ì  ợ î  "
    "ù ï  ú ó  ủ ñ  ũ ò  ụ ô  "
    "ư \u00ad  ừ õ  ứ ø  ử ö  ữ ÷  ự ù  "
    "ỳ ú  ý ý  ỷ û  ỹ ü  ỵ þ  "
    "Ă ¡  Â ¢  Ê £  Ô ¤  Ơ ¥  Ư ¦  Đ §"
)
_pairs = _TCVN3_LETTERS.split()
TCVN3_TABLE = {ord(code): letter for letter, code in zip(_pairs[0::2], _pairs[1::2])}

# --- VNI-Windows: marks written after the base letter ------------------------------------

_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_VNI_MARKS = {
    "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRCUMFLEX, "á": _CIRCUMFLEX + _ACUTE, "à": _CIRCUMFLEX + _GRAVE,
    "å": _CIRCUMFLEX + _HOOK, "ã": _CIRCUMFLEX + _TILDE, "ä": _CIRCUMFLEX + _DOT,
    "ê": _BREVE, "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE,
    "ú": _BREVE + _HOOK, "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
}
_VNI_MARKS |= {k.upper(): v for k, v in _VNI_MARKS.items()}
# Letters that are one byte of their own in VNI-Windows.
_VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_LETTERS |= {k.upper(): v.upper() for k, v in _VNI_LETTERS.items()}
_VNI_SINGLE = str.maketrans(_VNI_LETTERS)
_VNI_MARKED = re.compile("([aeiouyAEIOUYơưƠƯ])([" + "".join(_VNI_MARKS) + "])")


def from_tcvn3(text: str) -> str:
    """Text whose bytes were read as Latin-1, as the TCVN3 (ABC) letters they stand for."""
    return unicodedata.normalize("NFC", text.translate(TCVN3_TABLE))


def from_vni(text: str) -> str:
    """Text whose bytes were read as Windows-1252, as the VNI-Windows letters they stand for."""
    text = text.translate(_VNI_SINGLE)
    text = _VNI_MARKED.sub(lambda m: m.group(1) + _VNI_MARKS[m.group(2)], text)
    return unicodedata.normalize("NFC", text)


# --- telling which reading is Vietnamese ----------------------------------------------

# Frequent words of the reports, each with a letter outside ASCII, so that a reading
# that garbles the diacritics scores none of them.
COMMON_WORDS = frozenset(
    unicodedata.normalize("NFC", w)
    for w in (
        "và của các năm được trong đồng tỷ chỉ tiêu kế hoạch thực hiện tỉnh tăng với cùng kỳ "
        "đạt người xã huyện triệu số đã là có những phát triển tế hội dự án công nghiệp nông "
        "tổng giá trị báo cáo tình hình ước đầu tư quý tháng trên cấp đơn vị tính đề ra nhân "
        "dân ủy ban so với sản xuất địa bàn ngân sách thu chi hộ nghèo học sinh trường điện "
        "đường giao thông lao động việc làm y tế văn hóa quốc phòng an ninh"
    ).split()
    if not w.isascii()
)
_WORD = re.compile(r"\w+")
SAMPLE_CHARS = 200_000


def vietnamese_score(text: str) -> int:
    """How many of the words in (a sample of) ``text`` are common Vietnamese words with diacritics."""
    return sum(map(COMMON_WORDS.__contains__, _WORD.findall(text[:SAMPLE_CHARS].lower())))


@dataclass(frozen=True)
class Reading:
    text: str
    encoding: str  # as a user would name it: 'UTF-8', 'Windows-1258', 'VNI-Windows', 'TCVN3 (ABC)' …
    score: int | None  # None: not scored, the only reading there was (nothing to choose between)


def candidate_readings(data: bytes) -> list[Reading]:
    """Every way the bytes of a file that is not UTF-8 may be Vietnamese text."""
    readings = []
    latin1 = data.decode("latin-1")
    cp1252 = data.decode("cp1252", errors="replace")
    for encoding, text in (
        ("Windows-1258", unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))),
        ("VNI-Windows", from_vni(cp1252)),
        ("TCVN3 (ABC)", from_tcvn3(latin1)),
    ):
        readings.append(Reading(text, encoding, vietnamese_score(text)))
    return readings


def repaired_readings(text: str) -> list[Reading]:
    """Ways a text decoded fine from UTF-8 may still hide another encoding."""
    import ftfy

    from ingest.mojibake import is_bad

    out = [Reading(text, "UTF-8", None)]  # scored below only if there is another reading
    sample = text[:SAMPLE_CHARS]
    # ftfy changes nothing in a text its mojibake test passes; the same test, faster (ingest.mojibake)
    fixed = ftfy.fix_encoding(sample) if is_bad(sample) else sample
    if fixed != sample:
        full = ftfy.fix_encoding(text)
        out.append(Reading(unicodedata.normalize("NFC", full), "UTF-8 encoded twice ('BÃ¡o' for 'Báo'; repaired with ftfy)",
                           vietnamese_score(full)))
    if any(ord(c) > 0x7F for c in sample) and all(ord(c) <= 0xFF for c in sample):
        # Text typed with a legacy font and saved as UTF-8: every letter is a Latin-1 one.
        out.append(Reading(from_vni(text), "VNI-Windows letters saved as UTF-8", 0))
        out.append(Reading(from_tcvn3(text), "TCVN3 (ABC) letters saved as UTF-8", 0))
        out[-2:] = [Reading(r.text, r.encoding, vietnamese_score(r.text)) for r in out[-2:]]
    if len(out) > 1:
        out[0] = Reading(text, "UTF-8", vietnamese_score(text))
    return out


def best_reading(readings: list[Reading]) -> Reading:
    """The reading with the most common Vietnamese words (the first one on a tie)."""
    return max(readings, key=lambda r: r.score)


def reads_as_vietnamese(reading: Reading) -> bool:
    """At least 5 % of the words with letters outside ASCII are common Vietnamese words
    (a correct reading of a report scores 30–40 %; mojibake a few at most)."""
    accented = sum(1 for w in _WORD.findall(reading.text[:SAMPLE_CHARS].lower()) if not w.isascii())
    return reading.score >= max(3, 0.05 * accented)
