-- Participatory budget (issue 9): editions with frozen rules, projects with review and appeals,
-- secret voting with one-time codes or a hashed register, paper ballots with double entry.

-- One edition. Every column from total_budget to tie_break decides the result: the service refuses
-- to change any of them once voting_start has passed (architecture.md "Rules are frozen").
-- salt: per-edition random salt of the code and register hashes (hex); the server adds a pepper from
-- its configuration, so the database alone does not let anyone test identifiers against the hashes.
CREATE TABLE budget_edition (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(200)  NOT NULL,
    name_language     VARCHAR(8)    NOT NULL,
    total_budget      DECIMAL(15,2) NOT NULL,
    submission_start  DATETIME(6)   NOT NULL,
    review_start      DATETIME(6)   NOT NULL,
    appeals_start     DATETIME(6)   NOT NULL,
    voting_start      DATETIME(6)   NOT NULL,
    results_start     DATETIME(6)   NOT NULL COMMENT 'voting ends when results start',
    ballot_format     VARCHAR(16)   NOT NULL COMMENT 'APPROVAL, KNAPSACK, CUMULATIVE, ORDINAL',
    max_choices       INT           NULL COMMENT 'APPROVAL: at most K projects; ORDINAL: at most K ranks',
    total_points      INT           NULL COMMENT 'CUMULATIVE: points to spread',
    rank_points       VARCHAR(200)  NULL COMMENT 'ORDINAL: points per rank, best first, e.g. 3,2,1',
    outcome_rule      VARCHAR(32)   NOT NULL COMMENT 'greedy, mes-cost, mes-approval, mes-cost-add1',
    min_age           INT           NOT NULL,
    eligibility       VARCHAR(16)   NOT NULL COMMENT 'CODES or REGISTER',
    tie_break         VARCHAR(16)   NOT NULL COMMENT 'file-order or lower-cost',
    salt              CHAR(64)      NOT NULL,
    created_by        VARCHAR(255)  NOT NULL,
    created_at        DATETIME(6)   NOT NULL
);

-- Categories or districts, each with a budget of its own; projects outside any category share what
-- is left of the total.
CREATE TABLE budget_category (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id  BIGINT        NOT NULL,
    position    INT           NOT NULL,
    name        VARCHAR(120)  NOT NULL,
    budget      DECIMAL(15,2) NOT NULL,
    CONSTRAINT budget_category_edition_fk FOREIGN KEY (edition_id) REFERENCES budget_edition (id),
    CONSTRAINT budget_category_name_uq UNIQUE (edition_id, name)
);

-- status: SUBMITTED, ACCEPTED, REJECTED, APPEALED, WITHDRAWN. Only ACCEPTED projects are on the ballot.
CREATE TABLE budget_project (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id   BIGINT        NOT NULL,
    category_id  BIGINT        NULL,
    title        VARCHAR(200)  NOT NULL,
    description  TEXT          NOT NULL,
    cost         DECIMAL(15,2) NOT NULL,
    location     VARCHAR(300)  NULL,
    language     VARCHAR(8)    NOT NULL,
    author_id    BIGINT        NULL,
    status       VARCHAR(16)   NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    CONSTRAINT budget_project_edition_fk FOREIGN KEY (edition_id) REFERENCES budget_edition (id),
    CONSTRAINT budget_project_category_fk FOREIGN KEY (category_id) REFERENCES budget_category (id),
    INDEX budget_project_edition_ix (edition_id, status),
    INDEX budget_project_author_ix (author_id)
);

CREATE TABLE budget_cost_item (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id  BIGINT        NOT NULL,
    position    INT           NOT NULL,
    label       VARCHAR(200)  NOT NULL,
    amount      DECIMAL(15,2) NOT NULL,
    CONSTRAINT budget_cost_item_project_fk FOREIGN KEY (project_id) REFERENCES budget_project (id)
);

CREATE TABLE budget_project_image (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id    BIGINT        NOT NULL,
    file_name     VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(40)   NOT NULL,
    bytes         MEDIUMBLOB    NOT NULL,
    CONSTRAINT budget_project_image_project_fk FOREIGN KEY (project_id) REFERENCES budget_project (id)
);

-- aspect: FORMAL, LEGAL, TECHNICAL, COST. The justification is published with the project.
CREATE TABLE budget_assessment (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id     BIGINT        NOT NULL,
    aspect         VARCHAR(16)   NOT NULL,
    passed         BOOLEAN       NOT NULL,
    justification  TEXT          NOT NULL,
    assessor       VARCHAR(255)  NOT NULL,
    assessed_at    DATETIME(6)   NOT NULL,
    CONSTRAINT budget_assessment_project_fk FOREIGN KEY (project_id) REFERENCES budget_project (id),
    CONSTRAINT budget_assessment_aspect_uq UNIQUE (project_id, aspect)
);

-- One appeal per project; decision UPHELD (project back on the ballot) or DISMISSED.
CREATE TABLE budget_appeal (
    project_id     BIGINT        NOT NULL PRIMARY KEY,
    text           TEXT          NOT NULL,
    filed_at       DATETIME(6)   NOT NULL,
    decision       VARCHAR(16)   NULL,
    decision_text  TEXT          NULL,
    decided_by     VARCHAR(255)  NULL,
    decided_at     DATETIME(6)   NULL,
    CONSTRAINT budget_appeal_project_fk FOREIGN KEY (project_id) REFERENCES budget_project (id)
);

CREATE TABLE budget_code_batch (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id  BIGINT        NOT NULL,
    label       VARCHAR(120)  NOT NULL,
    size        INT           NOT NULL,
    issued_by   VARCHAR(255)  NOT NULL,
    issued_at   DATETIME(6)   NOT NULL,
    CONSTRAINT budget_code_batch_edition_fk FOREIGN KEY (edition_id) REFERENCES budget_edition (id)
);

-- One-time voting codes, stored only as salted hashes; the plain codes are shown once, on the
-- printable page of their batch. used: set in the voting transaction.
CREATE TABLE budget_voting_code (
    edition_id  BIGINT    NOT NULL,
    code_hash   CHAR(64)  NOT NULL,
    batch_id    BIGINT    NOT NULL,
    used        BOOLEAN   NOT NULL DEFAULT FALSE,
    PRIMARY KEY (edition_id, code_hash),
    CONSTRAINT budget_voting_code_batch_fk FOREIGN KEY (batch_id) REFERENCES budget_code_batch (id)
);

-- The voter register: salted hashes of identifier + date of birth, nothing else. Only people old
-- enough on the first day of voting are imported.
CREATE TABLE budget_register_entry (
    edition_id  BIGINT    NOT NULL,
    id_hash     CHAR(64)  NOT NULL,
    PRIMARY KEY (edition_id, id_hash)
);

-- "Has voted": one row per voter and edition, written in the ballot's transaction. Its primary key
-- is what makes one person one vote. It holds no time finer than the day and nothing that points to
-- the ballot.
CREATE TABLE budget_voter_mark (
    edition_id  BIGINT    NOT NULL,
    voter_key   CHAR(64)  NOT NULL,
    voted_on    DATE      NOT NULL,
    PRIMARY KEY (edition_id, voter_key)
);

-- A ballot: no voter id, no time; a random id (so row order says nothing about who voted when);
-- projects and points as in a Pabulib VOTES row; the hash of the receipt the voter was given.
-- status: COUNTED.
CREATE TABLE budget_ballot (
    id            CHAR(32)      NOT NULL PRIMARY KEY,
    edition_id    BIGINT        NOT NULL,
    projects      VARCHAR(4000) NOT NULL,
    points        VARCHAR(4000) NOT NULL,
    receipt_hash  CHAR(64)      NOT NULL,
    channel       VARCHAR(8)    NOT NULL COMMENT 'ONLINE or PAPER',
    CONSTRAINT budget_ballot_receipt_uq UNIQUE (edition_id, receipt_hash)
);

-- A paper ballot as one staff member typed it in. Two entries by two different staff members that
-- agree make the ballot count (then both entries are deleted: the paper is the record).
CREATE TABLE budget_paper_entry (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id  BIGINT        NOT NULL,
    voter_key   CHAR(64)      NOT NULL,
    staff       VARCHAR(255)  NOT NULL,
    projects    VARCHAR(4000) NOT NULL,
    points      VARCHAR(4000) NOT NULL,
    entered_at  DATETIME(6)   NOT NULL,
    CONSTRAINT budget_paper_entry_staff_uq UNIQUE (edition_id, voter_key, staff)
);
