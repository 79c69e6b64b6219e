-- The translated text of a task and who stands behind it (issue 8, items 6-7; issue 5, item 2).
-- SUBMITTED work waits for a second person (four-eyes); APPROVED work is what readers see. The
-- project team's own translations of the report are SUBMITTED by 'PROJECT_TEAM' and shown, labelled
-- as pending review, until a translator approves them.
ALTER TABLE translation_task
    ADD COLUMN translation     MEDIUMTEXT   NULL,
    ADD COLUMN translated_by   BIGINT       NULL,
    ADD COLUMN translator_kind VARCHAR(16)  NULL COMMENT 'VOLUNTEER, PROJECT_TEAM',
    ADD COLUMN submitted_at    DATETIME(6)  NULL,
    ADD COLUMN reviewed_by     BIGINT       NULL,
    ADD COLUMN reviewed_at     DATETIME(6)  NULL,
    ADD COLUMN review_comment  VARCHAR(2000) NULL;
