"""Figures stated in the prose of provincial reports, as facts: a package of stages.

``extract_facts(text, document, report_date)`` reads a report's text and returns one
``ProseFact`` for every number in running text that is a figure.  It is rule based
and pure: text in, facts out.  The stages, each a module with tests of its own:

``layout`` (lines -> paragraphs) -> ``sentences`` (sentences and clauses) ->
``figures`` (figures and units) -> ``periods`` -> ``subject`` (subject and the
indicator its words name, via ``vocabulary``) -> ``comparison`` (basis and
measure) -> ``value_type`` -> ``extractor`` (claims and facts).  Every pattern,
each named, is in ``patterns``.
"""

from ingest.prose.extractor import extract_facts
from ingest.prose.model import ProseFact
from ingest.prose.periods import guess_report_month
from ingest.prose.vocabulary import fold

__all__ = ["ProseFact", "extract_facts", "fold", "guess_report_month"]
