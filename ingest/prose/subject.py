"""Stage: subject and indicator.

Where the subject of a figure is written (the last clause before it with words
other than verbs) and which indicator its words name: the nearest alias that
fits the figure's unit, longer first.  Aliases written ``=…`` ("=dịch vụ") must be
the whole subject and apply only inside a breakdown of their parent indicator.
"""

from __future__ import annotations

from functools import lru_cache

from ingest.prose import patterns as P
from ingest.prose.figures import Figure
from ingest.prose.model import Claim, Period
from ingest.prose.periods import cued_periods, not_period_spans
from ingest.prose.sentences import blank, comparison_spans, last_clause, word_list
from ingest.prose.vocabulary import NO_INDICATOR, Vocabulary, count_noun, fold


MONEY = {"vnd", "usd"}
#: The words whose indicator (in the seeds) a growth said with no other subject names (``patterns.BARE_GROWTH``).
GROWTH_OF_THE_ECONOMY = "tăng trưởng kinh tế"


def fits(vocab: Vocabulary, code: str | None, fig: Figure, measure: str) -> bool:
    ind = vocab.indicators.get(code or "")
    if ind is None:
        return False
    if measure != "value" or not fig.unit_class or not ind.unit_class:
        return True
    if fig.unit_class == "pct" or ind.unit_class == "pct":
        return fig.unit_class == ind.unit_class
    if {fig.unit_class, ind.unit_class} <= MONEY:
        return True  # the same amount in another currency ("GRDP bình quân đầu người: 2.670 USD")
    if fig.unit_class == ind.unit_class == "count":
        want = count_noun(ind.unit)
        if not want or fig.unit is None:
            return True
        if any(fig.unit == u.name for u in P.UNITS):
            return count_noun(fig.unit) == want
        return want in fold(fig.unit)
    return fig.unit_class == ind.unit_class


def indicator_of(vocab: Vocabulary, region: str, fig: Figure, measure: str, parent: Claim | None) -> tuple[str | None, str, str | None]:
    """The indicator a subject names (the nearest fitting alias, longer first), the subject as written,
    and the words that named the indicator, as written."""
    clean_region = drop_qualifier_groups(region, keep_acronyms=True)
    if "trưởng" in clean_region:
        clean_region = blank(clean_region, [m.span() for m in P.GROWTH_ROLE.finditer(clean_region)])
    core = subject_core(clean_region)
    after = " " + fig.after if fig.unit_class in ("pct", "pp", "times") else " " + (fig.unit or "") + " " + fig.after
    joined = clean_region + after
    junction = len(clean_region)
    folded = fold(joined)
    folded_core = fold(core)
    parent_chain = set()
    p = parent
    while p is not None and len(parent_chain) < 10:
        parent_chain.update(vocab.ancestors(p.indicator))
        p = p.parent
    candidates: list[tuple[tuple[int, int, int], int, str, int, int]] = []  # (key, alias order, code, start, end)
    whole_spans: dict[int, tuple[int, int]] = {}  # where a whole-subject alias's words are: the subject's core
    for alias in vocab.find_whole(folded_core):
        if parent_chain.intersection(vocab.ancestors(alias.code)[1:]):
            core_start, core_end = core_span(clean_region)
            candidates.append(((0, 0, -alias.length), alias.order, alias.code, len(clean_region) - len(core), len(clean_region)))
            # the alias's words are the last words of the core ("khu vực dịch vụ": "dịch vụ")
            tokens = list(P.WORD.finditer(fold(clean_region[core_start:core_end])))
            n = len(alias.words.split())
            whole_spans[alias.order] = (core_start + tokens[-n].start() if len(tokens) >= n else core_start, core_end)
    chosen: dict[int, tuple[int, int]] = {}  # per alias: its first occurrence reaching the figure, else its last
    aliases = {}
    for found in vocab.find(folded):
        order = found.alias.order
        aliases[order] = found.alias
        if order not in chosen or chosen[order][1] < junction:
            chosen[order] = (found.start, found.end)
    semi = clean_region.rfind(";")
    own_clause = semi >= 0 and bool(residue(clean_region[semi + 1 :]))
    for order, (start, end) in chosen.items():
        alias = aliases[order]
        if own_clause and end <= semi:
            continue  # "…; thứ hai là các ngành dịch vụ … vận tải kho bãi tăng 25,01%": its own clause names its subject
        if end <= junction:
            distance = len(word_list(joined[end:junction]))
        elif start >= junction:
            distance = len(word_list(joined[junction:start]))
            if distance == 0 and fig.unit_class == "pct" and P.SHARE_OF.search(clean_region):
                continue  # "tương đương 26 - 27% GRDP", "chiếm 86,2% tổng dư nợ": the whole it is a share of, not its subject
        else:
            distance = 0
        if distance > P.MAX_ALIAS_DISTANCE:
            continue
        candidates.append(((distance, 0, -alias.length), order, alias.code, start, end))
    best: tuple[tuple[int, int, int], int, str, int, int] | None = None
    # words of an indicator inside a longer subject the seeds name as no indicator name that subject
    # ("quy mô GRDP … đã tăng 38,38%": the size of the economy grew, not the GRDP growth rate)
    wider = [(s, e) for _, _, code, s, e in candidates if code == NO_INDICATOR]
    for key, order, code, start, end in candidates:
        if code != NO_INDICATOR and (not fits(vocab, code, fig, measure)
                                     or any(s <= start and end <= e and e - s > end - start for s, e in wider)):
            continue
        kind = vocab.indicators[code].kind if code != NO_INDICATOR else "level"
        # a growth or a point difference stated alone names a rate, not a level
        kind_penalty = int(measure in ("growth_pct", "pp") and kind not in ("growth_rate", "rate", "increment", "index"))
        ranked = ((key[0], kind_penalty, key[2]), order, code, start, end)
        if best is None or ranked[:2] < best[:2]:
            best = ranked
    core_start, core_end = core_span(clean_region)
    if best is not None and best[3] >= junction:
        # a subject the seeds name as no indicator, written before the figure, is not overridden by
        # the figure's unit ("Tổng lượt khách cơ sở lưu trú … đạt 1.582 nghìn lượt khách")
        named = [c for c in candidates if c[2] == NO_INDICATOR and core_start <= c[3] and c[4] <= core_end]
        if named:
            best = min(named)
    if best is not None and best[2] == NO_INDICATOR:  # a subject the seeds name as no indicator
        return None, short_subject(region[core_start:core_end] if core else fig.after), P.WHITESPACE_RUN.sub(" ", joined[best[3] : best[4]]).strip()
    if best is not None:
        code = best[2]
        for refine_code, rx, refined in vocab.refinements:
            if code == refine_code and (rx.search((fig.unit or "") + " " + fig.after) or rx.search(core[-40:])) and fits(vocab, refined, fig, measure):
                code = refined
                break
        start = best[3]
        term_start, term_end = whole_spans.get(best[1], (start, best[4]))
        term = P.WHITESPACE_RUN.sub(" ", joined[term_start:term_end]).strip()
        if start >= junction:  # named after the figure: "50 doanh nghiệp đăng ký thành lập mới", "32.450 ha lúa"
            return code, short_subject((fig.unit or "") + " " + fig.after if fig.unit_class == "count" else fig.after), term
        if start < core_end:
            chunk = max(region.rfind(",", core_start, start), region.rfind(";", 0, start), core_start - 1) + 1
            return code, short_subject(region[min(chunk, core_start) if start < core_start else chunk : core_end]), term
        return code, short_subject(core or fig.after), term
    chunk = region.rfind(",", core_start, core_end) + 1 if region.rfind(",", core_start, core_end) >= 0 else core_start
    return None, short_subject(region[chunk:core_end] if core else ""), None


def indicator_from_context(vocab: Vocabulary, topic: str | None, before: Claim | None, region: str, fig: Figure, measure: str,
                           parent: Claim | None) -> tuple[str | None, str | None]:
    """The indicator of a subject whose own words name none, from what is said around it: the
    paragraph's lead ("Cây lúa: …; sản lượng đạt 84.718,4 tấn": rice output, by the lead's unit
    refinement), or the figure said just before it ("… 8 triệu lượt; Doanh thu đạt 25.700 tỷ đồng":
    a companion derivation of the seeds).  Returns (code, the words that named it)."""
    if topic:
        code, _, term = indicator_of(vocab, topic + " " + region, fig, measure, parent)
        if code is not None:
            return code, term
        named = {m.alias.code for m in vocab.find(fold(topic))}
        for of, cue, refined in vocab.refinements:
            if of in named and cue.search((fig.unit or "") + " " + fig.after) and fits(vocab, refined, fig, measure):
                return refined, topic.strip()
    if before is not None and before.indicator and before.subject:
        # "chỉ số sản xuất công nghiệp (IIP) tháng 5/2024 tăng 17,32% …, chỉ số 05 tháng tăng 24,64%": the head
        # word(s) of the subject just named, alone, name it again
        head = fold(before.subject).split()
        if head and head[0] in fold(region):
            words = fold(residue(region)).split()
            if 0 < len(words) <= 2 and head[: len(words)] == words and len(head) > len(words) and fits(vocab, before.indicator, fig, measure):
                return before.indicator, before.term
    clause = last_clause(region)
    if fig.unit_class == "pct" and not P.SECTOR_WORD.search(clause):
        if (before is not None and before.indicator is None and before.facts and before.facts[-1].figure.unit_class not in ("pct", "pp")
                and P.GROWTH_NOUN_END.search(clause)):
            # "Khu vực dịch vụ … đạt 18.119,72 tỷ đồng, tiếp tục đà khởi sắc mạnh mẽ với tốc độ tăng trưởng 8,34%": the level's rate
            code, _, term = indicator_of(vocab, before.region, fig, measure, parent)
            if code is not None and vocab.indicators[code].kind == "growth_rate":
                return code, term
        elif P.BARE_GROWTH.search(clause):
            named = max(vocab.find(fold(GROWTH_OF_THE_ECONOMY)), key=lambda m: m.end - m.start, default=None)
            if named is not None and fits(vocab, named.alias.code, fig, measure):  # "Tăng trưởng quý II của tỉnh ước tăng 9,2%"
                return named.alias.code, P.WHITESPACE_RUN.sub(" ", clause).strip(" ,")
    if before is not None:
        core = subject_core(region)
        for of, cue, derived in vocab.companions:
            if before.indicator == of and cue.fullmatch(core) and fits(vocab, derived, fig, measure):
                return derived, before.term  # named as the figure before it was
    return None, None


def final_measure(vocab: Vocabulary, claim: Claim, fig: Figure, measure: str, basis: str, pred: str | None, period: Period) -> tuple[str, str, str | None, bool]:
    measure, basis, code, positive_fall = _final_measure(vocab, claim, fig, measure, basis, pred, period)
    if code is not None and fig.unit_class == "pct" and P.PER_YEAR.match(fig.after):
        code = None  # "bình quân giảm 3,5%/năm": a multi-year average, of no one period's indicator
    return measure, basis, code, positive_fall


def _final_measure(vocab: Vocabulary, claim: Claim, fig: Figure, measure: str, basis: str, pred: str | None, period: Period) -> tuple[str, str, str | None, bool]:
    """What the indicator says about a figure: measure, basis, indicator, and whether "giảm" is its positive sense.

    "GRDP tăng 5,55%" is the value of a growth-rate indicator; "Tổng vốn đầu tư toàn xã hội … tăng
    10,4%" the value of the growth indicator of that level; "Tỷ lệ hộ nghèo giảm 3,1%" the value of
    the reduction indicator of that rate.
    """
    code = claim.indicator
    ind = vocab.indicators.get(code or "")
    if ind is None:
        return measure, basis, code, False
    if measure == "growth_pct" and basis in ("same_period", "prior_year") and ind.code in vocab.growth_of:
        return "value", "none", vocab.growth_of[ind.code], False
    if measure == "value" and pred == "tăng thêm" and basis == "none" and ind.code in vocab.increment_of:
        # "Số xã đạt chuẩn nông thôn mới tăng thêm 7 xã": what a running count adds, its own indicator
        return "value", "none", vocab.increment_of[ind.code], False
    if measure == "growth_pct" and pred and pred.endswith("giảm") and ind.code in vocab.reduction_of:
        return "value", "none", vocab.reduction_of[ind.code], True
    if ind.kind in ("growth_rate", "rate") and measure == "growth_pct" and pred in ("cao hơn", "thấp hơn", "kém"):
        return "pp", basis, code, False  # "cao hơn 2,2% so với mức tăng trưởng năm 2023": two rates' difference
    if ind.kind == "growth_rate" and measure == "growth_pct" and basis == "plan" and pred in ("tăng", "giảm", "vượt"):
        return "pp", basis, code, False  # "GRDP … tăng 0,02% so với kịch bản tăng trưởng": a rate against its planned rate
    if (ind.kind == "growth_rate" and measure == "growth_pct" and basis == "same_period" and pred == "giảm"
            and not fig.range_high and any(f.measure == "value" and f.figure.unit_class == "pct" and f.period == period for f in claim.facts)):
        return "pp", basis, code, False  # "tăng 7,12%, …, giảm 7,63% so với cùng kỳ năm trước": the rate said, then its fall
    if ind.kind == "growth_rate" and measure == "growth_pct" and basis in ("same_period", "prior_year", "none"):
        return "value", "none", code, False
    if (ind.kind == "growth_rate" and measure == "ratio_pct" and basis in ("same_period", "prior_year") and fig.unit_class == "pct"
            and fig.value is not None and fig.value < 50 and pred is not None and pred.endswith("đạt")):
        # "Phấn đấu tăng trưởng GRDP năm 2024 đạt 8,5% so với thực hiện năm 2023", "Tốc độ tăng trưởng kinh tế … ước đạt 8%
        # so cùng kỳ": the rate itself, said with what it grows from (a ratio to it would be near 100)
        return "value", "none", code, False
    if (ind.kind == "growth_rate" and measure == "value" and fig.value is not None and fig.value >= 50 and fig.unit_class == "pct"
            and not (pred or "").startswith("chiếm")):  # (a share: "chiếm 73,07% trong GRDP")
        # "Tốc độ phát triển … đạt 104,23%": an index (100 + growth), not the growth itself
        _, a, b = period
        return "ratio_pct", "prior_year" if (a, b) == (1, 12) else "same_period", code, False
    if ind.kind == "increment" and measure == "value" and pred in ("tăng", "tăng thêm", "giảm") and basis != "plan":
        return "value", "none", code, False
    return measure, basis, code, False


def common_parent(vocab: Vocabulary, claims: list[Claim]) -> str | None:
    codes = [c.indicator for c in claims if c.indicator]
    distinct = list(dict.fromkeys(codes))
    if len(distinct) < 2:
        return None
    chains = [vocab.ancestors(c)[1:] for c in distinct[-3:]]
    for candidate in chains[0]:
        if all(candidate in chain for chain in chains[1:]):
            return candidate
    return None


def drop_qualifier_groups(region: str, keep_acronyms: bool = False) -> str:
    """Balanced parentheses in a subject are qualifiers ("(giá hiện hành)"); blank them.  With
    ``keep_acronyms``, an acronym in parentheses names the subject before it ("tổng sản phẩm trong
    tỉnh (GRDP)") and only its parentheses are blanked."""
    if "(" not in region:
        return region
    chars = list(region)
    stack: list[int] = []
    for i, c in enumerate(region):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            a = stack.pop()
            if not stack:
                if keep_acronyms and P.ACRONYM.fullmatch(region, a + 1, i):
                    chars[a] = chars[i] = " "
                else:
                    chars[a : i + 1] = " " * (i + 1 - a)
    return "".join(chars)


@lru_cache(maxsize=4096)
def core_span(region: str) -> tuple[int, int]:
    """Where the subject sits in a region: the last clause with words other than verbs,
    without its connectives and closing verbs."""
    cuts = [m.end() for m in P.CORE_CUT.finditer(region)]
    for cut in reversed([0] + cuts):
        end_limit = min([c - 1 for c in cuts if c > cut] + [len(region)])
        start = cut
        lead = P.SUBJECT_LEAD.match(region, start)
        if lead:
            start = lead.end()
        tail = P.SUBJECT_TAIL.search(region[:end_limit], start)
        end = tail.start() if tail else end_limit
        if end > start and P.HAS_LETTER.search(region[start:end]):
            return start, end
    return len(region), len(region)


def subject_core(region: str) -> str:
    a, b = core_span(region)
    return region[a:b].strip()


def short_subject(subject: str) -> str:
    subject = P.WHITESPACE_RUN.sub(" ", subject).strip(" ,;:-")
    if len(subject) > 160:
        subject = subject[-160:].split(" ", 1)[-1]
    return subject


#: The comparisons a residue leaves out ("so với kế hoạch", "cùng kỳ").
_RESIDUE_BASES = tuple((rx, P.BASIS_CUES[name]) for name, _, rx in P.BASIS if name in ("plan", "plan_central_budget", "plan_council", "same_period"))


def residue(between: str) -> str:
    """The content words of the text between two figures (what names a new subject)."""
    text = drop_qualifier_groups(between)
    text = blank(text, [(a, b) for a, b, _ in comparison_spans(text)])
    text = blank(text, not_period_spans(text))
    lower = text.lower()
    for name, rx, starts in cued_periods(lower):  # a pattern whose cue is not in the text cannot match
        spans = [(m.start(), m.end()) for m in P.find_anchored(rx, starts, text, lower)]
        if spans:
            text = blank(text, spans)
            lower = text.lower()
    for rx, cues in _RESIDUE_BASES:  # (blanking only takes words away: the cues of the text before it do)
        if any(c in lower for c in cues):
            text = blank(text, [(m.start(), m.end()) for m in rx.finditer(text)])
    text = P.NONCONTENT.sub(" ", text)
    words = [w for w in word_list(text) if not w.isdigit() and len(w) > 1]
    return " ".join(words)


def economy_of(vocab: Vocabulary, title: str) -> str | None:
    """A GRDP document (its title block names GRDP, ``GROWTH_DOCUMENT``): the family of the indicator its title's words
    name; the parts of the economy it names with no code are of that family."""
    growth_words = P.GROWTH_DOCUMENT.search(title)
    growth = [m.alias.code for m in vocab.find(fold(growth_words.group(0)))] if growth_words else []
    return vocab.ancestors(growth[0])[-1] if growth and growth[0] else None


def of_the_economy(vocab: Vocabulary, economy: str | None, claim: Claim, parent: Claim | None) -> bool:
    """A part named with no indicator in a GRDP document is a part of the economy (its value added) unless its own words
    name a subject that is none ("GTSX nông, lâm nghiệp và thuỷ sản … giảm nhẹ (-0,2%)": gross output) or it breaks down
    another indicator ("chỉ số sản xuất công nghiệp (IIP) … tăng 13,44%. Trong đó, ngành chế biến - chế tạo tăng 13,83%")."""
    whole = parent.indicator if parent is not None else None
    # (a term that named the economy's own family, dropped as its whole's again, is no other subject: "(nông nghiệp tăng 1,36%")
    named = [a.code for a in vocab.find_whole(fold(claim.term))] if claim.term is not None and claim.indicator is None else []
    own = bool(named) and all(code and vocab.ancestors(code)[-1] == economy for code in named)
    return (claim.term is None or own) and (whole is None or vocab.ancestors(whole)[-1] == economy)
