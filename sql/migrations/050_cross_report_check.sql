-- Checks across reports (warehouse/cross_report.py): rebuilt from the whole warehouse on
-- every load, so the order reports arrive in does not matter and a removed report takes
-- the verdicts that depended on it away. One row per check: the subject fact (the later
-- report's) and the earlier fact it was compared with.
CREATE TABLE IF NOT EXISTS cross_report_check (
    check_kind           VARCHAR NOT NULL,  -- same_period | issuer_agreement | revision
    claim                VARCHAR,           -- pct_same_period | change_pct | change_amount | value
    document_id          VARCHAR NOT NULL,
    fact_index           INTEGER NOT NULL,
    unit_key             VARCHAR,           -- the reporting unit both facts belong to
    indicator_code       VARCHAR,
    unit_base            VARCHAR,
    value                DOUBLE,            -- the subject's value, in its unit as written
    stated               DOUBLE,            -- the stated % of the same period or change (signed)
    stated_unit          VARCHAR,
    earlier_document_id  VARCHAR,
    earlier_fact_index   INTEGER,
    earlier_value        DOUBLE,            -- in the earlier fact's unit as written
    computed             DOUBLE,            -- the stated figure computed from both values
    tolerance            DOUBLE,            -- allowed |stated − computed| (or |difference|)
    verdict              VARCHAR NOT NULL   -- pass | fail | no_earlier_fact | revised
);
