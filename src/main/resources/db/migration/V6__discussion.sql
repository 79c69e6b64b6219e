-- Public discussion on anything commentable (issue 5, items 7-9): threaded comments, reactions and
-- the per-author activity row that the rate limit locks.

-- ContentSubmitted carries the comment's text (up to agora.discussion.max-length, 5,000 characters by
-- default, more once serialised as JSON). Spring Modulith's registry row held at most 4,000, so a
-- long comment would have failed its own saving transaction. MEDIUMTEXT is what Hibernate's schema
-- validation accepts for the registry's String column (a VARCHAR-family type).
ALTER TABLE event_publication MODIFY serialized_event MEDIUMTEXT NOT NULL;

-- One row per comment or reply. The commented thing is a CommentableRef (module, type, id) owned by
-- another module, referred to by value only (style.md: no JPA associations across modules).
-- depth: 0 for a comment on the thing itself, 1..agora.discussion.max-depth for replies.
-- root_id: the top-level comment of the thread (NULL for a top-level comment), so that a page of
-- threads loads its replies with one indexed query.
-- in_hidden_branch: the comment or one of its ancestors is hidden by a moderator; kept by the service
-- so that public counts are one covering-index query.
-- support_count / oppose_count: derived from discussion_reaction in the reacting transaction, under
-- the comment's row lock, so they are exact (and indexable for "most supported").
CREATE TABLE discussion_comment (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    target_module     VARCHAR(32)   NOT NULL,
    target_type       VARCHAR(32)   NOT NULL,
    target_id         VARCHAR(64)   NOT NULL,
    parent_id         BIGINT        NULL,
    root_id           BIGINT        NULL,
    depth             TINYINT       NOT NULL,
    author_id         BIGINT        NOT NULL,
    author_name       VARCHAR(255)  NOT NULL COMMENT 'display name when written; identity owns the user',
    author_language   VARCHAR(8)    NOT NULL,
    body              MEDIUMTEXT    NOT NULL COMMENT 'plain text, never rendered as HTML',
    created_at        DATETIME(6)   NOT NULL,
    edited_at         DATETIME(6)   NULL,
    deleted_at        DATETIME(6)   NULL COMMENT 'soft delete by the author: the thread stays',
    hidden_at         DATETIME(6)   NULL,
    hidden_reason     VARCHAR(1000) NULL COMMENT 'shown in place of the text to the author and moderators',
    in_hidden_branch  BOOLEAN       NOT NULL DEFAULT FALSE,
    support_count     INT           NOT NULL DEFAULT 0,
    oppose_count      INT           NOT NULL DEFAULT 0,
    CONSTRAINT discussion_comment_parent_fk FOREIGN KEY (parent_id) REFERENCES discussion_comment (id),
    CONSTRAINT discussion_comment_root_fk FOREIGN KEY (root_id) REFERENCES discussion_comment (id),
    CONSTRAINT discussion_comment_depth_ck CHECK (depth >= 0),
    -- keyset pages of top-level comments, newest or oldest first
    INDEX discussion_comment_newest_idx (target_module, target_type, target_id, depth, id),
    -- keyset pages of top-level comments, most supported first
    INDEX discussion_comment_support_idx (target_module, target_type, target_id, depth, support_count, id),
    -- public counts per commented thing, from the index alone
    INDEX discussion_comment_count_idx (target_module, target_type, target_id, in_hidden_branch, deleted_at),
    -- the replies of a page of threads
    INDEX discussion_comment_thread_idx (root_id, id),
    -- the rate limit: an author's comments of the last minute
    INDEX discussion_comment_author_idx (author_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Support or oppose: one reaction per user per comment, enforced by the primary key. Changing one's
-- mind updates the row; taking the reaction back deletes it.
CREATE TABLE discussion_reaction (
    comment_id  BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    kind        VARCHAR(8)  NOT NULL COMMENT 'SUPPORT or OPPOSE',
    reacted_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (comment_id, user_id),
    CONSTRAINT discussion_reaction_comment_fk FOREIGN KEY (comment_id) REFERENCES discussion_comment (id),
    CONSTRAINT discussion_reaction_kind_ck CHECK (kind IN ('SUPPORT', 'OPPOSE')),
    INDEX discussion_reaction_user_idx (user_id, comment_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per author, locked while a comment is saved: the per-minute rate limit is then decided by
-- the database for all application nodes at once, not by a JVM counter.
CREATE TABLE discussion_author_activity (
    user_id         BIGINT      NOT NULL PRIMARY KEY,
    last_posted_at  DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
