-- The minority forum (issue 7): standing bodies "na wzór rady miasta" (report 12.2), their members,
-- numbered sessions with an agenda, and the live state of a session. The database is the single
-- truth of a running session: every node reads it, every change is one transaction that also raises
-- forum_session.version, which each node polls to tell its open views (issue 7, "cross nodes").

-- quorum_rule: MORE_THAN_HALF (domain.md: "more than half of members present") or AT_LEAST_HALF
-- (ustawa o samorządzie gminnym art. 14: "w obecności co najmniej połowy ustawowego składu").
-- default_majority: SIMPLE (more yes than no), ABSOLUTE (more yes than half of the members),
-- TWO_THIRDS (yes at least two thirds of the votes cast).
CREATE TABLE forum_body (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name               VARCHAR(200)  NOT NULL,
    quorum_rule        VARCHAR(20)   NOT NULL,
    default_majority   VARCHAR(20)   NOT NULL,
    open_votes_default BOOLEAN       NOT NULL,
    vote_change_allowed BOOLEAN      NOT NULL,
    speaking_seconds   INT           NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    CONSTRAINT forum_body_name_uk UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Membership is what makes a person a forum member (issue 7, item 1): the forum's services check
-- it for every member action. user_id refers to identity's user by value; the name is kept as shown.
CREATE TABLE forum_member (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    body_id      BIGINT       NOT NULL,
    user_id      BIGINT       NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    role         VARCHAR(20)  NOT NULL COMMENT 'CHAIR, VICE_CHAIR, SECRETARY, MEMBER',
    term_start   DATE         NOT NULL,
    term_end     DATE         NULL,
    CONSTRAINT forum_member_body_fk FOREIGN KEY (body_id) REFERENCES forum_body (id),
    CONSTRAINT forum_member_uk UNIQUE (body_id, user_id),
    INDEX forum_member_user_ix (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- status: PLANNED (agenda being prepared), PUBLISHED (agenda public), OPEN (live), CLOSED.
-- version: raised by every change of the session's live state, in the changing transaction.
CREATE TABLE forum_session (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    body_id          BIGINT       NOT NULL,
    number           INT          NOT NULL,
    starts_at        DATETIME(6)  NOT NULL,
    place            VARCHAR(255) NOT NULL,
    remote_allowed   BOOLEAN      NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    published_at     DATETIME(6)  NULL,
    opened_at        DATETIME(6)  NULL,
    closed_at        DATETIME(6)  NULL,
    current_item_id  BIGINT       NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT forum_session_body_fk FOREIGN KEY (body_id) REFERENCES forum_body (id),
    CONSTRAINT forum_session_number_uk UNIQUE (body_id, number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- status: PROPOSED (by a member, awaiting the chair), ACCEPTED (on the agenda), REJECTED, ACTIVE
-- (being debated), DONE.
CREATE TABLE forum_agenda_item (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id    BIGINT        NOT NULL,
    position      INT           NOT NULL,
    title         VARCHAR(300)  NOT NULL,
    description   TEXT          NOT NULL,
    rapporteur    VARCHAR(255)  NOT NULL,
    draft_text    TEXT          NOT NULL COMMENT 'draft resolution, empty when none',
    status        VARCHAR(20)   NOT NULL,
    proposed_by   BIGINT        NULL COMMENT 'forum_member.id of a member who proposed it',
    language      VARCHAR(8)    NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT forum_agenda_item_session_fk FOREIGN KEY (session_id) REFERENCES forum_session (id),
    INDEX forum_agenda_item_session_ix (session_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Check-in: one row per member and session; mode ROOM or REMOTE; left_at set on check-out.
CREATE TABLE forum_attendance (
    session_id    BIGINT       NOT NULL,
    member_id     BIGINT       NOT NULL,
    mode          VARCHAR(10)  NOT NULL,
    checked_in_at DATETIME(6)  NOT NULL,
    left_at       DATETIME(6)  NULL,
    PRIMARY KEY (session_id, member_id),
    CONSTRAINT forum_attendance_session_fk FOREIGN KEY (session_id) REFERENCES forum_session (id),
    CONSTRAINT forum_attendance_member_fk FOREIGN KEY (member_id) REFERENCES forum_member (id)
) ENGINE = InnoDB;

-- The speakers list of an agenda item. kind: SPEECH, AD_VOCEM, POINT_OF_ORDER; status: WAITING,
-- SPEAKING, DONE, WITHDRAWN, DECLINED. priority_at: set when the chair lets an ad vocem or point of
-- order jump the queue (such requests are taken first, in the order the chair let them).
-- The countdown is computed from floor_started_at + seconds_allowed, so every node and screen shows
-- the same time left.
CREATE TABLE forum_speech (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id          BIGINT      NOT NULL,
    member_id        BIGINT      NOT NULL,
    kind             VARCHAR(20) NOT NULL,
    status           VARCHAR(20) NOT NULL,
    requested_at     DATETIME(6) NOT NULL,
    priority_at      DATETIME(6) NULL,
    floor_started_at DATETIME(6) NULL,
    floor_ended_at   DATETIME(6) NULL,
    seconds_allowed  INT         NOT NULL,
    CONSTRAINT forum_speech_item_fk FOREIGN KEY (item_id) REFERENCES forum_agenda_item (id),
    CONSTRAINT forum_speech_member_fk FOREIGN KEY (member_id) REFERENCES forum_member (id),
    INDEX forum_speech_item_ix (item_id, status)
) ENGINE = InnoDB;

-- Motions, amendments (parent_id = the amended motion) and draft resolutions of an agenda item.
-- status: PENDING, VOTING, ADOPTED, REJECTED, WITHDRAWN. vote_order: the order the chair sets.
CREATE TABLE forum_motion (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id     BIGINT       NOT NULL,
    parent_id   BIGINT       NULL,
    kind        VARCHAR(20)  NOT NULL COMMENT 'MOTION, AMENDMENT, RESOLUTION',
    text        TEXT         NOT NULL,
    author_id   BIGINT       NULL COMMENT 'forum_member.id; NULL for the draft resolution of the agenda',
    language    VARCHAR(8)   NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    vote_order  INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT forum_motion_item_fk FOREIGN KEY (item_id) REFERENCES forum_agenda_item (id),
    CONSTRAINT forum_motion_parent_fk FOREIGN KEY (parent_id) REFERENCES forum_motion (id),
    INDEX forum_motion_item_ix (item_id, vote_order)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A vote on a motion. The rules (secret, majority, vote change, number of members) are frozen when
-- it opens (architecture.md "Voting integrity"). Totals are written when it closes, from the rows.
CREATE TABLE forum_vote (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id      BIGINT      NOT NULL,
    motion_id       BIGINT      NOT NULL,
    secret          BOOLEAN     NOT NULL,
    majority        VARCHAR(20) NOT NULL,
    change_allowed  BOOLEAN     NOT NULL,
    members_count   INT         NOT NULL,
    status          VARCHAR(10) NOT NULL COMMENT 'OPEN, CLOSED',
    opened_at       DATETIME(6) NOT NULL,
    closed_at       DATETIME(6) NULL,
    present_at_close INT        NULL,
    quorum_met      BOOLEAN     NULL,
    yes_count       INT         NULL,
    no_count        INT         NULL,
    abstain_count   INT         NULL,
    adopted         BOOLEAN     NULL,
    CONSTRAINT forum_vote_session_fk FOREIGN KEY (session_id) REFERENCES forum_session (id),
    CONSTRAINT forum_vote_motion_uk UNIQUE (motion_id),
    CONSTRAINT forum_vote_motion_fk FOREIGN KEY (motion_id) REFERENCES forum_motion (id)
) ENGINE = InnoDB;

-- Who voted: one row per member and vote, the database's guarantee of one vote each. For an open
-- (roll-call) vote the row carries the choice and time; for a secret vote choice and cast_at stay
-- NULL, so that the register says only that the member voted (architecture.md "Secret ballots").
CREATE TABLE forum_vote_register (
    vote_id    BIGINT      NOT NULL,
    member_id  BIGINT      NOT NULL,
    choice     VARCHAR(10) NULL COMMENT 'YES, NO, ABSTAIN; NULL in a secret vote',
    cast_at    DATETIME(6) NULL COMMENT 'NULL in a secret vote',
    PRIMARY KEY (vote_id, member_id),
    CONSTRAINT forum_vote_register_vote_fk FOREIGN KEY (vote_id) REFERENCES forum_vote (id),
    CONSTRAINT forum_vote_register_member_fk FOREIGN KEY (member_id) REFERENCES forum_member (id)
) ENGINE = InnoDB;

-- The anonymous ballots of a secret vote: no member, no time, a random id (so that neither an
-- auto-increment order nor a clock links a ballot to a register row) and the hash of the voter's
-- receipt, which lets the voter check that the ballot was counted.
CREATE TABLE forum_secret_ballot (
    id           CHAR(36)    NOT NULL PRIMARY KEY,
    vote_id      BIGINT      NOT NULL,
    choice       VARCHAR(10) NOT NULL,
    receipt_hash CHAR(64)    NOT NULL,
    CONSTRAINT forum_secret_ballot_vote_fk FOREIGN KEY (vote_id) REFERENCES forum_vote (id),
    INDEX forum_secret_ballot_vote_ix (vote_id)
) ENGINE = InnoDB;

-- Minutes (protokół): generated from the record, edited by the secretary, approved at the next
-- session (approved_in = that session). Plain text with "# " headings; rendered as HTML and PDF.
CREATE TABLE forum_minutes (
    session_id   BIGINT      NOT NULL PRIMARY KEY,
    body         MEDIUMTEXT  NOT NULL,
    status       VARCHAR(10) NOT NULL COMMENT 'DRAFT, APPROVED',
    edited_by    BIGINT      NULL,
    edited_at    DATETIME(6) NOT NULL,
    approved_in  BIGINT      NULL,
    approved_at  DATETIME(6) NULL,
    CONSTRAINT forum_minutes_session_fk FOREIGN KEY (session_id) REFERENCES forum_session (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
