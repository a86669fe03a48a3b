-- The contract views (../shared/CONTRACT.md). Recreated on every load.

-- The file a document's facts are attributed to: of the current files holding the same
-- bytes, the one seen first (status 'loaded'); the others are 'duplicate' of it.
CREATE OR REPLACE VIEW v_document_source AS
SELECT document_id, min(path) AS path, arg_min(source_file, path) AS source_file
FROM landing_file
WHERE status = 'loaded'
GROUP BY document_id;

CREATE OR REPLACE VIEW v_facts AS
SELECT
    s.source_file,
    f.document_id,
    f.fact_index,
    f.indicator_text,
    i.indicator_code,
    i.indicator_name,
    f.value,
    f.value_text,
    f.unit,
    f.value_base,
    f.unit_base,
    u.unit_kind,
    f.approx,
    f.target_value,
    f.target_kind,
    f.pct_target,
    f.pct_same_period,
    f.change_direction,
    f.change_amount,
    f.change_unit,
    f.change_vs,
    f.quote,
    f.char_start,
    f.char_end,
    f.section_path,
    f.domain,
    f.footnote,
    f.part_of,
    p.period_year,
    p.period_kind,
    p.period_index,
    p.period_label,
    -- The unit as the report names it; its official codes (GSO, zero-padded) on the report's
    -- date and in the post-July-2025 list (NULL when unresolved; see dim_document.admin_resolution).
    d.admin_level,
    d.locality,
    d.parent_locality,
    d.admin_unit_code,
    d.province_code,
    d.admin_unit_code_2025,
    d.province_code_2025,
    d.province_name_2025,
    d.issuer,
    f.validation_status
FROM fact_indicator_value AS f
JOIN v_document_source AS s USING (document_id)
JOIN dim_document AS d USING (document_id)
LEFT JOIN dim_period AS p ON p.period_id = f.period_id
LEFT JOIN dim_indicator AS i ON i.indicator_id = f.indicator_id
LEFT JOIN dim_unit AS u ON u.unit = f.unit;

CREATE OR REPLACE VIEW v_documents AS
SELECT
    l.source_file,
    d.document_id,
    d.title,
    d.issuer,
    d.admin_level,
    d.locality,
    d.parent_locality,
    d.doc_number,
    d.issued_date,
    d.period_year,
    d.period_kind,
    d.period_index,
    d.period_label,
    d.signer,
    d.signer_title,
    d.admin_unit_code,
    d.province_code,
    d.admin_unit_code_2025,
    d.province_code_2025,
    d.province_name_2025,
    d.admin_unit_era,
    d.admin_resolution,
    d.admin_candidates,
    d.admin_resolution_note,
    CAST(coalesce(c.fact_count, 0) AS INTEGER) AS fact_count,
    l.duplicate_of,
    l.path,
    d.source_format,
    d.validation_status
FROM landing_file AS l
JOIN dim_document AS d USING (document_id)
LEFT JOIN (
    SELECT document_id, count(*) AS fact_count FROM fact_indicator_value GROUP BY document_id
) AS c USING (document_id)
WHERE l.status IN ('loaded', 'duplicate');

-- Files the pipeline could not read, with the reason: the quarantine. A file that held a
-- document and could not be read this time (unreadable, changed_during_run) is here too, while
-- its document stays loaded from its last good read.
CREATE OR REPLACE VIEW v_rejected_files AS
SELECT path, source_file, error_reason, error, size_bytes, first_seen, last_seen
FROM landing_file
WHERE status = 'rejected' OR (status IN ('loaded', 'duplicate') AND error_reason IS NOT NULL);

-- Facts that failed a check, with every reason.
CREATE OR REPLACE VIEW v_fact_failures AS
SELECT s.source_file, v.document_id, v.fact_index, f.indicator_text, f.value, f.unit,
       f.target_value, f.pct_target, v.expectation, v.observed, v.expected, v.tolerance,
       v.severity, f.quote
FROM validation_failure AS v
LEFT JOIN fact_indicator_value AS f USING (document_id, fact_index)
LEFT JOIN v_document_source AS s USING (document_id)
WHERE v.suite IN ('facts', 'cross_report');

-- The facts checks across reports compare (warehouse/cross_report.py): those with a known
-- reporting unit, indicator code, period and value, that are a level (not a change stated
-- alone) and printed as a figure or an estimate (not a bound such as "trên 100").
-- `unit_key` is the one place a reporting unit is keyed for those checks: the official unit
-- version ("pre2025:19870") when the document's unit was resolved, else a hash of its written
-- level, name and parent (warehouse/dimensions.py).
CREATE OR REPLACE VIEW v_cross_report_basis AS
SELECT
    f.document_id,
    f.fact_index,
    d.admin_unit_id AS unit_key,
    i.indicator_code,
    f.unit_base,
    f.unit,
    u.unit_kind,
    u.factor,
    p.period_year,
    p.period_kind,
    coalesce(p.period_index, 0) AS period_index,
    d.issuer,
    d.issued_date,
    f.value,
    f.value_base,
    f.approx,
    f.pct_same_period,
    f.change_direction,
    f.change_amount,
    f.change_unit,
    f.change_vs,
    f.part_of
FROM fact_indicator_value AS f
JOIN dim_document AS d USING (document_id)
JOIN dim_period AS p ON p.period_id = f.period_id
JOIN dim_indicator AS i ON i.indicator_id = f.indicator_id
JOIN dim_unit AS u ON u.unit = f.unit
WHERE d.admin_unit_id IS NOT NULL
  AND i.indicator_code IS NOT NULL
  AND f.value IS NOT NULL
  AND f.value_base IS NOT NULL
  AND (f.approx IS NULL OR f.approx = 'ước')
  AND NOT (f.change_direction IS NOT NULL AND f.value IS NOT DISTINCT FROM f.change_amount);

-- Checks across reports, with both facts' files and quotes.
CREATE OR REPLACE VIEW v_cross_report_checks AS
SELECT
    c.check_kind,
    c.claim,
    c.verdict,
    c.document_id,
    s.source_file,
    c.fact_index,
    c.indicator_code,
    f.indicator_text,
    c.value,
    f.unit,
    c.stated,
    c.stated_unit,
    c.computed,
    c.tolerance,
    c.earlier_document_id,
    es.source_file AS earlier_source_file,
    c.earlier_fact_index,
    c.earlier_value,
    e.unit AS earlier_unit,
    d.issuer,
    ed.issuer AS earlier_issuer,
    d.issued_date,
    ed.issued_date AS earlier_issued_date,
    d.period_label,
    ed.period_label AS earlier_period_label,
    d.admin_level,
    d.locality,
    c.unit_key,
    f.quote,
    e.quote AS earlier_quote
FROM cross_report_check AS c
JOIN fact_indicator_value AS f USING (document_id, fact_index)
JOIN dim_document AS d USING (document_id)
LEFT JOIN v_document_source AS s USING (document_id)
LEFT JOIN fact_indicator_value AS e
    ON e.document_id = c.earlier_document_id AND e.fact_index = c.earlier_fact_index
LEFT JOIN dim_document AS ed ON ed.document_id = c.earlier_document_id
LEFT JOIN v_document_source AS es ON es.document_id = c.earlier_document_id;

-- Why a number was not read: every skipped number with its reason and a few words around it.
CREATE OR REPLACE VIEW v_skipped_numbers AS
SELECT
    s.source_file,
    k.document_id,
    k.char_start,
    k.char_end,
    k.text,
    k.reason,
    substr(t.text, greatest(k.char_start - 39, 1), least(k.char_start, 40) + (k.char_end - k.char_start) + 40)
        AS context
FROM skipped_number AS k
JOIN v_document_source AS s USING (document_id)
LEFT JOIN document_text AS t USING (document_id);

-- Catalogued indicators as series an analyst can group by: one row per fact whose indicator
-- code is in the catalog (dim_indicator), with the reporting unit, the period's dates and the
-- fact's value against plan and the same period. One code is one measure in one kind of unit,
-- so values of a code can be compared and (in unit_base) added up across units and periods.
CREATE OR REPLACE VIEW v_indicator_series AS
SELECT
    i.indicator_code,
    i.indicator_name,
    i.measure,
    i.domain AS indicator_domain,
    i.national_ref,
    v.admin_level,
    v.locality,
    v.parent_locality,
    -- Official unit codes on the report's date and in the post-July-2025 list.
    v.admin_unit_code,
    v.province_code,
    v.admin_unit_code_2025,
    v.province_code_2025,
    v.province_name_2025,
    p.period_id,
    v.period_year,
    v.period_kind,
    v.period_index,
    v.period_label,
    p.start_date,
    p.end_date,
    v.value,
    v.unit,
    v.value_base,
    v.unit_base,
    i.unit_kind,
    v.approx,
    v.target_value,
    v.target_kind,
    v.pct_target,
    v.pct_same_period,
    v.change_direction,
    v.change_amount,
    v.change_unit,
    v.validation_status,
    v.document_id,
    v.source_file,
    v.issuer,
    v.fact_index,
    v.indicator_text,
    v.quote
FROM v_facts AS v
JOIN fact_indicator_value AS f USING (document_id, fact_index)
JOIN dim_indicator AS i ON i.indicator_id = f.indicator_id AND i.indicator_code IS NOT NULL
LEFT JOIN dim_period AS p ON p.period_id = f.period_id;
