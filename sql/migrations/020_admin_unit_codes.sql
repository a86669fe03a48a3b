-- Reporting units with official (GSO) codes, before and after the July 2025 reorganisation.
-- dim_admin_unit keeps the units documents name and gains the official lists' unit versions
-- (admin_unit_id '<era>:<code>': codes were reused in 2025, so a code alone is no key).

ALTER TABLE dim_admin_unit ADD COLUMN IF NOT EXISTS admin_unit_code VARCHAR;
ALTER TABLE dim_admin_unit ADD COLUMN IF NOT EXISTS official_name VARCHAR;
ALTER TABLE dim_admin_unit ADD COLUMN IF NOT EXISTS tier VARCHAR;          -- commune | district | province
ALTER TABLE dim_admin_unit ADD COLUMN IF NOT EXISTS parent_code VARCHAR;
ALTER TABLE dim_admin_unit ADD COLUMN IF NOT EXISTS province_code VARCHAR;
ALTER TABLE dim_admin_unit ADD COLUMN IF NOT EXISTS era VARCHAR;           -- pre2025 | post2025; NULL: a name only
ALTER TABLE dim_admin_unit ADD COLUMN IF NOT EXISTS valid_from DATE;
ALTER TABLE dim_admin_unit ADD COLUMN IF NOT EXISTS valid_to DATE;
ALTER TABLE dim_admin_unit ADD COLUMN IF NOT EXISTS source VARCHAR;        -- reference list, or 'document'

-- Abbreviations, names without diacritics, former names of the official units.
CREATE TABLE IF NOT EXISTS admin_unit_alias (
    admin_unit_id VARCHAR NOT NULL,
    alias         VARCHAR NOT NULL,
    alias_kind    VARCHAR NOT NULL
);

-- Each pre-2025 unit (commune or province) → its post-2025 successor(s).
CREATE TABLE IF NOT EXISTS admin_unit_crosswalk (
    admin_unit_id     VARCHAR NOT NULL,
    successor_id      VARCHAR NOT NULL,
    is_main_successor BOOLEAN NOT NULL,
    partial           BOOLEAN NOT NULL,
    PRIMARY KEY (admin_unit_id, successor_id)
);

ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS parent_level VARCHAR;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS admin_unit_code VARCHAR;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS province_code VARCHAR;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS admin_unit_code_2025 VARCHAR;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS province_code_2025 VARCHAR;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS province_name_2025 VARCHAR;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS admin_unit_era VARCHAR;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS admin_resolution VARCHAR;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS admin_candidates INTEGER;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS admin_resolution_note VARCHAR;
