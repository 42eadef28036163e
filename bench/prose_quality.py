"""Precision and recall of the prose extractor against the hand-labelled figures.

Labels: ``tests/fixtures/prose_labels/<document stem>.csv``, one row per figure
(see the README there).  A label is placed in the document by its ``sentence``
excerpt, which must occur exactly once in the document's text after markdown
``*`` are removed and whitespace runs are collapsed; the labelled figure is the
last whole-number occurrence of ``printed`` inside the excerpt.  That gives the
figure's character span in the NFC text.  ``scopes.csv`` restricts a document to
line ranges (a predicted fact counts when its figure starts on a line in range).

Definitions, per document and overall:

* **figure detection** — a predicted fact *detects* a label when its
  ``[span_start, span_end)`` equals the label's span.  Detection precision is
  detected predictions / predictions in scope; detection recall is detected
  labels / labels.
* **full match** — a predicted fact is *correct* when it detects a label and its
  ``indicator_code`` (None = empty), ``basis`` and ``measure`` equal the label's.
  Precision is correct predictions / predictions in scope; recall is labels with
  a correct prediction / labels.  This is the quality measure (targets: precision
  ≥ 0.95, recall ≥ 0.90).
* also shown, among detected figures: agreement of ``value_type``, of the period
  (year, month_from, month_to) and of the signed ``value``.

Run: ``python bench/prose_quality.py [--verbose]``.
"""

from __future__ import annotations

import csv
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
DOCUMENTS = ROOT / "documents"


@dataclass
class Label:
    row: dict[str, str]
    span: tuple[int, int]


@dataclass
class Score:
    document: str
    predictions: int = 0
    labels: int = 0
    detected_predictions: int = 0
    detected_labels: int = 0
    correct_predictions: int = 0
    correct_labels: int = 0
    value_type_ok: int = 0
    period_ok: int = 0
    value_ok: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("predictions", "labels", "detected_predictions", "detected_labels", "correct_predictions",
                     "correct_labels", "value_type_ok", "period_ok", "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(self.correct_predictions, self.predictions)

    @property
    def recall(self) -> float:
        return self._ratio(self.correct_labels, self.labels)

    @property
    def detection_precision(self) -> float:
        return self._ratio(self.detected_predictions, self.predictions)

    @property
    def detection_recall(self) -> float:
        return self._ratio(self.detected_labels, self.labels)


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


def load_labels(document: Path, text: str) -> list[Label]:
    path = document.with_suffix(".csv") if document.parent == HOLDOUT else LABELS / f"{document.stem}.csv"
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [Label(row, locate(text, row["sentence"], row["printed"])) for row in rows]


def load_scopes() -> dict[str, list[tuple[int, int]]]:
    scopes: dict[str, list[tuple[int, int]]] = {}
    path = LABELS / "scopes.csv"
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                scopes.setdefault(row["document"], []).append((int(row["first_line"]), int(row["last_line"])))
    return scopes


def labelled_documents() -> list[Path]:
    """The bundled reports that have labels."""
    stems = {p.stem for p in LABELS.glob("*.csv") if p.stem != "scopes"}
    return sorted(p for p in DOCUMENTS.rglob("*.txt") if p.stem in stems)


def holdout_documents() -> list[Path]:
    """Synthetic reports labelled before the extractor was run on them."""
    return sorted(p for p in HOLDOUT.glob("*.txt") if p.with_suffix(".csv").exists())


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _opt_int(s: str) -> int | None:
    return int(s) if s.strip() else None


def score_document(path: Path, scopes: dict[str, list[tuple[int, int]]]) -> Score:
    text = nfc(read_document(path))
    labels = load_labels(path, text)
    facts = extract_facts(text, path.name)
    ranges = scopes.get(path.stem)

    def in_scope(offset: int) -> bool:
        return ranges is None or any(a <= _line_of(text, offset) <= b for a, b in ranges)

    facts = [f for f in facts if in_scope(f.span_start)]
    by_span: dict[tuple[int, int], Label] = {lab.span: lab for lab in labels}
    score = Score(path.stem, predictions=len(facts), labels=len(labels))
    correct_spans: set[tuple[int, int]] = set()
    detected_spans: set[tuple[int, int]] = set()
    for fact in facts:
        span = (fact.span_start, fact.span_end)
        label = by_span.get(span)
        if label is None:
            score.misses.append(f"  extra   L{_line_of(text, fact.span_start)} {fact.printed!r} {fact.indicator_code} {fact.measure}/{fact.basis}  «{fact.sentence[:90]}»")
            continue
        row = label.row
        score.detected_predictions += 1
        detected_spans.add(span)
        ok = (fact.indicator_code or "") == row["indicator_code"] and fact.basis == row["basis"] and fact.measure == row["measure"]
        if ok:
            score.correct_predictions += 1
            correct_spans.add(span)
        else:
            score.misses.append(
                f"  wrong   L{_line_of(text, fact.span_start)} {fact.printed!r}: got {fact.indicator_code}/{fact.measure}/{fact.basis}, "
                f"want {row['indicator_code'] or None}/{row['measure']}/{row['basis']}"
            )
        score.value_type_ok += fact.value_type == row["value_type"]
        period = (_opt_int(row["period_year"]), _opt_int(row["month_from"]), _opt_int(row["month_to"]))
        score.period_ok += (fact.period_year, fact.month_from, fact.month_to) == period
        want = Decimal(row["value"]) if row["value"].strip() else None
        score.value_ok += (fact.value == want) if want is None or fact.value is None else fact.value.compare(want) == 0
        if fact.value_type != row["value_type"] or (fact.period_year, fact.month_from, fact.month_to) != period:
            score.misses.append(
                f"  context L{_line_of(text, fact.span_start)} {fact.printed!r}: got {fact.value_type} {fact.period_year}/{fact.month_from}-{fact.month_to}, "
                f"want {row['value_type']} {period[0]}/{period[1]}-{period[2]}"
            )
    score.detected_labels = len(detected_spans)
    score.correct_labels = len(correct_spans)
    for label in labels:
        if label.span not in detected_spans:
            score.misses.append(f"  missed  L{_line_of(text, label.span[0])} {label.row['printed']!r} «{label.row['sentence']}»")
    return score


def evaluate(documents: list[Path] | None = None, name: str = "overall") -> tuple[list[Score], Score]:
    scopes = load_scopes()
    scores = [score_document(path, scopes) for path in (labelled_documents() if documents is None else documents)]
    total = Score(name)
    for s in scores:
        total.add(s)
    return scores, total


def _print(rows: list[Score], verbose: bool) -> None:
    for s in rows:
        d = max(s.detected_predictions, 1)
        print(
            f"{s.document:<52} {s.labels:>6} {s.predictions:>6} {s.precision:>6.3f} {s.recall:>6.3f} "
            f"{s.detection_precision:>6.3f} {s.detection_recall:>6.3f} {s.value_type_ok / d:>6.3f} {s.period_ok / d:>6.3f} {s.value_ok / d:>6.3f}"
        )
        if verbose and s.misses:
            print("\n".join(s.misses))


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv or "-v" in argv
    header = f"{'document':<52} {'labels':>6} {'facts':>6} {'P':>6} {'R':>6} {'det P':>6} {'det R':>6} {'type':>6} {'period':>6} {'value':>6}"
    print(header)
    print("-" * len(header))
    scores, total = evaluate()
    _print(scores + [total], verbose)
    held = holdout_documents()
    if held:
        print("-" * len(header))
        scores, total = evaluate(held, "held-out (synthetic)")
        _print(scores + [total] if len(scores) > 1 else scores, verbose)
    print("\nP/R: full match (span, indicator_code, basis, measure); det: figure detection (span only);")
    print("type/period/value: agreement among detected figures. Bundled reports were also used to develop")
    print("the rules; the held-out reports were written and labelled before the extractor saw them (their")
    print("first-run scores are in tests/fixtures/prose_holdout/README.md; rules were fixed after).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
