-- Numbers of a report that are no fact, each with the reason the extractor skipped it
-- (transforms/skips.py): a date, a reference, a name, a plan for a later period, a comparison
-- base ... One slice per document, replaced with its facts.
CREATE TABLE IF NOT EXISTS skipped_number (
    document_id VARCHAR NOT NULL,
    char_start  INTEGER NOT NULL,   -- text[char_start:char_end] == text
    char_end    INTEGER NOT NULL,
    text        VARCHAR NOT NULL,   -- the number with what was read with it ("15/3/2024", "3 sao")
    reason      VARCHAR NOT NULL
);
