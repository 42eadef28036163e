"""Precision and recall of the prose extractor against hand-labelled figures.

Three label sets:

* **bundled**: ``tests/fixtures/prose_labels/<document stem>.csv`` (the Cao Bằng reports in
  ``documents/``; ``scopes.csv`` restricts a document to line ranges);
* **synthetic**: ``tests/fixtures/prose_holdout/`` (two reports written and labelled before the
  extractor saw them; the rules were fixed after their first run);
* **corpus**: ``tests/fixtures/prose_corpus/{dev,unseen,unseen2,…,unseen7}/`` (other provinces' real
  documents; ``documents.csv`` gives each one's report date, as ``ktxh ingest --report-date`` would).
  Session 1 tuned on ``dev/`` and scored ``unseen/`` once (0,623 / 0,660); since session 2 both are
  tuned on (in-sample).  ``unseen2/`` was scored once at the end of session 2 (0,350 / 0,352) and is
  tuned on since session 3: ``--split unseen2`` scores it beside the rest.  ``unseen3/`` was scored
  once at the end of session 3 (0,562 / 0,583) and is tuned on since session 4: ``--split unseen3``
  adds it.  ``unseen4/`` was scored once in session 4 (19:34 UTC: 0,529 / 0,558) and is tuned on
  since: ``--split unseen4`` adds it.  ``unseen5/`` was scored once at the end of session 4 (20:11
  UTC: 0,660 / 0,755) and is tuned on since session 5: ``--split unseen5`` adds it.  ``unseen6/``
  (provinces in no other split, labelled in session 5 before anyone tuned on it) was scored once at
  22:25 UTC in session 5 (0,485 / 0,508) and is tuned on since: ``--split unseen6`` adds it.
  ``unseen7/`` (provinces in no other split, labelled in session 6 before anyone tuned on it) was
  scored once at 01:13 UTC in session 6 (0,373 / 0,397) and is tuned on since: ``--split unseen7`` adds
  it.  There is no untouched set after it (``UNSEEN_NOW`` is None) until the next fresh split is
  labelled.

A label is placed in its document by its ``sentence`` excerpt (unique after markdown ``*`` are
removed and whitespace runs collapsed); the labelled figure is the last whole-number occurrence of
``printed`` in it.  That gives the figure's character span in the NFC text.

Per document and pooled:

* **figure detection** (``det``): a predicted fact detects a label when their spans are equal;
* **every label right** (``P``/``R``): a predicted fact is correct when it detects a label and its
  indicator, period (year, month_from, month_to), value type, basis and measure all equal the
  label's, and so do ``period_kind`` and ``scope`` where the label gives them.  Precision is correct
  predictions / predictions in scope; recall is labels with a correct prediction / labels.
* per field, the agreement among detected figures.

An empty label set is an error, not a score of 1.

Run: ``python bench/prose_quality.py [--verbose] [--split dev|unseen|all|unseen2|…|unseen7] [--corpus DIR]``
(``all``, the default: bundled, synthetic, dev and unseen; ``unseenN``: all of that, then each fresh
set before N (``FRESH``) with the in-sample pool so far, then unseenN per document and pooled;
``--verbose`` lists the misses of every set tuned on (unseen4's … unseen7's too, since their one
run), never those of ``UNSEEN_NOW``, the set nobody has tuned on yet (None now)).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.prose import ProseFact, extract_facts  # noqa: E402
from ingest.text import nfc, read_document  # noqa: E402

LABELS = ROOT / "tests" / "fixtures" / "prose_labels"
HOLDOUT = ROOT / "tests" / "fixtures" / "prose_holdout"
CORPUS = ROOT / "tests" / "fixtures" / "prose_corpus"
DOCUMENTS = ROOT / "documents"

FIELDS = ("indicator", "period", "value_type", "basis", "measure", "period_kind", "scope", "value")


class EmptyLabels(ValueError):
    """A document or label set without labels: nothing to score."""


@dataclass
class Label:
    row: dict[str, str]
    span: tuple[int, int]


@dataclass
class Document:
    path: Path
    labels_path: Path
    report_date: dt.date | None = None
    document_kind: str | None = None
    scopes: list[tuple[int, int]] | None = None


@dataclass
class Score:
    document: str
    predictions: int = 0
    labels: int = 0
    detected_predictions: int = 0
    detected_labels: int = 0
    correct_predictions: int = 0
    correct_labels: int = 0
    agree: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    compared: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("predictions", "labels", "detected_predictions", "detected_labels", "correct_predictions", "correct_labels"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for k in FIELDS:
            self.agree[k] += other.agree[k]
            self.compared[k] += other.compared[k]

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.correct_predictions, self.predictions) if self.predictions else (1.0 if self.labels else 0.0)

    @property
    def recall(self) -> float:
        return self._ratio(self.correct_labels, self.labels)

    @property
    def detection_precision(self) -> float:
        return self._ratio(self.detected_predictions, self.predictions) if self.predictions else 1.0

    @property
    def detection_recall(self) -> float:
        return self._ratio(self.detected_labels, self.labels)

    def agreement(self, name: str) -> float | None:
        return self.agree[name] / self.compared[name] if self.compared[name] else None


def _normalised(text: str) -> tuple[str, list[int]]:
    """Text without '*' and with whitespace runs collapsed, and the original offset of each char."""
    out: list[str] = []
    offsets: list[int] = []
    space = False
    for i, c in enumerate(text):
        if c == "*":
            continue
        if c.isspace():
            if not space and out:
                out.append(" ")
                offsets.append(i)
            space = True
            continue
        space = False
        out.append(c)
        offsets.append(i)
    return "".join(out), offsets


def locate(text: str, excerpt: str, printed: str) -> tuple[int, int]:
    """The span of a labelled figure in the NFC text."""
    norm, offsets = _normalised(text)
    needle, _ = _normalised(nfc(excerpt).strip())
    hits = [m.start() for m in re.finditer(re.escape(needle), norm)]
    if len(hits) != 1:
        raise ValueError(f"excerpt occurs {len(hits)} times: {excerpt!r}")
    start = hits[0]
    found = list(re.finditer(rf"(?<![\d.,]){re.escape(printed)}(?!\d|[.,]\d)", norm[start : start + len(needle)]))
    if not found:
        raise ValueError(f"{printed!r} not in excerpt {excerpt!r}")
    a = offsets[start + found[-1].start()]
    b = offsets[start + found[-1].end() - 1] + 1
    return a, b


def load_labels(document: Document, text: str) -> list[Label]:
    with open(document.labels_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        raise EmptyLabels(f"ktxh: {document.labels_path}: no labels")
    return [Label(row, locate(text, row["sentence"], row["printed"])) for row in rows]


def _scopes() -> dict[str, list[tuple[int, int]]]:
    scopes: dict[str, list[tuple[int, int]]] = {}
    path = LABELS / "scopes.csv"
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                scopes.setdefault(row["document"], []).append((int(row["first_line"]), int(row["last_line"])))
    return scopes


def labelled_documents() -> list[Document]:
    """The bundled reports that have labels."""
    stems = {p.stem for p in LABELS.glob("*.csv") if p.stem != "scopes"}
    scopes = _scopes()
    return [Document(p, LABELS / f"{p.stem}.csv", scopes=scopes.get(p.stem))
            for p in sorted(DOCUMENTS.rglob("*.txt")) if p.stem in stems]


def holdout_documents() -> list[Document]:
    """Synthetic reports labelled before the extractor was run on them."""
    return [Document(p, p.with_suffix(".csv")) for p in sorted(HOLDOUT.glob("*.txt")) if p.with_suffix(".csv").exists()]


def _date(text: str) -> dt.date | None:
    parts = [int(x) for x in text.strip().split("-")] if text.strip() else []
    return dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1) if len(parts) >= 2 else None


def corpus_documents(split: str, corpus: Path = CORPUS) -> list[Document]:
    """Other provinces' documents of one split (``dev``, ``unseen``, ``unseen2`` … ``unseen7``), with their report dates."""
    index = corpus / "documents.csv"
    if not index.exists():
        return []
    with open(index, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["split"] == split]
    return [Document(corpus / split / r["file"], (corpus / split / r["file"]).with_suffix(".csv"),
                     _date(r["report_date"]), r["document_kind"]) for r in rows]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _opt_int(s: str | None) -> int | None:
    return int(s) if s and s.strip() else None


def _compare(fact: ProseFact, row: dict[str, str]) -> dict[str, bool]:
    """Which labels of a detected figure the fact gets right (only the labels the row gives)."""
    period = (_opt_int(row["period_year"]), _opt_int(row["month_from"]), _opt_int(row["month_to"]))
    want = Decimal(row["value"]) if row["value"].strip() else None
    out = {
        "indicator": (fact.indicator_code or "") == row["indicator_code"],
        "period": (fact.period_year, fact.month_from, fact.month_to) == period,
        "value_type": fact.value_type == row["value_type"],
        "basis": fact.basis == row["basis"],
        "measure": fact.measure == row["measure"],
        "value": (fact.value == want) if want is None or fact.value is None else fact.value.compare(want) == 0,
    }
    for name in ("period_kind", "scope"):
        if row.get(name, "").strip():
            out[name] = getattr(fact, name, None) == row[name]
    return out


def score_document(doc: Document) -> Score:
    text = nfc(read_document(doc.path))
    labels = load_labels(doc, text)
    facts = extract_facts(text, doc.path.name, doc.report_date)

    def in_scope(offset: int) -> bool:
        return doc.scopes is None or any(a <= _line_of(text, offset) <= b for a, b in doc.scopes)

    facts = [f for f in facts if in_scope(f.span_start)]
    by_span = {lab.span: lab for lab in labels}
    score = Score(doc.path.stem, predictions=len(facts), labels=len(labels))
    correct: set[tuple[int, int]] = set()
    detected: set[tuple[int, int]] = set()
    for fact in facts:
        span = (fact.span_start, fact.span_end)
        label = by_span.get(span)
        line = _line_of(text, fact.span_start)
        if label is None:
            score.misses.append(f"  extra   L{line} {fact.printed!r} {fact.indicator_code} {fact.measure}/{fact.basis}  «{fact.sentence[:90]}»")
            continue
        score.detected_predictions += 1
        detected.add(span)
        checks = _compare(fact, label.row)
        for name, ok in checks.items():
            score.compared[name] += 1
            score.agree[name] += ok
        if all(ok for name, ok in checks.items() if name != "value"):
            score.correct_predictions += 1
            correct.add(span)
        else:
            row = label.row
            wrong = [n for n, ok in checks.items() if not ok and n != "value"]
            score.misses.append(
                f"  wrong   L{line} {fact.printed!r} [{','.join(wrong)}]: got {fact.indicator_code}/{fact.measure}/{fact.basis}/"
                f"{fact.value_type} {fact.period_year}/{fact.month_from}-{fact.month_to} {getattr(fact, 'period_kind', '')}/"
                f"{getattr(fact, 'scope', '')}, want {row['indicator_code'] or None}/{row['measure']}/{row['basis']}/"
                f"{row['value_type']} {row['period_year']}/{row['month_from']}-{row['month_to']} {row.get('period_kind', '')}/"
                f"{row.get('scope', '')}  «{fact.sentence[:80]}»")
    score.detected_labels = len(detected)
    score.correct_labels = len(correct)
    for label in labels:
        if label.span not in detected:
            score.misses.append(f"  missed  L{_line_of(text, label.span[0])} {label.row['printed']!r} «{label.row['sentence']}»")
    return score


def evaluate(documents: list[Document] | None = None, name: str = "overall") -> tuple[list[Score], Score]:
    documents = labelled_documents() if documents is None else documents
    if not documents:
        raise EmptyLabels(f"ktxh: no labelled documents for {name!r}")
    scores = [score_document(doc) for doc in documents]
    total = Score(name)
    for s in scores:
        total.add(s)
    return scores, total


HEADER = (f"{'document':<58} {'labels':>6} {'facts':>6} {'P':>6} {'R':>6} {'det P':>6} {'det R':>6} "
          + " ".join(f"{n[:6]:>6}" for n in FIELDS))


def _print(rows: list[Score], verbose: bool) -> None:
    for s in rows:
        agreement = [s.agreement(n) for n in FIELDS]
        print(f"{s.document[:58]:<58} {s.labels:>6} {s.predictions:>6} {s.precision:>6.3f} {s.recall:>6.3f} "
              f"{s.detection_precision:>6.3f} {s.detection_recall:>6.3f} "
              + " ".join(f"{a:>6.3f}" if a is not None else f"{'-':>6}" for a in agreement))
        if verbose and s.misses:
            print("\n".join(s.misses))


def _section(documents, name: str, key: str, totals: dict[str, Score], verbose: bool) -> None:
    """Score one set per document and pooled, print it, and keep its total under ``key``."""
    print("-" * len(HEADER))
    scores, total = evaluate(documents, name)
    totals[key] = total
    _print(scores + [total], verbose)


def _pool(title: str, names: tuple[str, ...], totals: dict[str, Score]) -> None:
    """Print the pooled score of the sets named (those that were scored)."""
    pooled = Score(title)
    for name in names:
        if name in totals:
            pooled.add(totals[name])
    print("-" * len(HEADER))
    _print([pooled], False)


#: The fresh unseen sets in the order they were labelled.  Each was labelled before anyone tuned on
#: it, scored once at the end of a tuning round, and tuned on from then; ``UNSEEN_NOW`` is the one
#: nobody has tuned on yet: ``--split`` of it scores it once, and ``--verbose`` never lists its misses
#: (None when every set has had its one run: set it to the next fresh split when one is labelled).
FRESH = ("unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7")
UNSEEN_NOW: str | None = None  # the next fresh split, until its one run; unseen7 scored once at 01:13 UTC in session 6
FRESH_TITLES = {
    "unseen2": "UNSEEN2 pooled (tuned on since session 3)",
    "unseen3": "UNSEEN3 pooled (scored once in session 3; tuned on since session 4)",
    "unseen4": "UNSEEN4 pooled (scored once in session 4; tuned on since)",
    "unseen5": "UNSEEN5 pooled (scored once in session 4; tuned on since session 5)",
    "unseen6": "UNSEEN6 pooled (scored once in session 5; tuned on since)",
    "unseen7": "UNSEEN7 pooled (scored once in session 6; tuned on since)",
}


def _in_sample_title(fresh: tuple[str, ...]) -> str:
    if fresh == ("unseen2",):
        return "IN-SAMPLE pooled (bundled + dev + old unseen + unseen2)"
    if len(fresh) == 2:
        return f"IN-SAMPLE pooled (bundled, dev, unseen, {', '.join(fresh)})"
    return f"IN-SAMPLE pooled (bundled, dev, unseen, {fresh[0]}..{fresh[-1]})"  # a row's name is cut at 58


def _fresh_sections(chosen: tuple[str, ...], corpus: Path, totals: dict[str, Score], verbose: bool) -> None:
    """The fresh sets up to the one asked for: each before it (tuned on) with the in-sample pool so
    far, then the one asked for per document and pooled; the set nobody has tuned on yet
    (``UNSEEN_NOW``) never with its misses."""
    pooled = ("bundled", "other provinces, dev", "unseen")
    for i, split in enumerate(chosen):
        documents = corpus_documents(split, corpus)
        if split == chosen[-1]:
            print("=" * len(HEADER))
            scores, total = evaluate(documents, FRESH_TITLES[split])
            _print(scores + [total], verbose and split != UNSEEN_NOW)
            return
        _section(documents, FRESH_TITLES[split], split, totals, verbose)
        pooled += (split,)
        _pool(_in_sample_title(chosen[: i + 1]), pooled, totals)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--split", choices=("dev", "unseen", "all", *FRESH), default="all",
                        help="which corpus split to score (all: dev and unseen; unseenN: all, the fresh sets "
                             "before it (tuned on), then unseenN" + (f"; {UNSEEN_NOW}: once, at the end)" if UNSEEN_NOW else ")"))
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    print(HEADER)
    sets: list[tuple[str, list[Document]]] = [("bundled", labelled_documents()), ("synthetic (held out, then tuned)", holdout_documents())]
    chosen = FRESH[: FRESH.index(args.split) + 1] if args.split in FRESH else ()
    dev = corpus_documents("dev", args.corpus) if args.split in ("dev", "all", *FRESH) else []
    unseen = corpus_documents("unseen", args.corpus) if args.split in ("unseen", "all", *FRESH) else []
    if chosen and not corpus_documents(args.split, args.corpus):
        raise EmptyLabels(f"ktxh: no {args.split} documents in {args.corpus / 'documents.csv'}")
    if dev:
        sets.append(("other provinces, dev", dev))
    totals: dict[str, Score] = {}
    for name, documents in sets:
        _section(documents, name, name, totals, args.verbose)
    if dev:
        _pool("IN-SAMPLE pooled (bundled + dev)", ("bundled", "other provinces, dev"), totals)
    if unseen:
        _section(unseen, "old UNSEEN pooled (session 1; tuned on since session 2)", "unseen", totals, args.verbose)
    if dev and unseen:
        _pool("IN-SAMPLE pooled (bundled + dev + old unseen)", ("bundled", "other provinces, dev", "unseen"), totals)
    if chosen:
        _fresh_sections(chosen, args.corpus, totals, args.verbose)
    if args.split == "all":
        print("\nunseen2 and unseen3 not scored: `--split unseen2` adds unseen2 (tuned on since session 3); "
              "`--split unseen3` adds unseen2 and unseen3 (tuned on since session 4).")
    elif args.split == "unseen2":
        print("\nunseen3 not scored: `--split unseen3` adds it (tuned on since session 4).")
    if "unseen4" not in chosen:
        print("unseen4 not scored: `--split unseen4` adds it (scored once at 19:34 UTC in session 4; tuned on since).")
    if "unseen5" not in chosen:
        print("unseen5 not scored: `--split unseen5` adds it (scored once at 20:11 UTC in session 4; tuned on since session 5).")
    if "unseen6" not in chosen:
        print("unseen6 not scored: `--split unseen6` adds it (scored once at 22:25 UTC in session 5; tuned on since).")
    if "unseen7" not in chosen and UNSEEN_NOW != "unseen7":
        print("unseen7 not scored: `--split unseen7` adds it (scored once at 01:13 UTC in session 6; tuned on since).")
    if UNSEEN_NOW is not None and UNSEEN_NOW not in chosen:
        print(f"{UNSEEN_NOW} not scored: `--split {UNSEEN_NOW}` scores it once, at the end of a tuning round.")
    print("\nP/R: every label right (span, indicator, period, value type, basis, measure; period_kind and scope where")
    print("labelled); det: figure detection (span only); the other columns: agreement among detected figures.")
    print("Bundled, dev, the old unseen (since session 2), unseen2 (since session 3), unseen3 and unseen4 (since")
    print("session 4), unseen5 and unseen6 (since session 5) and unseen7 (since its one run in session 6) documents")
    print("were used to develop the rules"
          + (f"; {UNSEEN_NOW} documents are scored once, at the end." if UNSEEN_NOW else "; no set is untouched now."))
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main(sys.argv[1:]))
    except EmptyLabels as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(2) from None
