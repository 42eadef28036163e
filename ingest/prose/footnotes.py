"""Stage: what a footnote body knows of the sentence that calls it (its period, estimate, basis and
the claim its mark follows), read where the mark stands."""

from __future__ import annotations

from ingest.prose import patterns as P
from ingest.prose.comparison import basis_of_phrase
from ingest.prose.model import Claim, Context, Report
from ingest.prose.periods import nearest_period
from ingest.prose.sentences import Sentence, comparison_spans


def footnote_context(report: Report, sent: Sentence, pos: int, claims: list[Claim], lead: str, para_lead) -> Context:
    """The context of the footnote whose mark is at ``pos`` in ``sent`` (``claims``: the sentence's)."""
    before = sent.text[:pos]
    clause_start = max(before.rfind(";"), before.rfind("("), 0)
    clause = before[clause_start:]
    period, ambiguous = nearest_period(before)
    if period is None and not ambiguous and para_lead is not None:
        period, ambiguous = para_lead
    basis = None
    for _, _, phrase in comparison_spans(clause):
        basis = basis_of_phrase(phrase, period or report.default) or basis
    prior = [c for c in claims if c.facts and c.facts[0].figure.start < pos]
    return Context(
        period=period,
        ambiguous=ambiguous,
        estimate=bool(P.ESTIMATE_CUE.search(clause) or P.ESTIMATE_CUE.search(lead)) or bool(prior and prior[-1].estimate),
        basis=basis if basis not in (None, "?") else None,
        parent=prior[-1] if prior else None,
    )
