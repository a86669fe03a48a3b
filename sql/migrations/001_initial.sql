-- The warehouse's tables. Star schema in `main`: dimensions dim_*, one fact table,
-- plus the bookkeeping tables the pipeline needs (landing files, validation results).
-- Every statement is idempotent so the same file creates a new warehouse or
-- upgrades an existing one.

CREATE TABLE IF NOT EXISTS dim_period (
    period_id    VARCHAR PRIMARY KEY,   -- '2024', '2024-H1', '2024-Q3', '2024-M09'
    period_year  INTEGER NOT NULL,
    period_kind  VARCHAR NOT NULL,      -- year | half | quarter | months
    period_index INTEGER,               -- half 1-2, quarter 1-4, months to date; NULL for a year
    period_label VARCHAR,
    start_date   DATE NOT NULL,
    end_date     DATE NOT NULL
);

CREATE TABLE IF NOT EXISTS dim_admin_unit (
    admin_unit_id        VARCHAR PRIMARY KEY,  -- hash of level, name and parent name
    admin_level          VARCHAR,              -- xã | phường | thị trấn | huyện | thị xã | thành phố | tỉnh
    locality             VARCHAR,
    parent_locality      VARCHAR,
    parent_admin_unit_id VARCHAR               -- the parent's row when the warehouse knows it
);

CREATE TABLE IF NOT EXISTS dim_unit (
    unit      VARCHAR PRIMARY KEY,  -- as written, lower case: 'tỷ đồng', 'ha', 'hộ'
    unit_kind VARCHAR NOT NULL,     -- money | mass | area | length | percent | count | rate | ...
    factor    DOUBLE NOT NULL,      -- value_base = value * factor
    unit_base VARCHAR NOT NULL,     -- đồng, kg, m2, m, %, or the counted noun
    is_common BOOLEAN               -- a measure, or a counted noun reports commonly use
);

CREATE TABLE IF NOT EXISTS dim_indicator (
    indicator_id   VARCHAR PRIMARY KEY,  -- the code for known indicators, else 'raw:' || hash of the phrase
    indicator_code VARCHAR,              -- NULL for phrases that match no known indicator
    indicator_name VARCHAR NOT NULL,     -- canonical name, or the raw phrase
    domain         VARCHAR
);

CREATE TABLE IF NOT EXISTS dim_document (
    document_id     VARCHAR PRIMARY KEY,  -- sha256 of the file's bytes, 16 hex digits
    title           VARCHAR,
    issuer          VARCHAR,
    admin_level     VARCHAR,
    locality        VARCHAR,
    parent_locality VARCHAR,
    admin_unit_id   VARCHAR,
    doc_number      VARCHAR,
    issued_date     DATE,
    period_id       VARCHAR,
    period_year     INTEGER,
    period_kind     VARCHAR,
    period_index    INTEGER,
    period_label    VARCHAR,
    signer          VARCHAR,
    signer_title    VARCHAR,
    source_format   VARCHAR,  -- text | html | docx | pdf
    source_encoding VARCHAR,
    char_count      INTEGER,
    validation_status VARCHAR,  -- pass | fail: the document-level checks
    parser_version  VARCHAR,    -- transforms.PARSER_VERSION that read it
    loaded_at       TIMESTAMP
);

-- The decoded text every fact's char_start/char_end points into.
CREATE TABLE IF NOT EXISTS document_text (
    document_id VARCHAR PRIMARY KEY,
    text        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_indicator_value (
    document_id         VARCHAR NOT NULL,
    fact_index          INTEGER NOT NULL,
    indicator_id        VARCHAR,
    period_id           VARCHAR,
    admin_unit_id       VARCHAR,
    indicator_text      VARCHAR,
    value               DOUBLE,
    value_text          VARCHAR,
    unit                VARCHAR,
    value_base          DOUBLE,
    unit_base           VARCHAR,
    approx              VARCHAR,
    target_value        DOUBLE,
    target_kind         VARCHAR,
    pct_target          DOUBLE,
    pct_target_decimals INTEGER,
    pct_same_period     DOUBLE,
    change_direction    VARCHAR,
    change_amount       DOUBLE,
    change_unit         VARCHAR,
    change_vs           VARCHAR,
    quote               VARCHAR,
    char_start          INTEGER,
    char_end            INTEGER,
    section_path        VARCHAR,
    domain              VARCHAR,
    footnote            VARCHAR,
    part_of             INTEGER,   -- fact_index of the total this fact is a part of
    validation_status   VARCHAR,   -- pass | fail | not_checked
    PRIMARY KEY (document_id, fact_index)
);

-- "đạt 100,3% dự toán tỉnh giao (…), đạt 80,59% dự toán HĐND huyện (…)": the second and
-- later targets of one value.
CREATE TABLE IF NOT EXISTS fact_extra_target (
    document_id         VARCHAR NOT NULL,
    fact_index          INTEGER NOT NULL,
    target_index        INTEGER NOT NULL,
    target_value        DOUBLE,
    pct_target          DOUBLE,
    pct_target_decimals INTEGER,
    target_kind         VARCHAR,
    PRIMARY KEY (document_id, fact_index, target_index)
);

-- One row per failed expectation per fact (fact_index NULL: a document-level check).
CREATE TABLE IF NOT EXISTS validation_failure (
    document_id VARCHAR,
    fact_index  INTEGER,
    suite       VARCHAR NOT NULL,   -- facts | documents
    expectation VARCHAR NOT NULL,
    observed    VARCHAR,
    expected    VARCHAR,
    tolerance   DOUBLE,
    severity    VARCHAR NOT NULL    -- warn | error
);

-- Every file ever seen in the landing folder, and what became of it.
CREATE TABLE IF NOT EXISTS landing_file (
    path          VARCHAR PRIMARY KEY,  -- relative to the landing folder
    source_file   VARCHAR NOT NULL,     -- the file's name, no directory
    size_bytes    BIGINT,
    mtime         TIMESTAMP,
    content_hash  VARCHAR,              -- sha256 hex of the bytes
    document_id   VARCHAR,
    status        VARCHAR NOT NULL,     -- loaded | duplicate | rejected | removed
    error_reason  VARCHAR,              -- short code: empty, binary, too_large, corrupt_docx, ...
    error         VARCHAR,              -- the sentence a person reads
    duplicate_of  VARCHAR,              -- document_id this file repeats (same bytes as another file)
    first_seen    TIMESTAMP NOT NULL,
    last_seen     TIMESTAMP NOT NULL,
    parsed_at     TIMESTAMP
);

-- One row per successful load, for the operator.
CREATE TABLE IF NOT EXISTS pipeline_run (
    run_id          VARCHAR,
    finished_at     TIMESTAMP,
    files_seen      INTEGER,
    files_parsed    INTEGER,
    files_rejected  INTEGER,
    files_removed   INTEGER,
    documents       INTEGER,
    facts           INTEGER,
    facts_failed    INTEGER
);

-- Columns added since a warehouse may have been created: an existing file gets them here
-- (new files already have them from the CREATE TABLEs above).
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS parser_version VARCHAR;
ALTER TABLE dim_unit ADD COLUMN IF NOT EXISTS is_common BOOLEAN;
