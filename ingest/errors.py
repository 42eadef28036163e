"""Kept for imports written before ``ktxh.errors``: the readers' error type lives there."""

from ktxh.errors import IngestError

__all__ = ["IngestError"]
