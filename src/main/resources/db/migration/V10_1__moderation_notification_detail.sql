-- Notices about any module's content (platform.AuthorNotice), not only moderation decisions:
-- longer kinds and an optional translated detail (an i18n key, e.g. the new status).
ALTER TABLE moderation_notification
    MODIFY kind VARCHAR(40) NOT NULL COMMENT 'HIDDEN, RESTORED, STATUS_CHANGED, ... (moderation.notifications.<kind>)',
    ADD COLUMN detail_key VARCHAR(100) NULL COMMENT 'i18n key shown in the notice, or NULL' AFTER reason;
