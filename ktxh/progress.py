"""Progress on the terminal, with tqdm: quiet when stderr is not a terminal (cron, CI, pipes).

* :func:`track` wraps an iterable (documents to parse, files to write) in a progress bar;
* :class:`Stages` shows which stage of a longer command is running (``ktxh: dbt build  2/5``)
  and how long the command has taken.

Everything goes to stderr, so stdout stays the command's own output.
"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from typing import Iterable, Iterator, Sequence, TypeVar

from tqdm import tqdm

T = TypeVar("T")


def on_terminal() -> bool:
    return sys.stderr.isatty()


def track(items: Iterable[T], description: str, total: int | None = None, unit: str = "it") -> Iterator[T]:
    """``items`` with a progress bar on the terminal (nothing when not on a terminal)."""
    return iter(tqdm(items, desc=f"ktxh: {description}", total=total, unit=unit, file=sys.stderr,
                     disable=not on_terminal(), leave=False, dynamic_ncols=True))


class Stages:
    """The stages of one command, shown one after the other on a single terminal line."""

    def __init__(self, names: Sequence[str]):
        self.names = list(names)
        self.bar = tqdm(total=len(self.names), file=sys.stderr, disable=not on_terminal(), leave=False,
                        bar_format="{desc} {n_fmt}/{total_fmt} [{elapsed}]", dynamic_ncols=True)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self.bar.set_description_str(f"ktxh: {name}")
        self.bar.refresh()
        done = threading.Event()
        ticker = None
        if not self.bar.disable:  # keep the elapsed time moving while a long stage (dbt) runs
            ticker = threading.Thread(target=self._tick, args=(done,), daemon=True)
            ticker.start()
        try:
            yield
        finally:
            done.set()
            if ticker is not None:
                ticker.join()
        self.bar.update(1)
        self.bar.refresh()

    def _tick(self, done: threading.Event) -> None:
        while not done.wait(1.0):
            self.bar.refresh()

    def close(self) -> None:
        self.bar.close()

    def __enter__(self) -> "Stages":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
