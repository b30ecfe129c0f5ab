-- Table 3 Summary of global mining emissions (activity and emissions in t, five years to the year chosen)
select
    cast(year as varchar) as "Year",
    sum(case when mineral = 'copper' then activity_t end) as "Copper activity (t)",
    sum(case when mineral = 'copper' then co2_t end) as "Copper emissions (t)",
    sum(case when mineral = 'iron' then activity_t end) as "Iron ore activity (t)",
    sum(case when mineral = 'iron' then co2_t end) as "Iron ore emissions (t)",
    sum(case when mineral = 'bauxite' then activity_t end) as "Bauxite activity (t)",
    sum(case when mineral = 'bauxite' then co2_t end) as "Bauxite emissions (t)",
    sum(co2_t) as "Total emissions (t)"
from marts.fct_global_summary
where year between $year - 4 and $year
group by year
order by year
