-- Requests for help ("demandes"). The citizen's number is stored encrypted (phone_cipher) with a keyed hash
-- (phone_hash) to recognise repeat callers; both are erased when the retention period ends.
CREATE TABLE ticket (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reference CHAR(7) NOT NULL,
    source VARCHAR(20) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    topic_code VARCHAR(30) NOT NULL,
    postcode CHAR(5) NOT NULL,
    departement_code VARCHAR(3) NOT NULL,
    region_code VARCHAR(3) NOT NULL,
    phone_cipher VARBINARY(128) NULL,
    phone_hash CHAR(64) NULL,
    first_name VARCHAR(60) NULL,
    language CHAR(2) NOT NULL DEFAULT 'fr',
    preferred_slots VARCHAR(60) NOT NULL DEFAULT '',
    priority INT NOT NULL DEFAULT 0,
    status VARCHAR(20) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    waiting_since DATETIME(6) NULL,
    due_at DATETIME(6) NULL,
    next_attempt_at DATETIME(6) NULL,
    attempts INT NOT NULL DEFAULT 0,
    assignee_id BIGINT NULL,
    closed_at DATETIME(6) NULL,
    earlier_ticket_id BIGINT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_ticket_reference UNIQUE (reference),
    CONSTRAINT fk_ticket_topic FOREIGN KEY (topic_code) REFERENCES topic (code),
    CONSTRAINT fk_ticket_departement FOREIGN KEY (departement_code) REFERENCES departement (code),
    CONSTRAINT fk_ticket_region FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT fk_ticket_assignee FOREIGN KEY (assignee_id) REFERENCES account (id),
    CONSTRAINT fk_ticket_earlier FOREIGN KEY (earlier_ticket_id) REFERENCES ticket (id),
    INDEX ix_ticket_phone_hash (phone_hash, created_at),
    INDEX ix_ticket_status (status, next_attempt_at),
    INDEX ix_ticket_assignee (assignee_id, status),
    INDEX ix_ticket_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Everything that happened to a ticket: who (an account, or nobody for the platform itself), what, when.
CREATE TABLE ticket_event (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id BIGINT NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    actor_id BIGINT NULL,
    type VARCHAR(40) NOT NULL,
    detail VARCHAR(500) NULL,
    CONSTRAINT fk_ticket_event_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT fk_ticket_event_actor FOREIGN KEY (actor_id) REFERENCES account (id),
    INDEX ix_ticket_event_ticket (ticket_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_note (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id BIGINT NOT NULL,
    author_id BIGINT NOT NULL,
    written_at DATETIME(6) NOT NULL,
    body VARCHAR(4000) NOT NULL,
    CONSTRAINT fk_ticket_note_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT fk_ticket_note_author FOREIGN KEY (author_id) REFERENCES account (id),
    INDEX ix_ticket_note_ticket (ticket_id, written_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The outcome form, with the codes of the national activity report of digital mediators (Coop de la médiation
-- numérique, ANCT) so that figures can be merged. Multi-valued answers are comma-separated codes.
CREATE TABLE ticket_outcome (
    ticket_id BIGINT NOT NULL PRIMARY KEY,
    recorded_by BIGINT NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    support_type VARCHAR(40) NOT NULL,
    duration_minutes INT NOT NULL,
    procedure_themes VARCHAR(400) NOT NULL,
    support_themes VARCHAR(400) NOT NULL,
    equipment VARCHAR(200) NOT NULL,
    autonomy VARCHAR(40) NOT NULL,
    completion VARCHAR(40) NOT NULL,
    redirection VARCHAR(60) NULL,
    CONSTRAINT fk_ticket_outcome_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT fk_ticket_outcome_author FOREIGN KEY (recorded_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
