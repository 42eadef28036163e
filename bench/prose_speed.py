"""Speed of the prose stage: ``extract_facts`` over a set of monthly reports.

The set is the bundled monthly reports (the April 2022 notice, the June 2021 and September 2022
reports) repeated under other names and months up to ``--reports`` documents (default 1.000), so
the figure does not depend on documents that are not in the repository.  The extractor's
vocabulary is loaded once, as in ``ktxh ingest``.

The speed-up is paired: the extractor at the issue's filing (``--baseline``, default ``2151c97``,
before issue 10; exported with ``git archive`` from the checkout's history into a temporary
folder) runs on the same set, each in its own process, one after the other, ``--pairs`` times;
the ratio of their times (wall and CPU) is printed, the median over the pairs.  Without git
history (an installed copy) the baseline is skipped with a message.

A second line times one report of ``--long-line`` characters (default 1 MB) printed on a single
line (the September report's lines joined, repeated): text with no line breaks must take time in
proportion to its length, not to its square.

Run: ``python bench/prose_speed.py [--reports N] [--long-line CHARS] [--baseline REV] [--pairs N] [--root CHECKOUT]``
(``--root``: time the extractor of another checkout on the same set; ``--baseline ''``: no pairing).  Prints one line of
figures; ``bench/benchmark.py`` may call ``measure()``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
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
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(reports):
        name = f"{2020 + i % 5}-{1 + i % 12:02d}_report-{i}.txt"
        figures += len(extract_facts(texts[i % len(texts)], name))
    seconds = time.perf_counter() - start
    return {"reports": reports, "seconds": seconds, "cpu_seconds": time.process_time() - cpu,
            "reports_per_s": reports / seconds, "figures": figures}


def _measured_in_child(root: Path, reports: int) -> dict[str, float]:
    """:func:`measure` of the checkout ``root`` in a process of its own (two extractors cannot share one)."""
    out = subprocess.run([sys.executable, __file__, "--json", "--reports", str(reports), "--long-line", "0",
                          "--root", str(root)], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def paired(baseline: str, reports: int, pairs: int, root: Path = ROOT) -> dict[str, float] | None:
    """The prose stage of ``root`` against the extractor of git revision ``baseline``, run one after
    the other ``pairs`` times on the same ``reports`` reports; medians of the ratios (None without
    the revision in the checkout's git history)."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            archive = subprocess.run(["git", "-C", str(root), "archive", baseline],
                                     capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        except (OSError, subprocess.CalledProcessError):
            return None
        rounds = []
        for _ in range(pairs):
            before, now = _measured_in_child(Path(tmp), reports), _measured_in_child(root, reports)
            rounds.append((before, now))
    median = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
    return {"baseline_s": median([b["seconds"] for b, _ in rounds]), "seconds": median([n["seconds"] for _, n in rounds]),
            "wall_ratio": median([b["seconds"] / n["seconds"] for b, n in rounds]),
            "cpu_ratio": median([b["cpu_seconds"] / n["cpu_seconds"] for b, n in rounds]),
            "same_figures": all(b["figures"] == n["figures"] for b, n in rounds), "figures": rounds[0][1]["figures"]}


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
    parser.add_argument("--baseline", default="2151c97", help="git revision to pair with ('': none)")
    parser.add_argument("--pairs", type=int, default=1, help="paired rounds against the baseline")
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one measure() as JSON
    args = parser.parse_args(argv)
    if args.json:
        print(json.dumps(measure(args.reports, args.root.resolve())))
        return 0
    if args.baseline:
        p = paired(args.baseline, args.reports, args.pairs, args.root.resolve())
        if p is None:
            print(f"prose stage: baseline {args.baseline} not in this checkout's git history: not paired")
        else:
            print(f"prose stage: {args.reports} monthly reports in {p['seconds']:.1f} s against {p['baseline_s']:.1f} s "
                  f"for the extractor at {args.baseline}: {p['wall_ratio']:.2f}x faster (CPU time {p['cpu_ratio']:.2f}x; "
                  f"median of {args.pairs} pair(s); {p['figures']} figures, "
                  f"{'the same number' if p['same_figures'] else 'NOT the same number'} both ways)")
    else:
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
