-- The unit's kind travels with each fact from the parse stage (transforms.units.unit_info),
-- beside value_base and unit_base.
ALTER TABLE fact_indicator_value ADD COLUMN IF NOT EXISTS unit_kind VARCHAR;
