-- The report's recommendations (issue 5) and residents' proposals. The report itself is loaded by
-- recommendation.ReportLoader from a reviewed data file; recommendation_dataset records
-- which version of that file is in the database, so it is loaded exactly once.
CREATE TABLE recommendation_dataset (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    checksum   CHAR(64)    NOT NULL COMMENT 'SHA-256 of the data file as loaded',
    loaded_at  DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE recommendation_chapter (
    number    INT          NOT NULL PRIMARY KEY,
    title     VARCHAR(300) NOT NULL,
    intro     MEDIUMTEXT   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Texts of the report that are not recommendations: introduction, chapter 1, footnotes, units.
CREATE TABLE recommendation_document_part (
    part_key  VARCHAR(32)  NOT NULL PRIMARY KEY COMMENT 'introduction, workflow, footnote-1, city-units ...',
    position  INT          NOT NULL,
    text      MEDIUMTEXT   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE recommendation (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code               VARCHAR(32)  NOT NULL COMMENT '7.1.6 for a section, 7.1.6-2 for its second item, P-12 for a proposal',
    kind               VARCHAR(16)  NOT NULL COMMENT 'SECTION, ITEM, PROPOSAL',
    chapter            INT          NULL,
    section            VARCHAR(16)  NULL COMMENT 'the numbered section the recommendation belongs to',
    position           INT          NOT NULL COMMENT 'order in the report',
    title              VARCHAR(500) NOT NULL,
    body               MEDIUMTEXT   NOT NULL,
    language           VARCHAR(8)   NOT NULL COMMENT 'language of title and body as written',
    status             VARCHAR(32)  NOT NULL,
    author_id          BIGINT       NULL COMMENT 'the resident who proposed it; NULL for the report',
    created_at         DATETIME(6)  NOT NULL,
    status_changed_at  DATETIME(6)  NOT NULL,
    search_text        MEDIUMTEXT   NOT NULL COMMENT 'code, titles and texts in every stored language, folded to ASCII lower case',
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT recommendation_code_uk UNIQUE (code),
    INDEX recommendation_order_idx (chapter, position),
    INDEX recommendation_status_idx (status),
    FULLTEXT INDEX recommendation_search_ft (search_text)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE recommendation_unit (
    recommendation_id  BIGINT       NOT NULL,
    unit               VARCHAR(200) NOT NULL,
    PRIMARY KEY (recommendation_id, unit),
    INDEX recommendation_unit_idx (unit),
    CONSTRAINT recommendation_unit_fk FOREIGN KEY (recommendation_id) REFERENCES recommendation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE recommendation_target_group (
    recommendation_id  BIGINT      NOT NULL,
    target_group       VARCHAR(40) NOT NULL,
    PRIMARY KEY (recommendation_id, target_group),
    INDEX recommendation_target_group_idx (target_group),
    CONSTRAINT recommendation_target_group_fk FOREIGN KEY (recommendation_id) REFERENCES recommendation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The public history of every recommendation's status (chapter 1's scheme); never updated or deleted.
CREATE TABLE recommendation_status_change (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recommendation_id  BIGINT        NOT NULL,
    from_status        VARCHAR(32)   NULL,
    to_status          VARCHAR(32)   NOT NULL,
    reason             VARCHAR(2000) NOT NULL,
    changed_by         BIGINT        NULL,
    changed_by_name    VARCHAR(200)  NOT NULL,
    changed_at         DATETIME(6)   NOT NULL,
    INDEX recommendation_status_change_idx (recommendation_id, changed_at),
    CONSTRAINT recommendation_status_change_fk FOREIGN KEY (recommendation_id) REFERENCES recommendation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
