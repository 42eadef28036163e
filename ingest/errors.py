"""The one error type readers raise: it names the file, the place and the text."""

from __future__ import annotations


class IngestError(Exception):
    """A document that cannot be loaded as it is.

    ``location`` is human readable: ``line 812``, ``sheet Biểu 01, row 14``,
    ``header``.  ``text`` is the offending text exactly as printed.
    """

    def __init__(self, document: str, location: str, message: str, text: str | None = None):
        self.document = document
        self.location = location
        self.text = text
        self.message = message
        shown = f": {text!r}" if text is not None else ""
        super().__init__(f"{document}, {location}: {message}{shown}")
