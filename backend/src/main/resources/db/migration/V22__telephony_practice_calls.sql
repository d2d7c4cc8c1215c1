-- Calls placed from a staff member's training phone (simulator): which account placed each, so that a call that went
-- through the whole menu counts as one of their practice calls.
CREATE TABLE telephony_practice_call (
    call_sid VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id BIGINT NOT NULL,
    placed_at DATETIME(6) NOT NULL,
    INDEX ix_telephony_practice_call_account (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
