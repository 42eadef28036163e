"""Timing and memory of whole processes, for the benchmark (no test reads these figures).

:func:`run` starts a command, samples the resident memory of its whole process tree (every
0,1 s, from /proc: the sum over the command and its children, e.g. dbt's child or the parsing
pool) and returns its wall time, exit status, the tree's peak and the largest single process's
peak (``ru_maxrss`` of ``wait4``), and the CPU time of the command and the children it waited
for (user + system, ``wait4``): on a shared machine the wall time depends on the others' load,
the CPU time much less.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence


@dataclass(frozen=True)
class Measured:
    seconds: float
    exit_code: int
    tree_peak_mb: float  # sum of the tree's RSS at its sampled peak
    process_peak_mb: float  # the largest single process's peak RSS
    output: str = ""
    cpu_seconds: float = 0.0  # user + system time of the command and the children it waited for


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mb(root: int) -> float:
    tree, total, todo = _children(), 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_kb(pid)
        todo.extend(tree.get(pid, []))
    return total / 1024


def run(command: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None,
        capture: bool = True) -> Measured:
    start = time.perf_counter()
    proc = subprocess.Popen(list(command), env=env, cwd=cwd, text=True,
                            stdout=subprocess.PIPE if capture else None, stderr=subprocess.STDOUT if capture else None)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.1):
            peak[0] = max(peak[0], tree_rss_mb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = proc.stdout.read() if capture else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Measured(seconds, proc.returncode, peak[0], usage.ru_maxrss / 1024, output,
                    usage.ru_utime + usage.ru_stime)
