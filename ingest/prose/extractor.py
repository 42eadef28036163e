"""The extractor: the stages applied to a report, sentence by sentence, claim by claim."""

from __future__ import annotations

import bisect
import datetime as dt

from ingest.prose import patterns as P
from ingest.prose.comparison import basis_of_phrase, measure_of, trailing_basis
from ingest.prose.document import report_of, title_block
from ingest.prose.figures import Figure, cut_by_page_end, find_figures
from ingest.prose.footnotes import footnote_context
from ingest.prose.reading import report_sentences
from ingest.prose.model import Claim, Context, Fact, Period, ProseFact, Report, prose_fact
from ingest.prose.periods import (balance_date_of, compared_date_of, figure_period, guess_report_month, lead_period, states_cumulative,
                                  nearest_period, period_kind_of)
from ingest.prose.scope import former_part, names_other_area, scope_of
from ingest.prose.terms import multi_year_of
from ingest.prose.sentences import (Sentence, after_last, verbless_clause, figure_right_basis, lead_end_of, lead_estimate_end, opens_breakdown,
                                    opens_part_list, predicate_before_parenthesis, under_stock_date, comparison_spans, enclosing_lead, last_clause,
                                    phrase_end, split_left_basis)
from ingest.prose.subject import common_parent, economy_of, of_the_economy, fits, final_measure, indicator_from_context, indicator_of, residue, short_subject, subject_core
from ingest.prose.value_type import count_of_targets, earlier_than_estimated, plan_of_named_year, planned, plans_of_pairs, estimates_of_containing_periods, named_plan_year, value_type_of
from ingest.prose.vocabulary import NO_INDICATOR, Vocabulary, default_vocabulary, fold
from ingest.text import nfc


class Extractor:
    """One report's facts: ``Extractor(report).run()``."""

    def __init__(self, report: Report, vocab: Vocabulary):
        self.report = report
        self.text = report.text
        self.document = report.document
        self.vocab = vocab
        self.claim_counter = 0
        self.facts: list[ProseFact] = []
        self.footnote_refs: dict[int, Context] = {}
        self.topic: str | None = None  # the subject a paragraph opens with ("Cây lúa: …")
        self.families: list[tuple[str | None, bool]] = []  # per fact: its indicator's family, and whether "ước" was said
        self.economy = economy_of(vocab, title_block(self.text)) if report.about_growth else None  # see subject.economy_of
        starts = [0]
        at = self.text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = self.text.find("\n", at + 1)
        self.line_starts = starts

    def sentences(self) -> list[Sentence]:
        return report_sentences(self.report)

    def run(self) -> list[ProseFact]:
        """All facts, sentence by sentence in document order."""
        sentences = self.sentences()
        paragraph_lead: dict[int, tuple[Period | None, bool]] = {}
        first_of: dict[int, tuple[str, str]] = {}  # a paragraph's first sentence and lead: its period read when needed
        paragraph_last_claim: dict[int, Claim] = {}
        row_label: str | None = None  # a short line without figures: the row name of a table printed as text
        row_number = 0  # the last row number (Stt) of a table printed as text, one number a line
        estimated_lead: Period | None = None
        other_area = targets = False  # the paragraph is about a former part of a merged province; goes on with targets
        for number, sent in enumerate(sentences, start=1):
            figures = find_figures(sent.text) if number < len(sentences) else cut_by_page_end(sent.text, sent.offs, self.text)
            bare = P.BARE_INTEGER.fullmatch(sent.text)
            if bare and (len(bare.group(1)) == 1 or int(bare.group(1)) == row_number + 1):
                row_number = int(bare.group(1))
                figures = []  # "9", then "10", "11" …: the rows' numbers, not figures
            numbered = P.NUMBERED_ROW.match(sent.text) if row_number and len(figures) == 1 else None
            if numbered and int(numbered.group(1)) == row_number + 1 and figures[0].start == numbered.start(1):
                row_number, figures = row_number + 1, []  # "4 nhập khẩu phấn đấu (triệu USD)": the next row's number and name
            name = sent.text[numbered.end() :] if numbered and not figures else sent.text
            label, row_label = row_label, (name if not figures and len(sent.text) <= P.ROW_LABEL_MAX else None)
            lead_end = lead_end_of(sent.text, figures)
            lead = sent.text[:lead_end]
            if sent.index_in_paragraph == 0:
                first_of[sent.paragraph] = (sent.text, lead)
                estimated_lead, other_area = None, former_part(self.report, sent.text)
                last = paragraph_last_claim.get(sent.paragraph - 1)
                targets = last is not None and bool(last.facts) and last.facts[-1].value_type == "plan" and bool(figures) and verbless_clause(sent.text, 0, figures[0].start)
                if figures and lead_estimate_end(sent.text, lead) == len(sent.text):  # an opener "Ước tính 6 tháng, …" (not "X ước đạt")
                    paragraph_lead[sent.paragraph] = lead_period(*first_of.pop(sent.paragraph))
                    estimated_lead = paragraph_lead[sent.paragraph][0]
                topic = P.TOPIC_LEAD.match(sent.text)
                self.topic = topic.group(1) if topic and any(m.alias.code for m in self.vocab.find(fold(topic.group(1)))) else None
            ctx = Context(estimated_period=estimated_lead if sent.index_in_paragraph else None, other_area=other_area, targets=targets)
            if sent.footnote_no is not None and sent.footnote_no in self.footnote_refs:
                ctx = self.footnote_refs[sent.footnote_no]
            parent = ctx.parent
            if P.BREAKDOWN.match(sent.text.lstrip("-+ ")):  # "Trong đó, …": the claim before, opening a paragraph the one before's
                parent = paragraph_last_claim.get(sent.paragraph - (not sent.index_in_paragraph), parent)
            para_lead = None
            if sent.index_in_paragraph and (figures or sent.marks):  # only then is it used
                if sent.paragraph in first_of:
                    paragraph_lead[sent.paragraph] = lead_period(*first_of.pop(sent.paragraph))
                para_lead = paragraph_lead.get(sent.paragraph)
            before = paragraph_last_claim.get(sent.paragraph) if sent.index_in_paragraph else None
            claims = self._sentence(sent, number, figures, lead, para_lead, ctx, parent, label, before)
            if claims:
                paragraph_last_claim[sent.paragraph] = claims[-1]
            if sent.index_in_paragraph and figures:
                own = lead_period(sent.text, lead)
                if own[0] is not None and not own[1]:  # "Trong tháng 9, …. Doanh thu …": the period goes on
                    paragraph_lead[sent.paragraph] = own
            for pos, n in sent.marks:  # what a footnote body will know of the sentence that calls it
                self.footnote_refs.setdefault(n, footnote_context(self.report, sent, pos, claims, lead, para_lead))
        return estimates_of_containing_periods(self.facts, self.families)

    def _sentence(self, sent: Sentence, number: int, figures: list[Figure], lead: str, para_lead, ctx: Context, parent: Claim | None,
                  row_label: str | None = None, before: Claim | None = None) -> list[Claim]:
        """Facts of one sentence, claim by claim.  A sentence that opens with a figure and no words
        (">2.300", "575 (tăng 15%)") is the value of the row named on the line before it."""
        if not figures:
            return []
        text = sent.text
        # once a sentence, not once a figure: where a stock at a date and a sector's word end, whether a year is named
        stock_ends, named_years = [m.end() for m in P.STOCK_AT_DATE.finditer(text)], P.NAMED_YEAR.search(text) is not None
        self._sector_end = next((m.end() for m in P.SECTOR_WORD.finditer(text)), None)
        share = P.SHARE_CHANGE.search(text) if self._sector_end is not None and ("cấu" in text or "trọng" in text) else None
        claims: list[Claim] = []
        residues: dict[str, str] = {}  # residue() of the texts between figures, each once (it is asked up to four times)

        def residue_of(between: str) -> str:
            if between not in residues:
                residues[between] = residue(between)
            return residues[between]

        current: Claim | None = None
        marker = P.LIST_MARKER.match(text)
        prev_end = marker.end() if marker else 0
        lead_estimate_to, lead_plans = lead_estimate_end(text, lead), planned(lead) or ctx.targets  # (-1: no estimate said in the lead)
        # "Cơ cấu kinh tế: dịch vụ: 46 - 47%; …": the lead names a subject that is no indicator, and
        # what it lists are its parts (shares of the economy, not sectors' growth)
        lead_names = self.vocab.find(fold(lead)) if P.LEAD_COLON.match(text[len(lead):]) else []
        lead_no_indicator = bool(lead_names) and all(m.alias.code == NO_INDICATOR for m in lead_names)
        lead_basis = None
        if P.LEADING_SO_VOI.match(lead):  # "So với cùng kỳ năm 2021: …"
            spans = comparison_spans(lead)
            lead_basis = spans[0][2] if spans else None
        # a sentence that breaks down the claim before it ("Trong đó, kinh tế Nhà nước đạt …") is of its period
        parent_period = parent.facts[-1].period if parent is not None and parent.facts and P.BREAKDOWN.match(text.lstrip("-+ ")) else None
        low_end: tuple[str, str | None, str | None] = ("", None, None)
        sharing = False  # in a list of shares ("chiếm 12,1%; Công nghiệp - xây dựng 42,3%; …")
        last_fact: Fact | None = None
        outer: tuple[Claim, Claim | None] | None = None  # the claim (and its parent) a parenthesis "(trong đó, …)" breaks down
        interrupted: Claim | None = None  # the claim a contribution ("…, đóng góp 3,21 điểm phần trăm vào tăng trưởng") interrupts
        for fig in figures:
            between = text[prev_end : fig.start]
            tail, left_basis_phrase = split_left_basis(last_clause(between))
            pred_m = P.PREDICATE.search(tail) or (predicate_before_parenthesis(text, fig.start) if not tail.strip(" +-–") else None)
            pred = P.WHITESPACE_RUN.sub(" ", pred_m.group("pred").lower()) if pred_m else None
            if fig.range_high:  # "tăng 9 - 10%": the high end is said as the low end is
                tail, left_basis_phrase, pred = low_end
            low_end = (tail, left_basis_phrase, pred)
            group_lead = enclosing_lead(text, fig.start)
            if outer is not None and ")" in between:
                current, parent, outer = *outer, None  # "(trong đó, bán lẻ hàng hóa ước 5.093 tỷ đồng), giảm 2,41%": the whole's again
            elif current is not None and (opens_breakdown(between) or (current.indicator and opens_part_list(between) and residue_of(between))):
                outer, parent = (current, parent), current  # "(nông nghiệp tăng 1,36%, lâm nghiệp …)": the parts of the claim before
            breakdown = P.BREAKDOWN.search(between)
            if breakdown and not (current is not None and parent is not None and current.parent is parent
                                  and breakdown.group(0).strip().lower() == "riêng"):  # "Trong đó, A …; B …; riêng C …": C is A's sibling
                parent = current if current is not None else parent
            summary = P.SUMMARY_LEAD.match(between) is not None
            new_claim = not fig.pair_second and (current is None or bool(residue_of(between)) or summary)
            if interrupted is not None and last_fact is not None and P.CONTRIBUTION_TARGET.fullmatch(text, last_fact.figure.unit_end, fig.start):
                current, new_claim = interrupted, False  # "…, cao hơn 1,04% so với cùng kỳ": the sector's again
            interrupted = current if P.CONTRIBUTION.search(tail) and fig.unit_class == "pp" else None
            period = figure_period(self.report, sent, fig, para_lead, ctx, parent_period)
            plan_of_year = named_plan_year(self.report, text, fig.start, fig.unit_end) if named_years else None
            if plan_of_year and (period[0] or 0) < plan_of_year:
                period = (plan_of_year, 1, 12)  # the plan's year, not the report's
            raw_measure, basis, sign, unit, status = measure_of(fig, pred, tail, left_basis_phrase, text, period, group_lead, lead_basis, ctx)
            said = figure_right_basis(text, fig) or left_basis_phrase or comparison_spans(group_lead) or lead_basis or ctx.basis
            if raw_measure in ("growth_pct", "ratio_pct") and not said:
                # "… tăng 1,34% so với tháng trước, trong đó ngành khai khoáng tăng 1,75%": a part's
                # growth said with no comparison is against what its whole's growth is against
                # ("bằng 99,63% so với cùng kỳ năm trước, trong đó vụ Đông Xuân … bằng 99,88%": so is a part's ratio);
                # a whole compared two ways leaves it to the list's one comparison, said after its last item
                stated = list(dict.fromkeys(f.basis for f in parent.facts if f.measure == raw_measure and f.basis != "none")) if parent else []
                listed = trailing_basis(text, figures, figures.index(fig)) if raw_measure == "growth_pct" and len(stated) != 1 else None
                listed = basis_of_phrase(listed, period) if listed else None
                basis = listed if listed not in (None, "?") else stated[0] if stated else basis
            if (raw_measure == "value" and basis == "none" and fig.unit_class not in ("pct", "pp", "times") and last_fact is not None
                    and last_fact.figure.unit_class == "pct" and last_fact.basis not in ("none", "plan", "plan_central", "plan_council")
                    and P.SIGNED_CHANGE.fullmatch(text, last_fact.figure.unit_end, fig.start)):
                basis = last_fact.basis  # "giảm 11,54% (-820,3 ha) so với cùng kỳ": the change, against what the growth is
                if text[last_fact.figure.unit_end : fig.start].strip(" (") == "-" or (last_fact.value is not None and last_fact.value < 0):
                    sign = -1
            if raw_measure == "value" and fig.unit_class == "pct" and pred is not None and pred.startswith(("đạt", "ước đạt")):
                amount_before = (not new_claim and current is not None and bool(current.facts)
                                 and current.facts[-1].measure == "value" and current.facts[-1].figure.unit_class in ("vnd", "usd"))
                if amount_before or P.DISBURSEMENT.search(tail):
                    # "ước khoảng 2.135 tỷ đồng, đạt 8,8%" (a share after an amount of money), "giải ngân
                    # đạt gần 30%": a share of the plan ("1.927 nhiệm vụ đã hoàn thành (đạt 71%)" is not)
                    raw_measure, basis = "ratio_pct", "plan"

            # a value quoted after what it is compared with is of its subject: "… cao hơn mức cùng kỳ 2024 (8,49%)"
            quote = P.COMPARED_QUOTE.search(text, max(0, fig.start - 80), fig.start)
            if quote and current is not None and current.indicator and new_claim:
                current = self._new_claim(current.region, fig, raw_measure, parent, claims, inherit=current)
            elif new_claim and summary and claims:
                code = common_parent(self.vocab, claims)
                current = self._new_claim(text[: fig.start], fig, raw_measure, parent, claims, forced=code)
                if code is None:
                    current.indicator = claims[-1].indicator
            elif new_claim and current is None and row_label and not residue_of(between):
                current = self._new_claim(row_label + " " + between, fig, raw_measure, parent, claims)
            elif (new_claim and current is None and before is not None and before.indicator and not residue_of(between)
                  and nearest_period(between)[0] is not None and fits(self.vocab, before.indicator, fig, raw_measure)):
                # "GRDP quý 3/2025 ước tăng 8,62%. Tính chung 9 tháng năm 2025 đạt 8,61%": a sentence that names
                # only a period goes on with the subject of the sentence before it
                current = self._new_claim(before.region, fig, raw_measure, parent, claims, inherit=before)
            elif new_claim:
                current = self._new_claim(between, fig, raw_measure, parent, claims)
            elif not fig.pair_second and raw_measure == "value" and current.indicator and not fits(self.vocab, current.indicator, fig, raw_measure):
                # "…; có thêm 12 trường …"; a level right after its growth, naming nothing else, is the level whose growth
                # it follows: "Tổng vốn đầu tư toàn xã hội(Tỷ đồng) tăng từ 8-10% (dự ước 24.500 tỷ)"
                level = next((c for c, g in self.vocab.growth_of.items() if g == current.indicator), None) if not residue_of(between) else None
                current = self._new_claim(between, fig, raw_measure, parent, claims, forced=level if fits(self.vocab, level, fig, raw_measure) else None)
            elif not fig.pair_second and any(
                f.measure == raw_measure and f.basis == basis and not f.figure.pair_second for f in current.facts
            ):  # one fact per comparison in a claim: a second one starts a claim of its own
                # across a clause break the subject is not carried over, unless the clause names only a
                # period ("…, tăng 10,5% so với cùng kỳ; tính chung 6 tháng đầu năm tăng 8,2%") and the
                # figure's own words name nothing ("; lũy kế 9 tháng có 420 doanh nghiệp thành lập mới")
                clause = after_last(between, ";")
                if ";" in between and (residue_of(clause) or nearest_period(clause)[0] is None
                                       or indicator_of(self.vocab, clause, fig, raw_measure, parent)[0] is not None):
                    current = self._new_claim(between, fig, raw_measure, parent, claims)
                else:
                    current = self._new_claim(current.region, fig, raw_measure, parent, claims, inherit=current)
            assert current is not None
            if (not new_claim and not fig.pair_second and current.facts and current.indicator is None and current.term is None
                    and raw_measure == "growth_pct" and indicator_of(self.vocab, current.region, fig, raw_measure, parent)[0] is not None):
                # "tổng sản phẩm … đạt 8.820 tỷ đồng, tăng trưởng 6,1%": the subject names a rate the
                # level did not fit; the growth that follows is that rate (a ratio that follows is the level's:
                # "Tổng diện tích gieo trồng … đạt 264.821,45 ha, bằng 99,63% so với cùng kỳ")
                current = self._new_claim(current.region, fig, raw_measure, parent, claims, inherit=current)
            said_basis = basis
            measure, basis, indicator, positive_fall = final_measure(self.vocab, current, fig, raw_measure, basis, pred, period)
            if lead_no_indicator or (fig.pair_second and fig.unit_class == "count"):
                indicator = None  # (and "320/411 xã đạt chuẩn NTM": the second counts all there are, not those that are)
            if (measure == "ratio_pct" and indicator and self.vocab.indicators[indicator].kind == "growth_rate" and last_fact is not None
                    and last_fact.figure.unit_class in ("vnd", "usd") and last_fact.indicator is None and not residue_of(between)):
                indicator = None  # "GRDP … ước đạt hơn 67.835 tỷ đồng, đạt 65,50% kế hoạch": the amount's share, not the growth's
            if fig.unit_class == "pct":
                sharing = pred == "chiếm" or (sharing and pred is None)
            if sharing and indicator and self.vocab.indicators[indicator].kind == "growth_rate":
                indicator = None  # a sector's share of the economy is not its growth
            scope = "other_area" if ctx.other_area or names_other_area(tail, self.report) else scope_of(tail, group_lead)
            if scope != "province":
                indicator = None  # only the province's figures are coded to its indicators
            if (self.report.about_growth and indicator is None and measure == "growth_pct" and basis in ("same_period", "prior_year")
                    and self._sector_end is not None and self._sector_end <= fig.start and of_the_economy(self.vocab, self.economy, current, parent)):
                measure, basis = "value", "none"  # "vận tải kho bãi tăng 25,01%": a sub-sector's value added grows as a sector does
            if share is not None and share.end() <= fig.start and raw_measure == "growth_pct" and fig.unit_class == "pct":
                measure, basis, indicator, positive_fall = "pp", said_basis, None, False  # "cơ cấu kinh tế khu vực … giảm 1,02%"
            period_kind, balance, compared = period_kind_of(period, text[: fig.start] if period[1:] == (1, 3) else ""), None, None
            if period_kind == "cumulative" and period[1:] == (1, 3) and self.report.first_quarter and not states_cumulative(text[: fig.start]):
                period_kind = "quarter"  # a first-quarter release: its January-March figures are the quarter's
            stock = bool(P.STOCK_CUE.search(after_last(current.region, ";") + " " + fig.after)) or under_stock_date(text, stock_ends, fig.start)
            # "có 172 dự án còn hiệu lực với tổng mức đầu tư đăng ký đạt 10,3 tỷ USD": what a stock has, at its date
            if not stock and last_fact is not None and last_fact.period_kind == "balance":
                joint = text[last_fact.figure.unit_end : fig.start]
                stock = ";" not in joint and bool(P.WITH_JOIN.search(joint))
            if stock and period[0] and period[2]:
                period_kind = "balance"
                balance = balance_date_of(text[: fig.start], period, self.report) or balance_date_of("", period)
                compared = compared_date_of(basis, balance)
                if balance is not None:
                    period = (balance.year, None, balance.month)

            value = fig.value
            if value is not None and sign < 0 and not positive_fall:
                value = -value
            if fig.malformed:
                status = "malformed"
            elif (status == "ok" and fig.unit is None and pred is None and basis == "none" and measure == "value"
                  and not fig.pair_second and not fig.has_pair_second and not P.VALUE_OPENER.search(text[: fig.start])):
                status = "unclassified"  # a bare number: no unit, no verb, no comparison
            estimate = (current.estimate or fig.start < lead_estimate_to or bool(P.ESTIMATE_CUE.search(tail)) or bool(P.ESTIMATE_CUE.search(group_lead))
                        or (sent.footnote_no is not None and ctx.estimate) or ctx.estimated_period == period or (parent is not None and parent.estimate
                            # a part of another, finished period is not estimated with its whole ("vụ Đông Xuân đạt …")
                            and (not parent.facts or parent.facts[-1].period == period)))
            estimate = estimate and not earlier_than_estimated(period, last_fact, tail)  # "quý I (14,8%)" beside "quý II … ước"
            if not current.facts:
                current.estimate = current.estimate or estimate
            # "vượt kế hoạch (kế hoạch 6,5-7,5%)", "tiệm cận kịch bản tăng trưởng đề ra (8,96–9,61%)": the plan quoted
            if quote and quote["same"]:
                estimate = False  # a value of the year before, quoted beside this year's
            quoted_plan = (bool(P.PLAN_QUOTE.search(text[: fig.start])) or plan_of_year is not None or bool(quote and quote["plan"])
                           or (lead_plans and not P.ESTIMATE_CUE.search(text, len(lead), fig.start)))  # "đặt ra mục tiêu A, B, C"
            if quote and quote["same"] and period[0] and period_kind in ("month", "cumulative", "quarter", "year"):
                period = (int(quote["year"]), period[1], period[2])  # "mức cùng kỳ 2024 (8,49%)": that period's value
            value_type = value_type_of(self.report, sent, current, after_last(between, ";") + " " + tail, measure, estimate, period,
                                       balance, quoted_plan, text[: fig.start])
            counted, value_type = count_of_targets(self.report, fig, plan_of_named_year(text[fig.unit_end :], period, value_type, self.report, text), value_type)
            period, period_kind = counted, period_kind_of(counted) if counted != period and period_kind != "balance" else period_kind
            span = multi_year_of(fig, text, period, value_type, self.report.year)  # "bình quân … 9,1%/năm", a congress's term
            if span is not None:
                (period, value_type), period_kind, indicator = span, "multi_year", None
            if fig.range_high and last_fact is not None and last_fact.basis == "none" and basis != "none" and measure == "ratio_pct":
                last_fact.measure, last_fact.basis = measure, basis  # "đạt từ 30 - 42% KH": the plan said after the high end is both ends'
            last_fact = Fact(fig, measure, basis, value, unit, status, value_type, period, indicator,
                             period_kind, scope, balance, compared, stated_estimate=estimate and value_type == "estimate")
            current.facts.append(last_fact)

            prev_end = phrase_end(text, fig)
        printed_sentence = P.WHITESPACE_RUN.sub(" ", text).strip() if claims else ""
        for claim in claims:
            plans_of_pairs(claim)
            for fact in claim.facts:
                self._emit(sent, number, claim, fact, printed_sentence)
        return claims

    def _new_claim(self, region: str, fig: Figure, measure: str, parent: Claim | None, claims: list[Claim], forced: str | None = None, inherit: Claim | None = None) -> Claim:
        self.claim_counter += 1
        subject_region = region
        if inherit is not None:
            subject_region = inherit.region
        term = None
        if forced:
            code, subject = forced, short_subject(P.LIST_MARKER.sub("", subject_region).split(":")[0])
        else:
            code, subject, term = indicator_of(self.vocab, subject_region, fig, measure, parent)
        if code is None and term is None and inherit is None and not forced:
            code, term = indicator_from_context(self.vocab, self.topic, claims[-1] if claims else None, subject_region, fig, measure, parent)
        if parent is not None and ((parent.indicator is None and parent.term is not None) or (code is not None and code == parent.indicator)):
            code = None  # a part of a subject that is no indicator ("khách ngủ qua đêm …, trong đó khách quốc tế …"), or
            # that names its whole's indicator again ("giải ngân đạt 26% kế hoạch. Trong đó, vốn … ngân sách địa phương giải ngân đạt 20%")
        if inherit is not None and code is None and not forced:
            code, term = (inherit.indicator, inherit.term) if fits(self.vocab, inherit.indicator, fig, measure) else (None, None)
        if inherit is not None:
            subject = inherit.subject
        estimate = bool(P.ESTIMATE_CUE.search(subject_core(subject_region)))
        if inherit is not None:
            estimate = estimate or inherit.estimate
        claim = Claim(self.claim_counter, subject_region, subject or (fig.unit or "") + fig.after, code, estimate, parent, term=term)
        claims.append(claim)
        return claim

    def _emit(self, sent: Sentence, number: int, claim: Claim, fact: Fact, printed_sentence: str) -> None:
        """One fact of a sentence (``printed_sentence``: its text with each run of spaces as one)."""
        fig = fact.figure
        start = sent.offs[fig.start]
        end = sent.offs[fig.end - 1] + 1
        line = bisect.bisect_right(self.line_starts, sent.offs[0])
        family = self.vocab.ancestors(fact.indicator)[-1] if fact.indicator else None
        if family is None and self.economy and fact.scope == "province" and (
                (self._sector_end is not None and self._sector_end <= fig.start) or P.GROWTH_DOCUMENT.search(claim.subject)):
            family = self.economy  # "khu vực nông, lâm nghiệp và thủy sản đạt 18.158,5 tỷ đồng", "quy mô GRDP …" in a GRDP release
        self.families.append((family if family == self.economy else None, fact.stated_estimate))  # see value_type
        self.facts.append(prose_fact(self.report, claim, fact, number, printed_sentence, line, start, end))


# The loader passes this when no source gives the report's date (ingest.report_date):
# figures whose year the text does not print then carry none, rather than a guessed one.
UNDATED = "undated"


def extract_facts(text: str, document: str, report_date: "dt.date | None | str" = None, vocabulary: Vocabulary | None = None,
                  *, report_date_precision: str = "day", document_kind: str | None = None) -> list[ProseFact]:
    """Every figure stated in the prose of a report, as facts (pure; never raises on content).

    ``report_date`` is the report's date (``ingest.report_date``; ``report_date_precision`` 'month'
    when only its month is known), or ``UNDATED`` when no source gives one; without either, the
    year and month are taken from a ``YYYY-MM_`` file name prefix or the first date line of the
    text.  ``document_kind`` (see ``ingest.prose.document``) is read from the title block unless given.
    """
    text = nfc(text)
    if report_date == UNDATED:
        year, month = None, None
    elif report_date is not None:
        year, month = report_date.year, report_date.month
    else:
        year, month = guess_report_month(document, text)
    day = report_date if isinstance(report_date, dt.date) and report_date_precision == "day" else None
    report = report_of(document, text, year, month, day, document_kind)
    return Extractor(report, vocabulary or default_vocabulary()).run()
