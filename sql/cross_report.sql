-- Checks across reports, rebuilt from the whole warehouse (warehouse/cross_report.py runs
-- this inside every load, after the run's changes are applied). Needs the table
-- `change_baseline(change_vs, period_year, baseline_year)`: which earlier year's same
-- period each stated change is measured against (transforms/baselines.py).

-- One unit in the last digit a number was printed with: 0.1 for 104.6, 1 for 6912.
-- (Trailing zeros are lost in parsing: "61,0" counts as 61, a wider tolerance, never a narrower one.)
CREATE OR REPLACE TEMP MACRO last_digit(x) AS
    CASE WHEN x = round(x, 0) THEN 1.0 WHEN x = round(x, 1) THEN 0.1 WHEN x = round(x, 2) THEN 0.01
         WHEN x = round(x, 3) THEN 0.001 ELSE 0.0001 END;

-- (Temporary tables, not views: every statement below reads them, and computing them once
-- halves the step's time.)
-- Each fact with how far its printed value may lie from the true one, in the base unit:
-- half a unit in its last digit ("5.480 tấn" is 5.479,5–5.480,5), nothing for a whole
-- count stated without a hedge ("214 đảng viên" are counted, not rounded).
CREATE OR REPLACE TEMP TABLE cross_report_facts AS
SELECT *,
    CASE WHEN unit_kind = 'count' AND approx IS NULL AND value = round(value, 0) THEN 0.0
         ELSE 0.5 * last_digit(value) * factor END AS rounding
FROM v_cross_report_basis;

-- A report's figure for an indicator: when one report states the same indicator and
-- measure twice, its first statement that is not a part of a total.
CREATE OR REPLACE TEMP TABLE cross_report_figure AS
SELECT * FROM cross_report_facts
QUALIFY row_number() OVER (
    PARTITION BY document_id, indicator_code, unit_base ORDER BY part_of IS NOT NULL, fact_index
) = 1;

DELETE FROM cross_report_check;
DELETE FROM validation_failure WHERE suite = 'cross_report';

-- Same period, an earlier year: "bằng 104,6% cùng kỳ", "tăng 8% so với cùng kỳ",
-- "giảm 9,3 tấn so với năm 2020" against the same unit's figure for that period.
INSERT INTO cross_report_check BY NAME
WITH claims AS (
    SELECT f.*, 'pct_same_period' AS claim, f.pct_same_period AS stated, '%' AS stated_unit,
           1.0 AS stated_factor, f.period_year - 1 AS baseline_year
    FROM cross_report_facts AS f
    WHERE f.pct_same_period IS NOT NULL
    UNION ALL BY NAME
    SELECT f.*,
           -- a rate's change in % is in points (its own unit); any other value's, relative
           CASE WHEN f.change_unit = '%' AND f.unit_base <> '%' THEN 'change_pct' ELSE 'change_amount' END AS claim,
           CASE WHEN f.change_direction = 'giảm' THEN -f.change_amount ELSE f.change_amount END AS stated,
           f.change_unit AS stated_unit,
           CASE WHEN f.change_unit = '%' AND f.unit_base <> '%' THEN 1.0
                WHEN f.change_unit = f.unit THEN f.factor ELSE cu.factor END AS stated_factor,
           b.baseline_year
    FROM cross_report_facts AS f
    JOIN change_baseline AS b ON b.change_vs = f.change_vs AND b.period_year = f.period_year
    LEFT JOIN dim_unit AS cu ON cu.unit = f.change_unit AND cu.unit_base = f.unit_base
    WHERE f.change_amount IS NOT NULL AND b.baseline_year IS NOT NULL
),
subject AS (
    SELECT * FROM claims
    WHERE stated_factor IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY document_id, indicator_code, unit_base, claim ORDER BY part_of IS NOT NULL, fact_index
    ) = 1
),
matched AS (
    -- the earlier figure: the same issuer's if there is one, else the latest report's
    SELECT s.*, e.document_id AS earlier_document_id, e.fact_index AS earlier_fact_index,
           e.value AS earlier_value, e.value_base AS earlier_base, e.rounding AS earlier_rounding
    FROM subject AS s
    LEFT JOIN cross_report_figure AS e
        ON e.unit_key = s.unit_key AND e.indicator_code = s.indicator_code AND e.unit_base = s.unit_base
       AND e.period_kind = s.period_kind AND e.period_index = s.period_index
       AND e.period_year = s.baseline_year
    QUALIFY row_number() OVER (
        PARTITION BY s.document_id, s.fact_index, s.claim
        ORDER BY (e.issuer IS NOT DISTINCT FROM s.issuer) DESC, e.issued_date DESC NULLS LAST, e.document_id
    ) = 1
),
computed AS (
    SELECT *,
        -- (no ratio to a zero: the figures cannot give the stated %, a failure)
        CASE claim WHEN 'pct_same_period' THEN 100 * value_base / nullif(earlier_base, 0)
                   WHEN 'change_pct' THEN 100 * (value_base / nullif(earlier_base, 0) - 1)
                   ELSE (value_base - earlier_base) / stated_factor END AS computed,
        -- one unit in the stated figure's last digit (reports round or cut; a change between
        -- two exact counts is exact too), plus what the rounding of both values can move
        -- the computed figure by
        CASE WHEN claim = 'change_amount' AND rounding = 0 AND earlier_rounding = 0
                  AND stated = round(stated, 0) THEN 0.0
             ELSE last_digit(abs(stated)) END + CASE claim
            WHEN 'change_amount' THEN (rounding + earlier_rounding) / stated_factor
            ELSE 100 * (rounding / abs(nullif(earlier_base, 0))
                        + abs(value_base) * earlier_rounding / (earlier_base * earlier_base)) END
            AS tolerance
    FROM matched
)
SELECT 'same_period' AS check_kind, claim, document_id, fact_index, unit_key, indicator_code, unit_base,
       value, stated, stated_unit, earlier_document_id, earlier_fact_index, earlier_value,
       computed, tolerance,
       CASE WHEN earlier_document_id IS NULL THEN 'no_earlier_fact'
            WHEN abs(stated - computed) <= tolerance + 1e-9 THEN 'pass' ELSE 'fail' END AS verdict
FROM computed;

-- Two reports of one unit and period stating the same indicator: the later one is the
-- subject. Different issuers must agree within rounding; a different figure that follows
-- an estimate ("ước"), or comes from the same issuer, is a revision.
INSERT INTO cross_report_check BY NAME
WITH pairs AS (
    SELECT a.*, b.document_id AS earlier_document_id, b.fact_index AS earlier_fact_index,
           b.value AS earlier_value, b.value_base AS earlier_base, b.rounding AS earlier_rounding,
           b.approx AS earlier_approx, b.issuer AS earlier_issuer,
           -- equal, or apart by less than the rounding of both (float noise aside)
           abs(a.value_base - b.value_base) <= 1e-9 * greatest(abs(a.value_base), 1)
           OR abs(a.value_base - b.value_base)
              < a.rounding + b.rounding - 1e-9 * greatest(abs(a.value_base), 1) AS agree
    FROM cross_report_figure AS a
    JOIN cross_report_figure AS b
        ON b.unit_key = a.unit_key AND b.indicator_code = a.indicator_code AND b.unit_base = a.unit_base
       AND b.period_year = a.period_year AND b.period_kind = a.period_kind
       AND b.period_index = a.period_index
       AND (coalesce(b.issued_date, DATE '0001-01-01') < coalesce(a.issued_date, DATE '0001-01-01')
            OR (b.issued_date IS NOT DISTINCT FROM a.issued_date AND b.document_id < a.document_id))
),
judged AS (
    SELECT *,
        CASE WHEN coalesce(issuer <> earlier_issuer, false)
                  AND (agree OR earlier_approx IS DISTINCT FROM 'ước') THEN 'issuer_agreement'
             WHEN NOT agree THEN 'revision' END AS check_kind
    FROM pairs
)
SELECT check_kind, 'value' AS claim, document_id, fact_index, unit_key, indicator_code, unit_base,
       value, earlier_document_id, earlier_fact_index, earlier_value,
       (value_base - earlier_base) / factor AS computed,
       (rounding + earlier_rounding) / factor AS tolerance,
       CASE WHEN check_kind = 'revision' THEN 'revised' WHEN agree THEN 'pass' ELSE 'fail' END AS verdict
FROM judged
WHERE check_kind IS NOT NULL;

-- Failed checks as validation failures (warnings: the reports disagree, nothing is
-- dropped), so v_fact_failures lists them beside each report's own contradictions.
INSERT INTO validation_failure BY NAME
SELECT c.document_id, c.fact_index, 'cross_report' AS suite,
       CASE c.check_kind WHEN 'same_period' THEN c.claim || '_agrees_with_earlier_report'
                         ELSE 'value_agrees_with_other_issuer' END AS expectation,
       CASE c.check_kind
           WHEN 'same_period' THEN 'stated ' || c.stated || ', computed ' || round(c.computed, 3)
                                   || ' from ' || c.earlier_value || ' in ' || coalesce(s.source_file, c.earlier_document_id)
           ELSE c.value || ' against ' || c.earlier_value || ' in ' || coalesce(s.source_file, c.earlier_document_id)
       END AS observed,
       CASE c.check_kind WHEN 'same_period' THEN '|stated − computed| ≤ tolerance'
                         ELSE '|difference| < tolerance (rounding of both)' END AS expected,
       c.tolerance,
       'warn' AS severity
FROM cross_report_check AS c
LEFT JOIN v_document_source AS s ON s.document_id = c.earlier_document_id
WHERE c.verdict = 'fail';

DROP TABLE cross_report_figure;
DROP TABLE cross_report_facts;
