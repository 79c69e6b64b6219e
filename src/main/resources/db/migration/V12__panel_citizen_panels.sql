-- Citizen panels (issue 6): the panel and its quotas, the volunteer pool, the public draw, the
-- private workspace and the members' final votes. Users are referred to by username (identity owns
-- them); no foreign key leaves the panel module.

-- status: REGISTRATION (pool open) -> CLOSED (pool frozen, seed committed) -> DRAWN (result
-- computed, not yet public) -> PUBLISHED (panel, probabilities and seed public, members seated).
-- draw_status: NONE | RUNNING | FAILED | DONE; the draw runs off the request thread and writes here.
CREATE TABLE panel_panel (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    topic               VARCHAR(300)  NOT NULL,
    description         TEXT          NOT NULL,
    language            VARCHAR(8)    NOT NULL COMMENT 'language the organiser wrote topic and description in',
    panel_size          INT           NOT NULL,
    alternates          INT           NOT NULL,
    registration_opens  DATETIME(6)   NOT NULL,
    registration_closes DATETIME(6)   NOT NULL,
    threshold_percent   INT           NOT NULL DEFAULT 80,
    quorum_percent      INT           NOT NULL DEFAULT 50,
    status              VARCHAR(16)   NOT NULL,
    seed_commitment     CHAR(64)      NULL COMMENT 'SHA-256 (hex) of the organiser secret, public before the draw',
    seed_public_source  VARCHAR(500)  NULL COMMENT 'a future public value announced with the commitment, e.g. a lottery result',
    committed_at        DATETIME(6)   NULL,
    draw_status         VARCHAR(16)   NOT NULL DEFAULT 'NONE',
    draw_started_at     DATETIME(6)   NULL,
    draw_error_key      VARCHAR(120)  NULL,
    draw_error_args     VARCHAR(2000) NULL,
    created_by          VARCHAR(190)  NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE panel_category (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    panel_id  BIGINT       NOT NULL,
    position  INT          NOT NULL,
    name      VARCHAR(100) NOT NULL,
    CONSTRAINT panel_category_panel_fk FOREIGN KEY (panel_id) REFERENCES panel_panel (id),
    CONSTRAINT panel_category_uk UNIQUE (panel_id, name),
    CONSTRAINT panel_category_pos_uk UNIQUE (panel_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE panel_value (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    category_id  BIGINT       NOT NULL,
    position     INT          NOT NULL,
    name         VARCHAR(100) NOT NULL,
    min_quota    INT          NOT NULL,
    max_quota    INT          NOT NULL,
    CONSTRAINT panel_value_category_fk FOREIGN KEY (category_id) REFERENCES panel_category (id),
    CONSTRAINT panel_value_uk UNIQUE (category_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE panel_meeting (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    panel_id   BIGINT       NOT NULL,
    starts_at  DATETIME(6)  NOT NULL,
    place      VARCHAR(300) NOT NULL,
    CONSTRAINT panel_meeting_panel_fk FOREIGN KEY (panel_id) REFERENCES panel_panel (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A volunteer of the pool. anon_id is the only public handle (probabilities, drawn panel).
-- username: set when registered signed in; contact: e-mail or phone when registered without an
-- account (seen by the organisers only). withdrawal_hash: SHA-256 of the code given at
-- registration, with which a volunteer without an account can withdraw.
-- Personal data (contact, values) is deleted when the panel's work ends (consent text).
CREATE TABLE panel_volunteer (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    panel_id         BIGINT       NOT NULL,
    anon_id          VARCHAR(16)  NOT NULL,
    username         VARCHAR(190) NULL,
    contact          VARCHAR(320) NULL,
    language         VARCHAR(8)   NOT NULL,
    withdrawal_hash  CHAR(64)     NOT NULL,
    consent_version  VARCHAR(16)  NOT NULL,
    consented_at     DATETIME(6)  NOT NULL,
    withdrawn_at     DATETIME(6)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT panel_volunteer_panel_fk FOREIGN KEY (panel_id) REFERENCES panel_panel (id),
    CONSTRAINT panel_volunteer_anon_uk UNIQUE (panel_id, anon_id),
    CONSTRAINT panel_volunteer_user_uk UNIQUE (panel_id, username),
    CONSTRAINT panel_volunteer_contact_uk UNIQUE (panel_id, contact)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE panel_volunteer_value (
    volunteer_id  BIGINT NOT NULL,
    category_id   BIGINT NOT NULL,
    value_id      BIGINT NOT NULL,
    PRIMARY KEY (volunteer_id, category_id),
    CONSTRAINT panel_vv_volunteer_fk FOREIGN KEY (volunteer_id) REFERENCES panel_volunteer (id) ON DELETE CASCADE,
    CONSTRAINT panel_vv_category_fk FOREIGN KEY (category_id) REFERENCES panel_category (id),
    CONSTRAINT panel_vv_value_fk FOREIGN KEY (value_id) REFERENCES panel_value (id)
) ENGINE = InnoDB;

-- The computed draw: exactly what is published (result_json), plus the comparison with LEGACY.
CREATE TABLE panel_draw (
    panel_id             BIGINT       NOT NULL PRIMARY KEY,
    algorithm            VARCHAR(16)  NOT NULL,
    seed                 VARCHAR(700) NOT NULL,
    min_probability      DOUBLE       NOT NULL,
    legacy_min_probability DOUBLE     NULL,
    panels_generated     INT          NOT NULL,
    converged            BOOLEAN      NOT NULL,
    seconds              DOUBLE       NOT NULL,
    pool_size            INT          NOT NULL,
    result_json          MEDIUMTEXT   NOT NULL,
    drawn_at             DATETIME(6)  NOT NULL,
    published_at         DATETIME(6)  NULL,
    CONSTRAINT panel_draw_panel_fk FOREIGN KEY (panel_id) REFERENCES panel_panel (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- kind: MEMBER or ALTERNATE (position = order in which alternates are called).
CREATE TABLE panel_seat (
    panel_id      BIGINT      NOT NULL,
    volunteer_id  BIGINT      NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    position      INT         NOT NULL,
    PRIMARY KEY (panel_id, volunteer_id),
    CONSTRAINT panel_seat_panel_fk FOREIGN KEY (panel_id) REFERENCES panel_panel (id),
    CONSTRAINT panel_seat_volunteer_fk FOREIGN KEY (volunteer_id) REFERENCES panel_volunteer (id)
) ENGINE = InnoDB;

-- Expert catalogue (report ch. 12.2): people the city can invite to a panel's workspace.
CREATE TABLE panel_expert (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    expertise  VARCHAR(500) NOT NULL,
    username   VARCHAR(190) NOT NULL,
    CONSTRAINT panel_expert_user_uk UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Workspace staff: FACILITATOR or EXPERT, by username.
CREATE TABLE panel_staff (
    panel_id  BIGINT       NOT NULL,
    username  VARCHAR(190) NOT NULL,
    role      VARCHAR(16)  NOT NULL,
    PRIMARY KEY (panel_id, username),
    CONSTRAINT panel_staff_panel_fk FOREIGN KEY (panel_id) REFERENCES panel_panel (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE panel_material (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    panel_id    BIGINT        NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    body        TEXT          NOT NULL,
    language    VARCHAR(8)    NOT NULL,
    author      VARCHAR(190)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT panel_material_panel_fk FOREIGN KEY (panel_id) REFERENCES panel_panel (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- status: DRAFT (versions may be added) -> VOTING (the latest version is frozen and voted on) ->
-- ADOPTED | REJECTED. recommendation_code: set when sent to the recommendation catalogue.
CREATE TABLE panel_draft (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    panel_id             BIGINT       NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    vote_opened_at       DATETIME(6)  NULL,
    vote_closed_at       DATETIME(6)  NULL,
    votes_yes            INT          NULL,
    votes_no             INT          NULL,
    votes_abstain        INT          NULL,
    recommendation_code  VARCHAR(40)  NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT panel_draft_panel_fk FOREIGN KEY (panel_id) REFERENCES panel_panel (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE panel_draft_version (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    draft_id    BIGINT        NOT NULL,
    number      INT           NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    body        TEXT          NOT NULL,
    language    VARCHAR(8)    NOT NULL,
    author      VARCHAR(190)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT panel_draft_version_draft_fk FOREIGN KEY (draft_id) REFERENCES panel_draft (id),
    CONSTRAINT panel_draft_version_uk UNIQUE (draft_id, number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Secret final votes (architecture.md "Voting integrity"): the register says who voted (one row per
-- member per draft, enforced by the key); the ballot row has the choice and the hash of the voter's
-- receipt, never the voter.
CREATE TABLE panel_vote_register (
    draft_id   BIGINT       NOT NULL,
    username   VARCHAR(190) NOT NULL,
    voted_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (draft_id, username),
    CONSTRAINT panel_vote_register_draft_fk FOREIGN KEY (draft_id) REFERENCES panel_draft (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE panel_ballot (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    draft_id      BIGINT      NOT NULL,
    choice        VARCHAR(8)  NOT NULL,
    receipt_hash  CHAR(64)    NOT NULL,
    CONSTRAINT panel_ballot_draft_fk FOREIGN KEY (draft_id) REFERENCES panel_draft (id),
    CONSTRAINT panel_ballot_receipt_uk UNIQUE (receipt_hash)
) ENGINE = InnoDB;

-- Each volunteer's selection probability in the published lottery, by anonymous id.
CREATE TABLE panel_probability (
    panel_id     BIGINT      NOT NULL,
    anon_id      VARCHAR(16) NOT NULL,
    probability  DOUBLE      NOT NULL,
    PRIMARY KEY (panel_id, anon_id),
    CONSTRAINT panel_probability_panel_fk FOREIGN KEY (panel_id) REFERENCES panel_panel (id)
) ENGINE = InnoDB;
