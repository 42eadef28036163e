"""Warnings about a document that was loaded all the same ("decoded as TCVN3", …).

A reader calls :func:`warn` wherever it accepts something odd; ``parse_document``
collects the warnings of each document (:func:`collecting`) into
``ParsedDocument.warnings`` and the command line prints each as one
``ktxh: warning: <document>: …`` line.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

_current: ContextVar[list[str] | None] = ContextVar("ktxh_notes", default=None)


def warn(message: str) -> None:
    """Record a warning for the document being read (ignored outside ``collecting``)."""
    notes = _current.get()
    if notes is not None and message not in notes:
        notes.append(message)


@contextmanager
def collecting() -> Iterator[list[str]]:
    notes: list[str] = []
    token = _current.set(notes)
    try:
        yield notes
    finally:
        _current.reset(token)
