"""The units a figure may be printed with (longest first), each named, with its class.

A unit's class is used to check that a value fits an indicator (money with money,
% with %, any count with any count).  Part of the pattern data of
``ingest.prose.patterns`` (which re-exports these and lists them in its registry).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_I = re.IGNORECASE
LETTER = r"[^\W\d_]"
WB_R = rf"(?!{LETTER})"  # no letter after

# --------------------------------------------------------------------------
# Units (longest first).  Each unit has a class used to check that a value
# fits an indicator (money with money, % with %, any count with any count).
# --------------------------------------------------------------------------


class Unit(NamedTuple):
    name: str
    regex: re.Pattern[str]
    unit_class: str


def _unit(name: str, pattern: str, unit_class: str) -> Unit:
    end = "" if name == "%" else WB_R  # "100%KH"
    return Unit(name, re.compile(rf"^[ \t]*(?:{pattern}){end}", _I), unit_class)


UNITS: tuple[Unit, ...] = (
    _unit("điểm phần trăm", r"điểm\s+phần\s+trăm|điểm\s?%", "pp"),
    _unit("%", r"%", "pct"),
    _unit("nghìn tỷ đồng", r"(?:nghìn|ngàn)\s+(?:tỷ|tỉ)\s+đồng", "vnd"),
    _unit("tỷ đồng", r"tỷ\s+đồng|tỉ\s+đồng|tỷ", "vnd"),
    _unit("triệu đồng", r"triệu\s+đồng", "vnd"),
    _unit("nghìn đồng", r"nghìn\s+đồng|ngàn\s+đồng", "vnd"),
    _unit("đồng", r"đồng(?!\s+(?:bào|chí|thời|bộ|đều|tâm|hành|ý))", "vnd"),
    _unit("tỷ USD", r"(?:tỷ|tỉ)\s+USD", "usd"),  # ("tỉ": the other spelling, "5,13 tỉ USD")
    _unit("triệu USD", r"triệu\s+USD|tr\.?\s?USD", "usd"),
    _unit("nghìn USD", r"nghìn\s+USD|ngàn\s+USD", "usd"),
    _unit("USD", r"USD", "usd"),
    _unit("tạ/ha", r"tạ\s?/\s?ha", "yield"),
    _unit("tấn/ha", r"tấn\s?/\s?ha", "yield"),
    _unit("nghìn ha", r"nghìn\s+ha", "area"),
    _unit("ha", r"ha|héc\s?ta", "area"),
    _unit("km²", r"km²|km2", "area"),
    _unit("m²", r"m²|m2", "area"),
    _unit("m³", r"m³|m3", "volume"),
    _unit("km", r"km", "length"),
    _unit("triệu tấn", r"triệu\s+tấn", "mass"),
    _unit("nghìn tấn", r"nghìn\s+tấn|ngàn\s+tấn", "mass"),
    _unit("tấn", r"tấn", "mass"),
    _unit("tạ", r"tạ", "mass"),
    _unit("kg", r"kg", "mass"),
    _unit("triệu kWh", r"triệu\s+kWh", "energy"),
    _unit("kWh", r"kWh", "energy"),
    _unit("MW", r"MW", "power"),
    _unit("lần/kỳ", r"lần\s?/\s?(?:ngày|tuần|tháng|quý|năm|kỳ)", "count"),
    _unit("lần", r"lần(?!\s+thứ)", "times"),
    _unit("bác sỹ/vạn dân", r"bác\s+s[ỹĩ]\s?/\s?(?:1\s+)?vạn\s+dân", "count"),
    _unit("giường bệnh/vạn dân", r"giường(?:\s+bệnh)?\s?/\s?(?:1\s+)?vạn\s+dân", "count"),
    _unit("tiêu chí/xã", r"tiêu\s+chí\s?/\s?xã", "count"),
    _unit("nghìn con", r"nghìn\s+con|ngàn\s+con", "count"),
    _unit("nghìn cây", r"nghìn\s+cây", "count"),
    _unit("lượt khách", r"lượt\s+khách", "count"),
    _unit("lượt hành khách", r"lượt\s+hành\s+khách", "count"),
    _unit("lượt xe", r"lượt\s+xe", "count"),
    _unit("lượt người", r"lượt\s+người", "count"),
    _unit("lượt", r"lượt", "count"),
    _unit("doanh nghiệp", r"doanh\s+nghiệp", "count"),
    _unit("hợp tác xã", r"hợp\s+tác\s+xã|HTX", "count"),
    _unit("người", r"người", "count"),
    _unit("lao động", r"lao\s+động", "count"),
    _unit("hộ", r"hộ", "count"),
    _unit("xã", r"xã", "count"),
    _unit("huyện", r"huyện", "count"),
    _unit("trường", r"trường(?:\s+học)?", "count"),
    _unit("con", r"con", "count"),
    _unit("ca", r"ca", "count"),
    _unit("mũi", r"mũi", "count"),
    _unit("liều", r"liều", "count"),
    _unit("vụ", r"vụ", "count"),
    _unit("sản phẩm", r"sản\s+phẩm", "count"),
    _unit("dự án", r"dự\s+án", "count"),
    _unit("nhiệm vụ", r"nhiệm\s+vụ", "count"),
    _unit("văn bản", r"văn\s+bản", "count"),
    _unit("cơ sở", r"cơ\s+sở", "count"),
    _unit("thẻ", r"thẻ", "count"),
    _unit("giường", r"giường", "count"),
    _unit("bác sỹ", r"bác\s+s[ỹĩ]", "count"),
)

#: Every unit in one expression, alternatives in the order of ``UNITS``: an ordered alternation
#: takes the first alternative that matches, as a loop over ``UNITS`` would, in one call.
#: ``UNIT_OF_GROUP[m.lastindex]`` is the unit (each alternative is one outer group; a group
#: closes after the groups inside it, so ``lastindex`` is the outer one).
_UNIT_SOURCES = [u.regex.pattern.removeprefix("^") for u in UNITS]
UNITS_ALTERNATION = re.compile("^(?:" + "|".join(f"({p})" for p in _UNIT_SOURCES) + ")", _I)


def _unit_of_group() -> dict[int, Unit]:
    out: dict[int, Unit] = {}
    group = 1
    for unit in UNITS:
        out[group] = unit
        group += 1 + unit.regex.groups  # the outer group, then the unit's own groups
    return out


UNIT_OF_GROUP = _unit_of_group()

#: When no known unit follows, the next words (at most two) stand as the unit.
FALLBACK_UNIT = re.compile(rf"^\s?((?:{LETTER}+)(?:\s+{LETTER}+)?)")

UNIT_CLASS_OF_INDICATOR_UNIT = {
    "%": "pct", "tỷ đồng": "vnd", "triệu đồng": "vnd", "triệu usd": "usd", "tấn": "mass",
    "ha": "area", "m³": "volume", "triệu kwh": "energy",
}

