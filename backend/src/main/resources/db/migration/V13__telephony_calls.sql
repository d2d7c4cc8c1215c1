-- Every call the hotline takes or places, by Twilio's CallSid: what the caller chose, and the request it led to.
-- No phone number here: the ticket keeps the caller's, encrypted.
CREATE TABLE telephony_call (
    call_sid VARCHAR(64) NOT NULL PRIMARY KEY,
    direction VARCHAR(10) NOT NULL,
    started_at DATETIME(6) NOT NULL,
    topic_code VARCHAR(30) NULL,
    postcode CHAR(5) NULL,
    ticket_id BIGINT NULL,
    CONSTRAINT fk_telephony_call_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT ck_telephony_call_direction CHECK (direction IN ('INBOUND', 'OUTBOUND'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
