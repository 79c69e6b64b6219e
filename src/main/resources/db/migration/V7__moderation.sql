-- Moderation (issue 5, items 10-11): flags from readers, one case per flagged or moderated piece of
-- content, the moderators' decisions and the in-app notices to authors. Content is referred to by
-- its ContentRef (module, type, id) only; the owning module keeps the hidden state itself.

-- One case per piece of content. open_flags counts the flags not yet decided on: the moderators'
-- queue is sorted by it. status: OPEN (flags wait for a decision), HIDDEN, CLOSED.
CREATE TABLE moderation_case (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    content_module   VARCHAR(32)  NOT NULL,
    content_type     VARCHAR(32)  NOT NULL,
    content_id       VARCHAR(64)  NOT NULL,
    status           VARCHAR(8)   NOT NULL,
    open_flags       INT          NOT NULL DEFAULT 0,
    total_flags      INT          NOT NULL DEFAULT 0,
    first_flagged_at DATETIME(6)  NULL COMMENT 'the oldest open flag',
    updated_at       DATETIME(6)  NOT NULL,
    CONSTRAINT moderation_case_content_uk UNIQUE (content_module, content_type, content_id),
    CONSTRAINT moderation_case_status_ck CHECK (status IN ('OPEN', 'HIDDEN', 'CLOSED')),
    INDEX moderation_case_queue_idx (status, open_flags, first_flagged_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A reader's flag: one per user per piece of content (unique key). decision_id is set when a
-- moderator decides on the case.
CREATE TABLE moderation_flag (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    user_id     BIGINT        NOT NULL,
    reason      VARCHAR(16)   NOT NULL COMMENT 'SPAM, HATE, OFF_TOPIC, PERSONAL_DATA, OTHER',
    details     VARCHAR(1000) NULL,
    flagged_at  DATETIME(6)   NOT NULL,
    decision_id BIGINT        NULL,
    CONSTRAINT moderation_flag_case_user_uk UNIQUE (case_id, user_id),
    CONSTRAINT moderation_flag_case_fk FOREIGN KEY (case_id) REFERENCES moderation_case (id),
    CONSTRAINT moderation_flag_reason_ck CHECK (reason IN ('SPAM', 'HATE', 'OFF_TOPIC', 'PERSONAL_DATA', 'OTHER')),
    INDEX moderation_flag_open_idx (case_id, decision_id),
    INDEX moderation_flag_user_idx (user_id, case_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every decision, with its required reason; the same decision is also written to the audit log.
CREATE TABLE moderation_decision (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT        NOT NULL,
    action          VARCHAR(8)    NOT NULL COMMENT 'HIDE, RESTORE, DISMISS',
    reason          VARCHAR(1000) NOT NULL,
    moderator_id    BIGINT        NOT NULL,
    moderator_name  VARCHAR(255)  NOT NULL,
    decided_at      DATETIME(6)   NOT NULL,
    CONSTRAINT moderation_decision_case_fk FOREIGN KEY (case_id) REFERENCES moderation_case (id),
    CONSTRAINT moderation_decision_action_ck CHECK (action IN ('HIDE', 'RESTORE', 'DISMISS')),
    INDEX moderation_decision_case_idx (case_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE moderation_flag
    ADD CONSTRAINT moderation_flag_decision_fk FOREIGN KEY (decision_id) REFERENCES moderation_decision (id);

-- In-app notices to authors ("your comment was hidden: ..."), shown on the notifications page.
CREATE TABLE moderation_notification (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id         BIGINT        NOT NULL,
    kind            VARCHAR(16)   NOT NULL COMMENT 'HIDDEN, RESTORED',
    content_module  VARCHAR(32)   NOT NULL,
    content_type    VARCHAR(32)   NOT NULL,
    content_id      VARCHAR(64)   NOT NULL,
    excerpt         VARCHAR(300)  NOT NULL COMMENT 'the beginning of the text, plain',
    reason          VARCHAR(1000) NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    read_at         DATETIME(6)   NULL,
    INDEX moderation_notification_user_idx (user_id, read_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
