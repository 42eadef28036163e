-- One row per figure stated in the prose of a report, as printed, with where it stands.
-- incremental by province: an incremental build recomputes the provinces of stg_build_state__scope (macros/incremental.sql)
{{ config(materialized='incremental', incremental_strategy='append', pre_hook="{{ delete_build_scope() }}") }}
select * from {{ ref('int_reported_figures') }}
where {{ in_build_scope() }}
