-- How often readers of a language opened a text that had no translation into it yet (issue 8,
-- item 6: "most-read first"). Counted in memory and added in batches, so reading never writes.
ALTER TABLE translation_task ADD COLUMN wanted_reads BIGINT NOT NULL DEFAULT 0;
CREATE INDEX translation_task_wanted_idx ON translation_task (status, source_language, target_language, wanted_reads);
