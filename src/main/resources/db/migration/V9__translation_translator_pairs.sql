-- The language pairs each translator works in (issue 8, item 6): their queue shows only these.
CREATE TABLE translation_translator_pair (
    user_id          BIGINT     NOT NULL,
    source_language  VARCHAR(8) NOT NULL,
    target_language  VARCHAR(8) NOT NULL,
    PRIMARY KEY (user_id, source_language, target_language)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX translation_task_review_idx ON translation_task (status, target_language, submitted_at);
