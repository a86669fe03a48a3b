-- Full-text search macros (warehouse/search.py builds the indexes first, then runs this).
-- Callable from any connection that has LOADed the fts extension file: see README.md.

-- Facts whose quote holds every word of the query, best match first.
CREATE OR REPLACE MACRO search_facts(query_text) AS TABLE
SELECT f.source_file, f.indicator_text, f.value, f.unit, f.quote, s.score,
       f.document_id, f.fact_index, f.validation_status
FROM (
    SELECT document_id, fact_index,
           fts_main_search_fact.match_bm25(fact_key, nfc_normalize(query_text), conjunctive := 1) AS score
    FROM search_fact
) AS s
JOIN v_facts AS f USING (document_id, fact_index)
WHERE s.score IS NOT NULL
ORDER BY s.score DESC, f.source_file, f.fact_index;

-- Reports whose text holds every word of the query, best match first.
CREATE OR REPLACE MACRO search_documents(query_text) AS TABLE
SELECT d.source_file, d.title, d.admin_level, d.locality, d.period_label, d.fact_count, s.score,
       d.document_id
FROM (
    SELECT document_id,
           fts_main_document_text.match_bm25(document_id, nfc_normalize(query_text), conjunctive := 1) AS score
    FROM document_text
) AS s
JOIN v_documents AS d USING (document_id)
WHERE s.score IS NOT NULL AND d.duplicate_of IS NULL
ORDER BY s.score DESC, d.source_file;
