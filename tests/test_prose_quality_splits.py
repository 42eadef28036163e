"""bench/prose_quality.py keeps unseen3 out of every run but the one that asks for it (in-sample since session 4).

The corpus here is a copy in tmp_path whose "unseen2" … "unseen6" documents are dev documents
(Vĩnh Phúc's credit news, 14 labels; Cao Bằng's council news, 16 labels; Đồng Nai's October release,
7 labels; Lào Cai's council news, 10 labels; Thừa Thiên Huế's 7-month report, 19 labels): no test
runs the extractor on the real unseen2 … unseen6 documents. unseen4 (scored once at 19:34 UTC in
session 4) and unseen5 (scored once at 20:11 UTC in session 4) are in-sample since: ``--split
unseen5 --verbose`` lists their misses. unseen6 (labelled in session 5, scored once at 22:25 UTC)
is in-sample since too; no set is untouched now (``UNSEEN_NOW`` None), and the path that hides the
misses of an untouched set is tested with ``UNSEEN_NOW`` set to a split.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from bench.prose_quality import EmptyLabels, corpus_documents, main

CORPUS = Path(__file__).resolve().parent / "fixtures" / "prose_corpus"
DEV_KEPT = "20_lang-son_2023-09_bao-cao-cuc-thong-ke-9-thang"
DEV_AS_UNSEEN2 = "26_vinh-phuc_2022-06_tin-du-no-cho-vay"
DEV_AS_UNSEEN3 = "04_cao-bang_2021-08_hdnd-tin-kinh-te-tong-hop"
DEV_AS_UNSEEN4 = "75_dong-nai_2022-10_tinh-hinh-kt-xh-thang-10"
DEV_AS_UNSEEN5 = "10_lao-cai_2024-12_tin-ky-hop-hdnd"
DEV_AS_UNSEEN6 = "46_thua-thien-hue_2018-07_bao-cao-ubnd-kt-xh-7-thang"
AS_SPLIT = {DEV_KEPT: "dev", DEV_AS_UNSEEN2: "unseen2", DEV_AS_UNSEEN3: "unseen3", DEV_AS_UNSEEN4: "unseen4",
            DEV_AS_UNSEEN5: "unseen5", DEV_AS_UNSEEN6: "unseen6"}
MISS = ("  wrong", "  missed", "  extra")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    for split in ("dev", "unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6"):
        (target / split).mkdir(parents=True)
    for stem, split in AS_SPLIT.items():
        for suffix in (".txt", ".csv"):
            shutil.copy(CORPUS / "dev" / f"{stem}{suffix}", target / split / f"{stem}{suffix}")
    with open(CORPUS / "documents.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        columns, rows = reader.fieldnames, list(reader)
    kept = [{**row, "split": AS_SPLIT[row["file"][:-4]]} for row in rows if row["file"][:-4] in AS_SPLIT]
    with open(target / "documents.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)
    return target


@pytest.mark.parametrize("split", ["unseen2", "unseen3", "unseen4", "unseen5", "unseen6"])
def test_the_real_corpus_has_the_split(split: str):
    documents = corpus_documents(split)
    assert len(documents) >= 5
    assert all(d.path.exists() and d.labels_path.exists() and d.report_date for d in documents)


def test_default_run_leaves_unseen2_and_unseen3_out(corpus: Path, capsys):
    assert main(["--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert DEV_KEPT in out
    assert DEV_AS_UNSEEN2 not in out and "UNSEEN2" not in out
    assert DEV_AS_UNSEEN3 not in out and "UNSEEN3" not in out
    assert "unseen2 and unseen3 not scored" in out
    assert DEV_AS_UNSEEN4 not in out and "UNSEEN4" not in out
    assert "unseen4 not scored" in out
    assert DEV_AS_UNSEEN5 not in out and "UNSEEN5" not in out
    assert "unseen5 not scored" in out
    assert DEV_AS_UNSEEN6 not in out and "UNSEEN6" not in out
    assert "unseen6 not scored" in out


def test_unseen2_run_scores_unseen2_and_leaves_unseen3_out(corpus: Path, capsys):
    assert main(["--split", "unseen2", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert lines[DEV_AS_UNSEEN2][1] == "14"          # the document's 14 labels
    assert DEV_AS_UNSEEN3 not in out and "UNSEEN3" not in out
    assert "unseen3 not scored" in out
    assert DEV_AS_UNSEEN4 not in out and "UNSEEN4" not in out


def test_unseen3_run_scores_it_per_document_and_pooled_after_everything(corpus: Path, capsys):
    assert main(["--split", "unseen3", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert lines[DEV_AS_UNSEEN3][1] == "16"          # the document's 16 labels
    assert lines[DEV_AS_UNSEEN2][1] == "14"          # unseen2 is scored too (in-sample since session 3)
    pooled = next(line for line in out.splitlines() if line.startswith("UNSEEN3 pooled"))
    assert pooled.split()[-14] == "16"                 # labels, then 13 more columns
    assert out.index("IN-SAMPLE pooled (bundled + dev + old unseen + unseen2)") < out.index("UNSEEN3 pooled")
    assert DEV_AS_UNSEEN4 not in out and "UNSEEN4" not in out
    assert "unseen4 not scored" in out


def test_verbose_lists_unseen3_misses_in_sample_since_session_4(corpus: Path, capsys):
    """unseen3 was scored once (session 3) and is tuned on since session 4: --verbose lists its misses too."""
    assert main(["--split", "unseen3", "--verbose", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    after = out.split("=" * 20)[-1]
    assert any(line.startswith(("  wrong", "  missed", "  extra")) for line in after.splitlines())
    assert "UNSEEN3 pooled (scored once in session 3; tuned on since s" in out


def test_unseen3_run_without_unseen3_documents_is_an_error(corpus: Path):
    (corpus / "unseen3" / f"{DEV_AS_UNSEEN3}.txt").unlink()
    with open(corpus / "documents.csv", encoding="utf-8") as f:
        text = f.read()
    (corpus / "documents.csv").write_text(
        "\n".join(line for line in text.splitlines() if ",unseen3," not in line) + "\n", encoding="utf-8")
    with pytest.raises(EmptyLabels):
        main(["--split", "unseen3", "--corpus", str(corpus)])


def test_unseen4_run_scores_it_per_document_and_pooled_after_everything(corpus: Path, capsys):
    assert main(["--split", "unseen4", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert lines[DEV_AS_UNSEEN4][1] == "7"           # the document's 7 labels
    assert lines[DEV_AS_UNSEEN3][1] == "16"          # unseen3 is scored too (in-sample since session 4)
    assert lines[DEV_AS_UNSEEN2][1] == "14"
    pooled = next(line for line in out.splitlines() if line.startswith("UNSEEN4 pooled"))
    assert pooled.split()[-14] == "7"                  # labels, then 13 more columns
    in_sample = next(line for line in out.splitlines()
                     if line.startswith("IN-SAMPLE pooled (bundled, dev, unseen, unseen2, unseen3)"))
    bundled = next(line for line in out.splitlines() if line.startswith("bundled pooled") or line.startswith("bundled "))
    assert int(in_sample.split()[-14]) > int(bundled.split()[-14])   # the pool holds more than the bundled set
    assert out.index("IN-SAMPLE pooled (bundled, dev, unseen, unseen2, unseen3)") < out.index("UNSEEN4 pooled")
    assert "unseen4 not scored" not in out


def test_verbose_lists_unseen4_misses_in_sample_since_its_one_run(corpus: Path, capsys):
    labels = corpus / "unseen4" / f"{DEV_AS_UNSEEN4}.csv"  # one label made wrong, so that the document has a miss to list
    labels.write_text(labels.read_text(encoding="utf-8").replace(",industrial_production_index,estimate,", ",industrial_production_index,actual,", 1),
                      encoding="utf-8")
    assert main(["--split", "unseen4", "--verbose", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    unseen4_part = out.split("=" * 20)[-1].split("UNSEEN4 pooled")[0]
    assert unseen4_part.splitlines()[1].startswith(DEV_AS_UNSEEN4)
    assert any(line.startswith("  wrong") and "'1,34' [value_type]" in line for line in unseen4_part.splitlines())
    assert DEV_AS_UNSEEN5 not in out and "unseen5 not scored" in out


def test_unseen5_run_scores_it_per_document_and_pooled_after_everything(corpus: Path, capsys):
    assert main(["--split", "unseen5", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert lines[DEV_AS_UNSEEN5][1] == "10"          # the document's 10 labels
    assert lines[DEV_AS_UNSEEN4][1] == "7"           # unseen4 is scored too (in-sample since its one run)
    assert lines[DEV_AS_UNSEEN3][1] == "16" and lines[DEV_AS_UNSEEN2][1] == "14"
    pooled = next(line for line in out.splitlines() if line.startswith("UNSEEN5 pooled"))
    assert pooled.split()[-14] == "10"                 # labels, then 13 more columns
    in_sample = next(line for line in out.splitlines()
                     if line.startswith("IN-SAMPLE pooled (bundled, dev, unseen, unseen2..unseen4)"))
    unseen4_pool = next(line for line in out.splitlines() if line.startswith("UNSEEN4 pooled"))
    assert int(in_sample.split()[-14]) > int(unseen4_pool.split()[-14])
    assert out.index("IN-SAMPLE pooled (bundled, dev, unseen, unseen2..unseen4)") < out.index("UNSEEN5 pooled")
    assert "unseen5 not scored" not in out and "unseen4 not scored" not in out
    assert DEV_AS_UNSEEN6 not in out and "unseen6 not scored" in out


def test_verbose_lists_unseen5_misses_in_sample_since_session_5(corpus: Path, capsys):
    """unseen5 was scored once (20:11 UTC, session 4) and is tuned on since session 5: --verbose lists its misses."""
    labels = corpus / "unseen5" / f"{DEV_AS_UNSEEN5}.csv"  # labels made wrong, so that the document has misses to list
    labels.write_text(labels.read_text(encoding="utf-8").replace(",estimate,", ",actual,"), encoding="utf-8")
    assert main(["--split", "unseen5", "--verbose", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    unseen5_part = out.split("=" * 20)[-1]
    assert unseen5_part.splitlines()[1].startswith(DEV_AS_UNSEEN5)
    assert any(line.startswith(MISS) for line in unseen5_part.splitlines())
    assert "UNSEEN5 pooled (scored once in session 4; tuned on since s" in out
    assert DEV_AS_UNSEEN6 not in out and "unseen6 not scored" in out


def test_unseen6_run_scores_it_per_document_and_pooled_after_everything(corpus: Path, capsys):
    assert main(["--split", "unseen6", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert lines[DEV_AS_UNSEEN6][1] == "19"          # the document's 19 labels
    assert lines[DEV_AS_UNSEEN5][1] == "10"          # unseen5 is scored too (in-sample since session 5)
    assert lines[DEV_AS_UNSEEN4][1] == "7" and lines[DEV_AS_UNSEEN3][1] == "16" and lines[DEV_AS_UNSEEN2][1] == "14"
    pooled = next(line for line in out.splitlines() if line.startswith("UNSEEN6 pooled"))
    assert pooled.split()[-14] == "19"                 # labels, then 13 more columns
    in_sample = next(line for line in out.splitlines()
                     if line.startswith("IN-SAMPLE pooled (bundled, dev, unseen, unseen2..unseen5)"))
    unseen5_pool = next(line for line in out.splitlines() if line.startswith("UNSEEN5 pooled"))
    assert int(in_sample.split()[-14]) > int(unseen5_pool.split()[-14])
    assert out.index("IN-SAMPLE pooled (bundled, dev, unseen, unseen2..unseen5)") < out.index("UNSEEN6 pooled")
    assert "unseen6 not scored" not in out and "unseen5 not scored" not in out


def test_verbose_lists_unseen6_misses_in_sample_since_its_one_run(corpus: Path, capsys):
    """unseen6 was scored once (22:25 UTC, session 5) and is tuned on since: --verbose lists its misses."""
    labels = corpus / "unseen6" / f"{DEV_AS_UNSEEN6}.csv"  # labels made wrong, so that the document has misses to list
    labels.write_text(labels.read_text(encoding="utf-8").replace(",estimate,", ",actual,"), encoding="utf-8")
    assert main(["--split", "unseen6", "--verbose", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    unseen6_part = out.split("=" * 20)[-1]
    assert unseen6_part.splitlines()[1].startswith(DEV_AS_UNSEEN6)
    assert any(line.startswith(MISS) for line in unseen6_part.splitlines())
    assert "UNSEEN6 pooled (scored once in session 5; tuned on since)" in out


def test_verbose_never_lists_the_misses_of_the_set_nobody_has_tuned_on(corpus: Path, capsys, monkeypatch):
    """The next fresh split (``UNSEEN_NOW``, here unseen6 as it was before its one run) is scored without its misses."""
    monkeypatch.setattr("bench.prose_quality.UNSEEN_NOW", "unseen6")
    labels = corpus / "unseen6" / f"{DEV_AS_UNSEEN6}.csv"  # labels made wrong, so that the document has misses to hide
    labels.write_text(labels.read_text(encoding="utf-8").replace(",estimate,", ",actual,"), encoding="utf-8")
    assert main(["--split", "unseen6", "--verbose", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    before, after = out.rsplit("=" * 20, 1)
    assert any(line.startswith(MISS) for line in before.splitlines())  # verbose works on the sets tuned on
    unseen6_row = next(line for line in after.splitlines() if line.startswith(DEV_AS_UNSEEN6))
    assert float(unseen6_row.split()[3]) < 1.0           # the document has misses …
    assert not any(line.startswith(MISS) for line in after.splitlines())   # … and none is listed


@pytest.mark.parametrize("split", ["unseen4", "unseen5", "unseen6"])
def test_a_fresh_split_run_without_its_documents_is_an_error(corpus: Path, split: str):
    stem = next(stem for stem, s in AS_SPLIT.items() if s == split)
    (corpus / split / f"{stem}.txt").unlink()
    with open(corpus / "documents.csv", encoding="utf-8") as f:
        text = f.read()
    (corpus / "documents.csv").write_text(
        "\n".join(line for line in text.splitlines() if f",{split}," not in line) + "\n", encoding="utf-8")
    with pytest.raises(EmptyLabels):
        main(["--split", split, "--corpus", str(corpus)])
