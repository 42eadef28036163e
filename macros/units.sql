{#- The row of int_unit_factors that converts a figure in from_unit to to_unit (both as printed:
    folded to lower-case NFC here).  Used in a LEFT join: a pair without a conversion keeps its
    row, and checks.chk_unit_conversions reports it. -#}
{% macro unit_factor_matches(factor, from_unit, to_unit) -%}
    {{ factor }}.from_unit_key = lower(nfc_normalize({{ from_unit }}))
        and {{ factor }}.to_unit_key = lower(nfc_normalize({{ to_unit }}))
{%- endmacro %}
