-- "Take the next one" sent twice with the same Idempotency-Key returns the request the first one took.
CREATE TABLE routing_claim_key (
    volunteer_id BIGINT NOT NULL,
    idempotency_key VARCHAR(64) NOT NULL,
    ticket_id BIGINT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (volunteer_id, idempotency_key),
    INDEX ix_routing_claim_key_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
