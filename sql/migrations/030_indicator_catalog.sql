-- dim_indicator carries the indicator catalog (transforms/data/indicators.csv): each code's kind
-- of measure, kind of unit and the national statistical indicator it corresponds to. An
-- uncatalogued phrase has one row per unit kind and measure, so no indicator_id mixes measures.
ALTER TABLE dim_indicator ADD COLUMN IF NOT EXISTS measure VARCHAR;       -- amount | count | rate | pct_of_plan | growth | index | rank | change
ALTER TABLE dim_indicator ADD COLUMN IF NOT EXISTS unit_kind VARCHAR;     -- transforms.units kind: money | mass | area | percent | count | rate | ...
ALTER TABLE dim_indicator ADD COLUMN IF NOT EXISTS national_ref VARCHAR;  -- Luật Thống kê / QĐ 05/2023 indicator name, where one exists
-- The kind of measure of each fact, decided in transforms/ with its indicator code.
ALTER TABLE fact_indicator_value ADD COLUMN IF NOT EXISTS measure VARCHAR;
