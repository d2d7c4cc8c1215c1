-- The calls the platform places (a volunteer called for a callback, the citizen dialled from that call) beside the
-- calls it takes. `leg` says whose phone a call reaches; a dialled leg points at the call it was dialled from. Ring
-- time runs from started_at to answered_at, talk time from answered_at to ended_at. Still no phone number here.
ALTER TABLE telephony_call
    ADD COLUMN leg VARCHAR(12) NOT NULL DEFAULT 'CALLER',
    ADD COLUMN parent_call_sid VARCHAR(64) NULL,
    ADD COLUMN volunteer_id BIGINT NULL,
    ADD COLUMN answered_at DATETIME(6) NULL,
    ADD CONSTRAINT ck_telephony_call_leg CHECK (leg IN ('CALLER', 'VOLUNTEER', 'CITIZEN'));

ALTER TABLE telephony_call DROP CONSTRAINT ck_telephony_call_outcome;

ALTER TABLE telephony_call
    ADD CONSTRAINT ck_telephony_call_outcome CHECK (outcome IS NULL OR outcome IN
        ('CALLBACK_REQUESTED', 'LEFT_IN_MENU', 'SHORT_ABANDON', 'FAILED', 'ANSWERED', 'BUSY', 'NO_ANSWER', 'CANCELED'));

-- One line per ticket for calling the citizen back: "appeler" clicked twice places one call.
CREATE TABLE telephony_callback_line (
    ticket_id BIGINT NOT NULL PRIMARY KEY,
    call_sid VARCHAR(64) NULL,
    CONSTRAINT fk_telephony_callback_line_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
