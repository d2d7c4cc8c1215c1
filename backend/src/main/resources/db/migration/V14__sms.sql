-- Texts the platform sends, in French, editable by coordinators. Placeholders: {reference} (a request's reference),
-- {when} (when a volunteer will call back), {hotline} (the hotline's number).
CREATE TABLE sms_template (
    code VARCHAR(40) NOT NULL PRIMARY KEY,
    body_fr VARCHAR(640) NOT NULL,
    updated_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO sms_template (code, body_fr, updated_at) VALUES
    ('CALLBACK_CONFIRMATION', 'Passerelle : votre demande {reference} est enregistrée. Un bénévole vous rappellera {when}, depuis le {hotline}. Nous ne vous demanderons jamais de mot de passe.', CURRENT_TIMESTAMP(6)),
    ('UNREACHABLE', 'Passerelle : nous n''avons pas réussi à vous joindre pour votre demande {reference}. Rappelez-nous au {hotline}, ou demandez un nouveau rappel sur notre site.', CURRENT_TIMESTAMP(6)),
    ('INBOUND_REPLY', 'Passerelle ne lit pas les SMS. Pour être aidé, appelez le {hotline} ou demandez un rappel sur notre site.', CURRENT_TIMESTAMP(6));

-- Every text sent, once: a text is recorded (dedup_key) before it is handed to Twilio, so that no retry, crash or
-- replayed event sends it twice. No phone number here: the ticket keeps the citizen's, encrypted.
CREATE TABLE sms_message (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dedup_key VARCHAR(100) NOT NULL,
    template_code VARCHAR(40) NULL,
    ticket_id BIGINT NULL,
    body VARCHAR(1600) NOT NULL,
    status VARCHAR(10) NOT NULL,
    twilio_sid VARCHAR(64) NULL,
    error VARCHAR(255) NULL,
    created_at DATETIME(6) NOT NULL,
    sent_at DATETIME(6) NULL,
    CONSTRAINT uq_sms_message_dedup UNIQUE (dedup_key),
    CONSTRAINT fk_sms_message_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT ck_sms_message_status CHECK (status IN ('SENDING', 'SENT', 'FAILED')),
    INDEX ix_sms_message_ticket (ticket_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Webhooks Twilio delivered, by their I-Twilio-Idempotency-Token: one delivered again changes nothing. Kept a day.
CREATE TABLE telephony_webhook_token (
    token VARCHAR(100) NOT NULL PRIMARY KEY,
    received_at DATETIME(6) NOT NULL,
    INDEX ix_telephony_webhook_token_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
