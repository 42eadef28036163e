-- One row per figure stated in the prose of a report, as printed, with where it stands.
select * from {{ ref('int_reported_figures') }}
