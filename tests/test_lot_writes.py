"""A lot of documents written in one go (one lookup, delete and insert per raw table) leaves the
warehouse exactly as writing them one at a time does, replacements inside the lot included."""

from __future__ import annotations

import duckdb
import pytest

from ingest import loader

from .conftest import DOCUMENTS
from .test_loader_by_name import _tables

SEPTEMBER = DOCUMENTS / "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt"
APRIL = DOCUMENTS / "2022-04_thong-bao-ket-luan-phien-hop-thang-4.txt"
JUNE = DOCUMENTS / "2021-06_bao-cao-kiem-diem-6-thang-dau-nam.txt"


def _write(db, lots: list[list[loader.ParsedDocument]]) -> tuple[dict, list[list[str]]]:
    with duckdb.connect(str(db)) as con:
        replaced = [[b for d in loader.write(con, lot) for b in d.replaced] for lot in lots]
        return _tables(con), replaced


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """The three monthly reports; the September one also with one figure changed (same name),
    and under another name with the same bytes."""
    folder = tmp_path_factory.mktemp("lot")
    text = SEPTEMBER.read_text(encoding="utf-8")
    assert text.count("bán lẻ hàng hóa tăng 12,25%") == 1
    changed = folder / "v2" / SEPTEMBER.name
    changed.parent.mkdir()
    changed.write_text(text.replace("bán lẻ hàng hóa tăng 12,25%", "bán lẻ hàng hóa tăng 13,25%"), encoding="utf-8")
    renamed = folder / "ban-sao.txt"
    renamed.write_bytes(SEPTEMBER.read_bytes())
    parse = lambda p: loader.parse_document(p, "04")  # noqa: E731
    return {"sep": parse(SEPTEMBER), "apr": parse(APRIL), "jun": parse(JUNE), "sep2": parse(changed),
            "copy": parse(renamed)}


@pytest.mark.parametrize("order", [
    ("sep", "apr", "jun"),
    ("sep", "apr", "sep2"),        # a changed document of the same name later in the lot replaces it
    ("sep", "copy", "apr"),        # the same bytes under two names: one batch, the later name
    ("sep", "sep", "jun"),         # the same document twice
])
def test_a_lot_is_written_as_its_documents_one_by_one(docs, tmp_path, order):
    lot = [docs[k] for k in order]
    one_by_one, replaced_alone = _write(tmp_path / "alone.duckdb", [[d] for d in lot])
    together, replaced_lot = _write(tmp_path / "lot.duckdb", [lot])
    assert together == one_by_one
    assert replaced_lot == [[b for r in replaced_alone for b in r]]
    batches = one_by_one["load_batches"]
    assert len(batches) == len({d.batch_id for d in lot if not (d is docs["sep"] and "sep2" in order)})
    if "sep2" in order:  # only the new version's rows: no figure of the first one stays
        assert replaced_alone[2] == [docs["sep"].batch_id]
        assert [r for r in together["prose_facts"] if docs["sep"].batch_id in r] == []
        printed = {r[-1] for r in together["prose_facts"]} | {x for r in together["prose_facts"] for x in r}
        assert "13,25" in printed and "12,25" not in printed
    if "copy" in order:
        assert [r for r in batches if docs["sep"].batch_id in r][0].count("ban-sao.txt") == 1


def test_a_lot_replaces_what_an_earlier_load_wrote(docs, tmp_path):
    first, second = [docs["sep"], docs["apr"]], [docs["jun"], docs["sep2"]]
    one_by_one, replaced_alone = _write(tmp_path / "alone.duckdb", [[d] for d in first + second])
    together, replaced_lot = _write(tmp_path / "lots.duckdb", [first, second])
    assert together == one_by_one
    assert replaced_lot[1] == [docs["sep"].batch_id]
    assert len(together["load_batches"]) == 3
