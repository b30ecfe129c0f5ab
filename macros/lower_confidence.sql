{#- "The lower of A and B" on the confidence scale (seed confidence_scale); empty when
    either is empty. -#}
{% macro lower_confidence(confidence_a, confidence_b) -%}
    case
        when {{ confidence_a }} is null or {{ confidence_b }} is null then null
        when
            (select scale.confidence_rank from {{ ref('confidence_scale') }} as scale
                where scale.confidence = {{ confidence_a }})
            <= (select scale.confidence_rank from {{ ref('confidence_scale') }} as scale
                where scale.confidence = {{ confidence_b }})
            then {{ confidence_a }}
        else {{ confidence_b }}
    end
{%- endmacro %}
