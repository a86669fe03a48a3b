-- Failed runs are recorded too (warehouse/run_log.py): each pipeline_run row says whether the
-- run succeeded, and a failed run's row carries its error (its counts are NULL).
ALTER TABLE pipeline_run ADD COLUMN IF NOT EXISTS status VARCHAR;
ALTER TABLE pipeline_run ADD COLUMN IF NOT EXISTS error VARCHAR;
UPDATE pipeline_run SET status = 'success' WHERE status IS NULL;
