"""Documents parsed in parallel (one process per core) give exactly what parsing them one by
one gives, and a refused document still stops the run with its own name."""

from __future__ import annotations

import shutil

import pytest

from ktxh import warehouse
from ktxh.errors import IngestError

from .conftest import DOCUMENTS


def _copies(tmp_path, n):
    folder = tmp_path / "04_cao-bang"
    folder.mkdir()
    sources = sorted(DOCUMENTS.rglob("*.txt"))
    for i in range(n):
        source = sources[i % len(sources)]
        shutil.copy(source, folder / f"{i:02d}_{source.name}")
    return folder


def _facts(docs):
    return [(d.document, d.batch_id, d.appendix.plan_year if d.appendix else None,
             {t: len(rows) for t, rows in d.extras.items()}) for d in docs]


def test_parallel_parse_equals_serial(tmp_path, monkeypatch):
    folder = _copies(tmp_path, 10)
    parallel = warehouse.parse([folder], None)
    monkeypatch.setattr(warehouse, "PARALLEL_FROM", 10_000)
    serial = warehouse.parse([folder], None)
    assert _facts(parallel) == _facts(serial)
    assert len(parallel) == 10
    # the 2022 annual report (copies 3 and 7) carries its 2022 appendix
    assert [d.appendix.plan_year for d in parallel if d.document.endswith("2022-11_bao-cao-kt-xh-2022-phuong-huong-2023.txt")] == [2022] * 2


def test_a_refused_document_stops_a_parallel_parse(tmp_path):
    folder = _copies(tmp_path, 9)
    (folder / "05_broken.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(IngestError) as err:
        warehouse.parse([folder], None)
    assert err.value.document == "05_broken.xlsx"
    assert err.value.exit_code == 1


def test_a_writer_gets_every_row_without_the_text(tmp_path):
    """``ingest`` parses with ``keep_text=False``: the text is dropped in the parsing process, after
    its figures were read; every row the writer gets is the same."""
    folder = _copies(tmp_path, 10)
    kept = warehouse.parse([folder], None)
    dropped = list(warehouse.parse_iter([folder], None, keep_text=False))
    assert all(d.text for d in kept) and all(d.text is None for d in dropped)
    assert sum(len(d.extras["prose_facts"]) for d in kept) > 100
    assert [(d.document, d.batch_id, d.area_code, d.report_date, d.extras, d.warnings) for d in dropped] == \
        [(d.document, d.batch_id, d.area_code, d.report_date, d.extras, d.warnings) for d in kept]
