-- What Twilio's status callbacks tell about a call. A status only ever moves forward: rank 0 queued or initiated,
-- 1 ringing, 2 in progress, 3 ended (completed, busy, failed, no answer, canceled); within a rank, Twilio's
-- SequenceNumber orders deliveries. The outcome is set when the call ends.
ALTER TABLE telephony_call
    ADD COLUMN status VARCHAR(20) NULL,
    ADD COLUMN status_rank TINYINT NOT NULL DEFAULT 0,
    ADD COLUMN status_sequence INT NULL,
    ADD COLUMN ended_at DATETIME(6) NULL,
    ADD COLUMN duration_seconds INT NULL,
    ADD COLUMN outcome VARCHAR(30) NULL,
    ADD CONSTRAINT ck_telephony_call_outcome
        CHECK (outcome IS NULL OR outcome IN ('CALLBACK_REQUESTED', 'LEFT_IN_MENU', 'SHORT_ABANDON', 'FAILED'));
