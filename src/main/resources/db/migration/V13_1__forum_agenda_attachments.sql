-- Attachments of agenda items (issue 7, item 2: "agenda items (title, description, rapporteur,
-- attachments, draft resolutions)"): papers for the members and the public, uploaded by the chair or
-- an administrator, or by the member who proposed the item while it is a proposal. The content is
-- kept in the database (one backup, one truth for every node); media_type is what the file's own
-- bytes say it is, sha256 lets anyone check that the paper they downloaded is the one on the agenda.
CREATE TABLE forum_attachment (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id      BIGINT        NOT NULL,
    file_name    VARCHAR(200)  NOT NULL,
    media_type   VARCHAR(100)  NOT NULL,
    size_bytes   INT           NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    content      MEDIUMBLOB    NOT NULL,
    uploaded_by  BIGINT        NOT NULL COMMENT 'identity user id',
    uploaded_at  DATETIME(6)   NOT NULL,
    CONSTRAINT forum_attachment_item_fk FOREIGN KEY (item_id) REFERENCES forum_agenda_item (id),
    INDEX forum_attachment_item_ix (item_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
