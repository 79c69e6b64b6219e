-- Texts people wrote, as the translation module sees them, and the translation tasks they give rise
-- to (issue 8, routing). A content module owns its text; this is the translation module's copy of
-- the original with its detected language.
CREATE TABLE translation_source (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    content_module     VARCHAR(32)  NOT NULL,
    content_type       VARCHAR(32)  NOT NULL,
    content_id         VARCHAR(64)  NOT NULL,
    original_text      MEDIUMTEXT   NOT NULL,
    author_id          BIGINT       NULL,
    author_language    VARCHAR(8)   NOT NULL,
    detection_status   VARCHAR(16)  NOT NULL COMMENT 'DETECTED, UNSURE, UNDETERMINED, SET_BY_PERSON',
    language           VARCHAR(8)   NULL COMMENT 'ISO 639-1; empty while unsure',
    candidates         VARCHAR(255) NOT NULL COMMENT 'e.g. uk:0.912,ru:0.080',
    submitted_at       DATETIME(6)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT translation_source_content_uk UNIQUE (content_module, content_type, content_id),
    INDEX translation_source_status_idx (detection_status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One task per source and target language: the unique key makes a retried or duplicated event
-- harmless. A claim is a conditional UPDATE, so of two translators claiming at once exactly one wins.
CREATE TABLE translation_task (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    source_id        BIGINT      NOT NULL,
    source_language  VARCHAR(8)  NOT NULL,
    target_language  VARCHAR(8)  NOT NULL,
    status           VARCHAR(16) NOT NULL COMMENT 'OPEN, CLAIMED, SUBMITTED, APPROVED, OUTDATED',
    created_at       DATETIME(6) NOT NULL,
    claimed_by       BIGINT      NULL,
    claimed_until    DATETIME(6) NULL,
    version          BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT translation_task_source_target_uk UNIQUE (source_id, target_language),
    CONSTRAINT translation_task_source_fk FOREIGN KEY (source_id) REFERENCES translation_source (id),
    INDEX translation_task_queue_idx (status, source_language, target_language, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
