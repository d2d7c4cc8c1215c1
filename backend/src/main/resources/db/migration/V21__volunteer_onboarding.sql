-- Onboarding: a volunteer signs up on their own (when, and their availability in their words), a coordinator approves
-- them (who), they read and accept the charter, and complete practice calls on the training phone; training is
-- complete (trained_at) once both are done.
ALTER TABLE volunteer
    ADD COLUMN availability VARCHAR(500) NULL,
    ADD COLUMN applied_at DATETIME(6) NULL,
    ADD COLUMN approved_by BIGINT NULL,
    ADD COLUMN charter_accepted_at DATETIME(6) NULL;

-- Practice calls a volunteer completed: calls from their training phone that went through the whole menu.
CREATE TABLE volunteer_practice_call (
    account_id BIGINT NOT NULL,
    call_sid VARCHAR(64) NOT NULL,
    completed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (account_id, call_sid),
    CONSTRAINT fk_volunteer_practice_call_volunteer FOREIGN KEY (account_id) REFERENCES volunteer (account_id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
