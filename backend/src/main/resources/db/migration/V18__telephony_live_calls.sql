-- Live answering: the Twilio queue a caller waits in, when they joined and left it (queue time), and one ring per
-- live call and volunteer, whatever redelivers the offer, with whether they accepted it on that call.
ALTER TABLE telephony_call
    ADD COLUMN queue_sid VARCHAR(64) NULL,
    ADD COLUMN queued_at DATETIME(6) NULL,
    ADD COLUMN dequeued_at DATETIME(6) NULL;

ALTER TABLE telephony_call DROP CONSTRAINT ck_telephony_call_outcome;

ALTER TABLE telephony_call
    ADD CONSTRAINT ck_telephony_call_outcome CHECK (outcome IS NULL OR outcome IN
        ('CALLBACK_REQUESTED', 'LEFT_IN_MENU', 'SHORT_ABANDON', 'FAILED', 'ANSWERED', 'BUSY', 'NO_ANSWER', 'CANCELED',
         'ABANDONED'));

CREATE TABLE telephony_offer_ring (
    ticket_id BIGINT NOT NULL,
    volunteer_id BIGINT NOT NULL,
    call_sid VARCHAR(64) NULL,
    accepted BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (ticket_id, volunteer_id),
    CONSTRAINT fk_telephony_offer_ring_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
