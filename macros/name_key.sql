{#- A key for matching indicator names across documents: NFC, lower case, without
    diacritics (đ -> d), a leading "Trong đó:" (or "Tr.đó:") dropped, punctuation and spaces folded.
    Written the same way on both sides of a join, so NFC/NFD and spacing never matter. -#}
{% macro name_key(column) -%}
    trim(regexp_replace(
        regexp_replace(
            replace(strip_accents(lower(nfc_normalize({{ column }}))), 'đ', 'd'),
            '^\s*(trong do|tr\.?\s*do)\s*:?\s*', ''),
        '[^a-z0-9%]+', ' ', 'g'))
{%- endmacro %}
