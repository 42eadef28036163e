"""Where each character of a clean text was in the document, as runs rather than one int per character.

The layout (``ingest.prose.layout``) keeps, for every character of a paragraph's clean text, its
offset in the NFC text of the document.  Nearly all of them come in runs (a line's characters,
one after another), so :class:`Offsets` keeps the runs: (position in the clean text, offset of
that character) where each run starts, a run going on up to the next one.  It reads like the
list of ints it stands for (``offs[i]``, ``offs[a:b]``, ``len``, iteration), and is built the ways
the layout builds that list (append a run, append another one's slice, cut the end, delete a
slice).  A list of ints cost one int object per character, plus the list.
``tests/prose/test_fast_paths.py`` compares it with the plain list under random edits.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterator


class Offsets:
    """The offsets of a text's characters, by runs of consecutive offsets."""

    __slots__ = ("starts", "bases", "length")

    def __init__(self) -> None:
        self.starts: list[int] = []  # position in the text where each run starts (ascending, the first 0)
        self.bases: list[int] = []  # offset of the run's first character
        self.length = 0

    @classmethod
    def run(cls, offset: int, n: int) -> Offsets:
        """``n`` characters at ``offset``, ``offset + 1``, … (``list(range(offset, offset + n))``)."""
        out = cls()
        out.add_run(offset, n)
        return out

    def add_run(self, offset: int, n: int) -> None:
        """Append ``n`` characters at consecutive offsets from ``offset``."""
        if n <= 0:
            return
        if not self.starts or self.bases[-1] + (self.length - self.starts[-1]) != offset:
            self.starts.append(self.length)
            self.bases.append(offset)
        self.length += n

    def append(self, offset: int) -> None:
        self.add_run(offset, 1)

    def extend(self, other: Offsets) -> None:
        """Append ``other``'s characters."""
        if len(other.starts) == 1:  # one run (a line's characters, most often)
            self.add_run(other.bases[0], other.length)
            return
        ends = other.starts[1:] + [other.length]
        for start, end, base in zip(other.starts, ends, other.bases):
            self.add_run(base, end - start)

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self.length)
            if step != 1:
                raise ValueError("Offsets: slices with a step are not supported")
            return self._slice(start, stop)
        if index < 0:
            index += self.length
        if not 0 <= index < self.length:
            raise IndexError("Offsets index out of range")
        if len(self.starts) == 1:
            return self.bases[0] + index
        k = bisect_right(self.starts, index) - 1
        return self.bases[k] + index - self.starts[k]

    def _slice(self, a: int, b: int) -> Offsets:
        out = Offsets()
        if a >= b:
            return out
        if len(self.starts) == 1:
            out.starts.append(0)
            out.bases.append(self.bases[0] + a)
            out.length = b - a
            return out
        k = bisect_right(self.starts, a) - 1
        while k < len(self.starts) and self.starts[k] < b:
            start = self.starts[k]
            end = self.starts[k + 1] if k + 1 < len(self.starts) else self.length
            lo, hi = max(start, a), min(end, b)
            out.add_run(self.bases[k] + lo - start, hi - lo)
            k += 1
        return out

    def truncate(self, n: int) -> None:
        """Keep the first ``n`` characters (``del offs[n:]``)."""
        if n >= self.length:
            return
        n = max(n, 0)
        k = bisect_right(self.starts, n - 1) if n > 0 else 0  # runs that start before n
        del self.starts[k:]
        del self.bases[k:]
        self.length = n

    def delete(self, a: int, b: int) -> None:
        """``del offs[a:b]``."""
        tail = self._slice(b, self.length)
        self.truncate(a)
        self.extend(tail)

    def __iter__(self) -> Iterator[int]:
        ends = self.starts[1:] + [self.length]
        for start, end, base in zip(self.starts, ends, self.bases):
            yield from range(base, base + end - start)

    def __eq__(self, other) -> bool:
        if isinstance(other, Offsets):
            return list(self) == list(other)
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    def __repr__(self) -> str:
        return f"Offsets({list(self)!r})"
