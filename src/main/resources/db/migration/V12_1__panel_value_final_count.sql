-- When a panel's work ends the volunteers' declared values are deleted (consent text); the pool's
-- composition stays public only as these totals per value, counted just before the deletion.
ALTER TABLE panel_value
    ADD COLUMN final_count INT NULL COMMENT 'volunteers with this value when the work ended; NULL before';
