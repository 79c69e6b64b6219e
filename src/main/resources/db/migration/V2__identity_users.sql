-- Users of Agora: local accounts (form login) and accounts provisioned on first OIDC login.
CREATE TABLE identity_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(190) NOT NULL,
    display_name   VARCHAR(255) NOT NULL,
    email          VARCHAR(320) NULL,
    password_hash  VARCHAR(255) NULL COMMENT 'only for local accounts; {bcrypt}...',
    oidc_issuer    VARCHAR(512) NULL,
    oidc_subject   VARCHAR(255) NULL,
    preferred_language VARCHAR(8) NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     DATETIME(6)  NOT NULL,
    last_login_at  DATETIME(6)  NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT identity_user_username_uk UNIQUE (username),
    CONSTRAINT identity_user_oidc_uk UNIQUE (oidc_issuer, oidc_subject)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Roles granted inside Agora (local accounts, forum membership, panel seats ...). Roles that an
-- OIDC provider asserts are mapped at each login and are not stored here.
CREATE TABLE identity_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT identity_user_role_user_fk FOREIGN KEY (user_id) REFERENCES identity_user (id) ON DELETE CASCADE
) ENGINE = InnoDB;
