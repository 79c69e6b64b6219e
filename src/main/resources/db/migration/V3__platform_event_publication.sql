-- Spring Modulith's event publication registry (JPA), so that events such as ContentSubmitted reach
-- their listeners after commit even across a restart or on another node (architecture.md).
CREATE TABLE event_publication (
    id                     UUID          NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       DATETIME(6)   NOT NULL,
    completion_date        DATETIME(6)   NULL,
    last_resubmission_date DATETIME(6)   NULL,
    completion_attempts    INT           NOT NULL DEFAULT 0,
    status                 VARCHAR(20)   NULL,
    INDEX event_publication_completion_idx (completion_date),
    INDEX event_publication_status_idx (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
