-- The append-only, hash-chained audit log (architecture.md "Security"; issue 4, item 6).
CREATE TABLE platform_audit_log (
    id            BIGINT       NOT NULL PRIMARY KEY,
    occurred_at   DATETIME(6)  NOT NULL COMMENT 'UTC',
    actor         VARCHAR(255) NOT NULL,
    action        VARCHAR(255) NOT NULL,
    target        VARCHAR(255) NOT NULL,
    details       TEXT         NOT NULL,
    previous_hash CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL,
    CONSTRAINT platform_audit_log_hash_uk UNIQUE (hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The head of the chain, one row: appending locks it (SELECT ... FOR UPDATE), so concurrent appends
-- from several nodes serialise in the database instead of forking the chain.
CREATE TABLE platform_audit_head (
    id        TINYINT  NOT NULL PRIMARY KEY,
    last_id   BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
) ENGINE = InnoDB;

INSERT INTO platform_audit_head (id, last_id, last_hash) VALUES (1, 0, REPEAT('0', 64));

-- Rows are never changed or removed by the application; the database refuses it too. Someone with
-- the rights to drop these triggers can still tamper, and verification will then find the break.
CREATE TRIGGER platform_audit_log_no_update BEFORE UPDATE ON platform_audit_log
    FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'platform_audit_log is append-only';

CREATE TRIGGER platform_audit_log_no_delete BEFORE DELETE ON platform_audit_log
    FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'platform_audit_log is append-only';
