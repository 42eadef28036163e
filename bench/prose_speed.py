"""Speed of the prose stage: ``extract_facts`` over a set of monthly reports.

The set is the bundled monthly reports (the April 2022 notice, the June 2021 and September 2022
reports) repeated under other names and months up to ``--reports`` documents (default 1.000), so
the figure does not depend on documents that are not in the repository.  The extractor's
vocabulary is loaded once, as in ``ktxh ingest``.

A second line times one report of ``--long-line`` characters (default 1 MB) printed on a single
line (the September report's lines joined, repeated): text with no line breaks must take time in
proportion to its length, not to its square.

Run: ``python bench/prose_speed.py [--reports N] [--long-line CHARS] [--root CHECKOUT]`` (``--root``: time the
extractor of another checkout, e.g. an older commit, on the same set).  Prints one line of
figures; ``bench/benchmark.py`` may call ``measure()``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHLY = ("2021-06_bao-cao-kiem-diem-6-thang-dau-nam.txt", "2022-04_thong-bao-ket-luan-phien-hop-thang-4.txt",
           "2022-09_bao-cao-chi-dao-dieu-hanh-thang-9.txt")


def measure(reports: int = 1000, root: Path = ROOT) -> dict[str, float]:
    """Seconds and reports per second of the prose stage on ``reports`` monthly reports."""
    sys.path.insert(0, str(root))
    from ingest.prose import extract_facts
    from ingest.text import read_document

    texts = [read_document(root / "documents" / "04_cao-bang" / name) for name in MONTHLY]
    extract_facts(texts[0][:2000], "2022-01_warmup.txt")  # the vocabulary, once
    figures = 0
    start = time.perf_counter()
    for i in range(reports):
        name = f"{2020 + i % 5}-{1 + i % 12:02d}_report-{i}.txt"
        figures += len(extract_facts(texts[i % len(texts)], name))
    seconds = time.perf_counter() - start
    return {"reports": reports, "seconds": seconds, "reports_per_s": reports / seconds, "figures": figures}


def measure_long_line(chars: int = 1_000_000, root: Path = ROOT) -> dict[str, float]:
    """Seconds of the prose stage on one report of ``chars`` characters on a single line."""
    sys.path.insert(0, str(root))
    from ingest.prose import extract_facts
    from ingest.text import read_document

    text = read_document(root / "documents" / "04_cao-bang" / MONTHLY[2])
    line = " ".join(text.split())
    big = ((line + " ") * (chars // (len(line) + 1) + 1))[:chars]
    start = time.perf_counter()
    figures = len(extract_facts(big, "2022-09_long-line.txt"))
    return {"chars": chars, "seconds": time.perf_counter() - start, "figures": figures}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--long-line", type=int, default=1_000_000, help="characters of the single-line report (0: skip)")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    m = measure(args.reports, args.root.resolve())
    print(f"prose stage: {m['reports']} monthly reports in {m['seconds']:.1f} s "
          f"({m['reports_per_s']:.1f} reports/s, {m['figures']} figures)")
    if args.long_line:
        big = measure_long_line(args.long_line, args.root.resolve())
        print(f"prose stage: one report of {big['chars']:,} characters on a single line in {big['seconds']:.1f} s "
              f"({big['figures']} figures)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
