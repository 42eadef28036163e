"""bench/prose_quality.py keeps the fresh unseen set (unseen2) out of every run but the one that asks for it.

The corpus here is a copy in tmp_path whose "unseen2" document is a dev document (Vĩnh Phúc's
credit news, 14 labels): no test runs the extractor on the real unseen2 documents.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from bench.prose_quality import EmptyLabels, corpus_documents, main

CORPUS = Path(__file__).resolve().parent / "fixtures" / "prose_corpus"
DEV_AS_UNSEEN2 = "26_vinh-phuc_2022-06_tin-du-no-cho-vay"
DEV_KEPT = "20_lang-son_2023-09_bao-cao-cuc-thong-ke-9-thang"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    for split in ("dev", "unseen", "unseen2"):
        (target / split).mkdir(parents=True)
    for stem, split in ((DEV_KEPT, "dev"), (DEV_AS_UNSEEN2, "unseen2")):
        for suffix in (".txt", ".csv"):
            shutil.copy(CORPUS / "dev" / f"{stem}{suffix}", target / split / f"{stem}{suffix}")
    with open(CORPUS / "documents.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        columns, rows = reader.fieldnames, list(reader)
    kept = []
    for row in rows:
        if row["file"] == f"{DEV_KEPT}.txt":
            kept.append(row)
        elif row["file"] == f"{DEV_AS_UNSEEN2}.txt":
            kept.append({**row, "split": "unseen2"})
    with open(target / "documents.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)
    return target


def test_the_real_corpus_has_an_unseen2_split():
    documents = corpus_documents("unseen2")
    assert len(documents) >= 5
    assert all(d.path.exists() and d.labels_path.exists() and d.report_date for d in documents)


def test_default_run_leaves_unseen2_out(corpus: Path, capsys):
    assert main(["--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert DEV_KEPT in out
    assert DEV_AS_UNSEEN2 not in out and "UNSEEN2" not in out
    assert "unseen2 not scored" in out


def test_unseen2_run_scores_it_per_document_and_pooled(corpus: Path, capsys):
    assert main(["--split", "unseen2", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert lines[DEV_AS_UNSEEN2][1] == "14"          # the document's 14 labels
    pooled = next(line for line in out.splitlines() if line.startswith("UNSEEN2 pooled"))
    assert pooled.split()[-14] == "14"                 # labels, then 13 more columns
    assert out.index("IN-SAMPLE pooled") < out.index("UNSEEN2 pooled")


def test_unseen2_run_without_unseen2_documents_is_an_error(corpus: Path):
    (corpus / "unseen2" / f"{DEV_AS_UNSEEN2}.txt").unlink()
    with open(corpus / "documents.csv", encoding="utf-8") as f:
        text = f.read()
    (corpus / "documents.csv").write_text(
        "\n".join(line for line in text.splitlines() if ",unseen2," not in line) + "\n", encoding="utf-8")
    with pytest.raises(EmptyLabels):
        main(["--split", "unseen2", "--corpus", str(corpus)])
