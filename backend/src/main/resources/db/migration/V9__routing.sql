-- The routing engine's index of the tickets it places: waiting, offered to one volunteer until a deadline, or held.
-- Claims read waiting entries in the order of one index: lane (0 live calls, 1 callbacks), urgency (0 = highest
-- priority), waiting time.
CREATE TABLE routing_entry (
    ticket_id BIGINT NOT NULL PRIMARY KEY,
    kind VARCHAR(20) NOT NULL,
    lane TINYINT NOT NULL,
    urgency TINYINT NOT NULL,
    topic_code VARCHAR(30) NOT NULL,
    departement_code VARCHAR(3) NOT NULL,
    region_code VARCHAR(3) NOT NULL,
    language CHAR(2) NOT NULL,
    priority INT NOT NULL,
    waiting_since DATETIME(6) NOT NULL,
    state VARCHAR(10) NOT NULL,
    volunteer_id BIGINT NULL,
    offer_expires_at DATETIME(6) NULL,
    CONSTRAINT fk_routing_entry_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT ck_routing_entry_state CHECK (state IN ('WAITING', 'OFFERED', 'HELD')),
    INDEX ix_routing_entry_order (state, lane, urgency, waiting_since, ticket_id),
    INDEX ix_routing_entry_volunteer (volunteer_id, state),
    INDEX ix_routing_entry_expiry (offer_expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A volunteer who declined a ticket, or let its offer expire, is not offered it again.
CREATE TABLE routing_skip (
    ticket_id BIGINT NOT NULL,
    volunteer_id BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, volunteer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ShedLock: each scheduled job runs on one instance at a time.
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by VARCHAR(255) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
