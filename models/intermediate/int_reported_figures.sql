-- Figures stated in prose joined to their document and matched to the catalog at build time.
--
-- Ingest keeps what the document says: the subject as written, and the words in it that named an
-- indicator (subject_term). Here those words are looked up in the seeds (int_prose_subject_terms,
-- keyed by the name_key macro, the normalisation the appendix's row names use): editing an alias's
-- code, removing an alias or naming an unmatched subject in a seed changes these figures at the
-- next `ktxh build`. Where the seeds give the words several indicators (a level and its growth, a
-- sector under GRDP growth and under another parent), the extractor's reading of the sentence
-- (the raw indicator_code) picks among them. A figure about the nation or the world (scope) is
-- coded to no provincial indicator. The checks read this model, so they do not depend on a mart.
-- A province's rows depend on its own documents only: incremental by province (macros/incremental.sql).
{{ config(materialized='incremental', incremental_strategy='append', pre_hook="{{ delete_build_scope() }}") }}
with

batches as (
    select * from {{ ref('stg_raw__load_batches') }}
    where {{ in_build_scope() }}
),

facts as (
    select * from {{ ref('stg_raw__prose_facts') }}
    semi join batches using (batch_id)
),

indicators as (
    select * from {{ ref('stg_catalog__indicators') }}
),

terms as (
    select * from {{ ref('int_prose_subject_terms') }}
),

keyed as (
    select
        *,
        {{ name_key('coalesce(subject_term, subject)') }} as lookup_key
    from facts
),

candidates as (
    select
        keyed.batch_id,
        keyed.fact_no,
        count(*) as names_found,
        bool_or(terms.indicator_code is not distinct from keyed.read_indicator_code) as reading_among,
        count(distinct terms.indicator_code) filter (where terms.term_source <> 'prose_indicator_derivations') as codes_found,
        count(*) filter (where terms.indicator_code is null) as no_indicator_names,
        min(terms.indicator_code) filter (where terms.term_source <> 'prose_indicator_derivations') as only_code
    from keyed
    inner join terms on terms.term_key = keyed.lookup_key
    group by keyed.batch_id, keyed.fact_no
),

matched as (
    select
        keyed.*,
        case
            when keyed.scope <> 'province' then null
            -- the words are no longer in any seed: no indicator
            when candidates.names_found is null and keyed.subject_term is not null then null
            -- nothing named it and the seeds do not know the subject: the extractor's reading
            -- (a summary of several claims, a claim carried over)
            when candidates.names_found is null then keyed.read_indicator_code
            when candidates.reading_among then keyed.read_indicator_code
            when candidates.codes_found = 1 and candidates.no_indicator_names = 0 then candidates.only_code
            else null
        end as indicator_code
    from keyed
    left join candidates using (batch_id, fact_no)
),

final as (
    select
        batches.area_code,
        batches.document,
        matched.fact_no,
        matched.sentence_no,
        matched.sentence,
        matched.line,
        matched.span_start,
        matched.span_end,
        matched.claim_no,
        matched.subject,
        matched.indicator_code,
        indicators.indicator_name,
        coalesce(indicators.in_appendix, false) as in_appendix,
        matched.period_year,
        matched.month_from,
        matched.month_to,
        matched.printed,
        matched.value,
        matched.decimals,
        matched.unit,
        matched.value_type,
        matched.basis,
        matched.measure,
        matched.status,
        matched.batch_id,
        matched.period_kind,
        matched.scope,
        matched.balance_date,
        matched.compared_date,
        matched.document_kind,
        matched.subject_term,
        matched.read_indicator_code
    from matched
    inner join batches using (batch_id)
    left join indicators using (indicator_code)
)

select * from final
