{#- Interval arithmetic for printed figures.

    A figure printed with d decimals stands for every value that rounds to it:
    57,19 for [57,185; 57,195], 181 for [180,5; 181,5].  The consistency checks
    compute with these intervals and flag a figure only when no value of its
    interval can meet what its operands allow.  Intervals are closed (the
    lenient side); `eps` only absorbs floating-point noise in the division,
    it is not a tolerance. -#}

{% macro half_unit(decimals) -%}
    (0.5 / power(10, coalesce({{ decimals }}, 0)))::double
{%- endmacro %}

{% macro interval_lo(value, decimals) -%}
    ({{ value }}::double - {{ half_unit(decimals) }})
{%- endmacro %}

{% macro interval_hi(value, decimals) -%}
    ({{ value }}::double + {{ half_unit(decimals) }})
{%- endmacro %}

{#- [a_lo, a_hi] / [b_lo, b_hi]: the extremes are among the four corner quotients
    when the divisor's interval excludes zero; null (unbounded) when it contains zero. -#}
{% macro interval_div_lo(a_lo, a_hi, b_lo, b_hi) -%}
    (case when ({{ b_lo }}) > 0 or ({{ b_hi }}) < 0 then
        least(({{ a_lo }}) / ({{ b_lo }}), ({{ a_lo }}) / ({{ b_hi }}), ({{ a_hi }}) / ({{ b_lo }}), ({{ a_hi }}) / ({{ b_hi }}))
    end)
{%- endmacro %}

{% macro interval_div_hi(a_lo, a_hi, b_lo, b_hi) -%}
    (case when ({{ b_lo }}) > 0 or ({{ b_hi }}) < 0 then
        greatest(({{ a_lo }}) / ({{ b_lo }}), ({{ a_lo }}) / ({{ b_hi }}), ({{ a_hi }}) / ({{ b_lo }}), ({{ a_hi }}) / ({{ b_hi }}))
    end)
{%- endmacro %}

{#- Floating-point slack for comparing interval ends: 1e-9 relative. -#}
{% macro eps(value) -%}
    (1e-9 * greatest(1, abs(({{ value }}))))
{%- endmacro %}

{#- Two closed intervals share a value. -#}
{% macro intervals_meet(a_lo, a_hi, b_lo, b_hi) -%}
    (({{ a_lo }}) <= ({{ b_hi }}) + {{ eps(b_hi) }} and ({{ b_lo }}) <= ({{ a_hi }}) + {{ eps(a_hi) }})
{%- endmacro %}

{#- A number written the Vietnamese way ('.' groups thousands, ',' decimal mark). -#}
{% macro vn_number(value, decimals) -%}
    replace(replace(replace(format('{:,.{}f}', ({{ value }})::double, ({{ decimals }})::integer), ',', '#'), '.', ','), '#', '.')
{%- endmacro %}

{#- An interval written the Vietnamese way, e.g. '114,93–115,24'. -#}
{% macro vn_interval(lo, hi, decimals) -%}
    ({{ vn_number(lo, decimals) }} || '–' || {{ vn_number(hi, decimals) }})
{%- endmacro %}

{#- A unit folded for comparison: the name key, with y and i taken as one letter (bác sỹ / bác sĩ). -#}
{% macro unit_key(column) -%}
    replace({{ name_key(column) }}, 'y', 'i')
{%- endmacro %}

{#- The appendix column a figure comes from, as a planning officer names it (seeds/column_roles.csv). -#}
{% macro figure_vi(column) -%}
    (case {{ column }}
        {%- for r in column_roles() %}
        when '{{ r.column_role }}' then '{{ r.label_vi }}'
        {%- endfor %}
    end)
{%- endmacro %}

{% macro figure_en(column) -%}
    (case {{ column }}
        {%- for r in column_roles() %}
        when '{{ r.column_role }}' then '{{ r.label_en }}'
        {%- endfor %}
    end)
{%- endmacro %}
