-- Every name a measure is known by (its catalog name and the variants met in documents),
-- reduced to one row per matching key.
with

catalog as (
    select measure_code, name_vi as name_variant from {{ ref('indicator_catalog') }}
),

variants as (
    select measure_code, name_variant from {{ ref('measure_name_variants') }}
),

unioned as (
    select * from catalog
    union
    select * from variants
),

keyed as (
    select
        {{ name_key('name_variant') }} as name_key,
        measure_code,
        min(name_variant) as name_variant
    from unioned
    group by all
)

select * from keyed
