"""bench/prose_quality.py scores each fresh unseen set only in the run that asks for it, after everything before it.

The corpus here is a copy in tmp_path whose "unseen2" … "unseen7" documents are dev documents
(Vĩnh Phúc's credit news, 14 labels; Cao Bằng's council news, 16 labels; Đồng Nai's October release,
7 labels; Lào Cai's council news, 10 labels; Thừa Thiên Huế's 7-month report, 19 labels, and its
9-month report, 20 labels): no test runs the extractor on the real unseen2 … unseen7 documents.
Every fresh set has had its one run (unseen7's at 01:13 UTC in session 6) and is tuned on since
(``--verbose`` lists its misses); ``UNSEEN_NOW``, the next fresh split until its one run (None now), is
scored without its misses (tested with ``UNSEEN_NOW`` set to the newest split). The tests are parametrised over the bench's ``FRESH`` list, so that a new fresh split gets
them all once it has a stand-in below (a split without one fails ``test_every_fresh_split_has_a_stand_in``).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from bench.prose_quality import FRESH, UNSEEN_NOW, EmptyLabels, corpus_documents, main

CORPUS = Path(__file__).resolve().parent / "fixtures" / "prose_corpus"
DEV_KEPT = "20_lang-son_2023-09_bao-cao-cuc-thong-ke-9-thang"
#: The dev document standing in for each fresh split, and its number of labels (its label file's rows).
STAND_IN = {
    "unseen2": ("26_vinh-phuc_2022-06_tin-du-no-cho-vay", 14),
    "unseen3": ("04_cao-bang_2021-08_hdnd-tin-kinh-te-tong-hop", 16),
    "unseen4": ("75_dong-nai_2022-10_tinh-hinh-kt-xh-thang-10", 7),
    "unseen5": ("10_lao-cai_2024-12_tin-ky-hop-hdnd", 10),
    "unseen6": ("46_thua-thien-hue_2018-07_bao-cao-ubnd-kt-xh-7-thang", 19),
    "unseen7": ("46_thua-thien-hue_2018-09_bao-cao-ubnd-kt-xh-9-thang", 20),
}
AS_SPLIT = {DEV_KEPT: "dev", **{stem: split for split, (stem, _) in STAND_IN.items()}}
#: Each fresh split's pooled row, as the bench titles it.
TITLE = {
    "unseen2": "UNSEEN2 pooled (tuned on since session 3)",
    "unseen3": "UNSEEN3 pooled (scored once in session 3; tuned on since session 4)",
    "unseen4": "UNSEEN4 pooled (scored once in session 4; tuned on since)",
    "unseen5": "UNSEEN5 pooled (scored once in session 4; tuned on since session 5)",
    "unseen6": "UNSEEN6 pooled (scored once in session 5; tuned on since)",
    "unseen7": "UNSEEN7 pooled (scored once in session 6; tuned on since)",
}
#: The in-sample pool printed right before each fresh split's section (everything tuned on before it).
POOL_BEFORE = {
    "unseen2": "IN-SAMPLE pooled (bundled + dev)",  # (the copy has no old unseen documents)
    "unseen3": "IN-SAMPLE pooled (bundled + dev + old unseen + unseen2)",
    "unseen4": "IN-SAMPLE pooled (bundled, dev, unseen, unseen2, unseen3)",
    "unseen5": "IN-SAMPLE pooled (bundled, dev, unseen, unseen2..unseen4)",
    "unseen6": "IN-SAMPLE pooled (bundled, dev, unseen, unseen2..unseen5)",
    "unseen7": "IN-SAMPLE pooled (bundled, dev, unseen, unseen2..unseen6)",
}
#: A miss that --verbose lists once the split's labels say "actual" where they said "estimate".
WRONG_LINE = {"unseen4": "'1,34' [value_type]"}  # Đồng Nai's October IIP, labelled an estimate
MISS = ("  wrong", "  missed", "  extra")
TUNED_ON = [s for s in FRESH if s != UNSEEN_NOW]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    for split in ("dev", "unseen", *FRESH):
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


def _rows(out: str) -> dict[str, list[str]]:
    return {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}


def _row_name(title: str) -> str:
    """A row's name as printed (the bench cuts it at 58 characters)."""
    return title[:58]


def _labels_of(out: str, title: str) -> int:
    """The labels column of a pooled row (the row's name has spaces: count from the end, 13 more columns)."""
    return int(next(line for line in out.splitlines() if line.startswith(_row_name(title))).split()[-14])


def _not_scored(split: str) -> str:
    return "unseen2 and unseen3 not scored" if split in ("unseen2", "unseen3") else f"{split} not scored"


def _make_misses(corpus: Path, split: str) -> None:
    """The stand-in's labels made wrong (estimate -> actual), so that the document has misses to list or hide."""
    labels = corpus / split / f"{STAND_IN[split][0]}.csv"
    text = labels.read_text(encoding="utf-8")
    assert ",estimate," in text
    labels.write_text(text.replace(",estimate,", ",actual,"), encoding="utf-8")


def test_every_fresh_split_has_a_stand_in():
    assert list(STAND_IN) == list(FRESH) == list(TITLE) == list(POOL_BEFORE)
    assert UNSEEN_NOW is None or UNSEEN_NOW == FRESH[-1]


@pytest.mark.parametrize("split", FRESH)
def test_the_real_corpus_has_the_split(split: str):
    documents = corpus_documents(split)
    assert len(documents) >= 5
    assert all(d.path.exists() and d.labels_path.exists() and d.report_date for d in documents)


def test_default_run_leaves_every_fresh_split_out(corpus: Path, capsys):
    assert main(["--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert DEV_KEPT in out
    for split in FRESH:
        assert STAND_IN[split][0] not in out and split.upper() not in out, split
        assert _not_scored(split) in out, split


@pytest.mark.parametrize("split", FRESH)
def test_a_fresh_split_run_scores_it_per_document_and_pooled_after_everything(corpus: Path, capsys, split: str):
    """``--split unseenN`` scores every fresh set before N (in-sample), the pool so far, then N; none after it."""
    assert main(["--split", split, "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    rows = _rows(out)
    i = FRESH.index(split)
    for earlier in FRESH[: i + 1]:                     # the split and every one before it, with their labels
        stem, labels = STAND_IN[earlier]
        assert rows[stem][1] == str(labels), earlier
        assert f"{earlier} not scored" not in out, earlier
    assert _labels_of(out, TITLE[split]) == STAND_IN[split][1]
    assert out.index(POOL_BEFORE[split]) < out.index(_row_name(TITLE[split]))
    if i:   # the pool before it holds the pool before the previous split and that split's labels
        previous = FRESH[i - 1]
        assert _labels_of(out, POOL_BEFORE[split]) == _labels_of(out, POOL_BEFORE[previous]) + STAND_IN[previous][1]
    for later in FRESH[i + 1 :]:
        assert STAND_IN[later][0] not in out and later.upper() not in out, later
        assert f"{later} not scored" in out, later


@pytest.mark.parametrize("split", TUNED_ON)
def test_verbose_lists_the_misses_of_a_split_tuned_on(corpus: Path, capsys, split: str):
    """A fresh set that has had its one run is tuned on since: --verbose lists its misses."""
    _make_misses(corpus, split)
    assert main(["--split", split, "--verbose", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    part = out.split("=" * 20)[-1].split(_row_name(TITLE[split]))[0]
    assert part.splitlines()[1].startswith(STAND_IN[split][0])
    assert any(line.startswith(MISS) for line in part.splitlines())
    if split in WRONG_LINE:
        assert any(line.startswith("  wrong") and WRONG_LINE[split] in line for line in part.splitlines()), part
    assert _row_name(TITLE[split]) in out
    for later in FRESH[FRESH.index(split) + 1 :]:
        assert STAND_IN[later][0] not in out and f"{later} not scored" in out, later


def test_verbose_never_lists_the_misses_of_the_set_nobody_has_tuned_on(corpus: Path, capsys, monkeypatch):
    """The fresh split nobody has tuned on (``UNSEEN_NOW``; the newest split as it was before its one run,
    when every split has had it) is scored without its misses, while those of the sets before it are listed."""
    split = UNSEEN_NOW or FRESH[-1]
    monkeypatch.setattr("bench.prose_quality.UNSEEN_NOW", split)
    _make_misses(corpus, split)
    assert main(["--split", split, "--verbose", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    before, after = out.rsplit("=" * 20, 1)
    assert any(line.startswith(MISS) for line in before.splitlines())  # verbose works on the sets tuned on
    row = next(line for line in after.splitlines() if line.startswith(STAND_IN[split][0]))
    assert float(row.split()[3]) < 1.0           # the document has misses …
    assert not any(line.startswith(MISS) for line in after.splitlines())   # … and none is listed


@pytest.mark.parametrize("split", FRESH)
def test_a_fresh_split_run_without_its_documents_is_an_error(corpus: Path, split: str):
    (corpus / split / f"{STAND_IN[split][0]}.txt").unlink()
    with open(corpus / "documents.csv", encoding="utf-8") as f:
        text = f.read()
    (corpus / "documents.csv").write_text(
        "\n".join(line for line in text.splitlines() if f",{split}," not in line) + "\n", encoding="utf-8")
    with pytest.raises(EmptyLabels):
        main(["--split", split, "--corpus", str(corpus)])
