-- Every name a measure is known by (its catalog name and the variants met in documents),
-- reduced to one row per catalog set and matching key.
with

catalog as (
    select measure_code, name_vi as name_variant from {{ ref('indicator_catalog') }}
),

sets as (
    select measure_code, catalog_set from {{ ref('indicator_catalog') }}
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
        sets.catalog_set,
        {{ name_key('unioned.name_variant') }} as name_key,
        unioned.measure_code,
        min(unioned.name_variant) as name_variant
    from unioned
    inner join sets using (measure_code)
    group by all
)

select * from keyed
