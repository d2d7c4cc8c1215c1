-- What staff did and were refused, for accountability: sign-ins and failed sign-ins, refusals, administrative
-- changes (before and after), reads of a request's personal data. Kept 12 months (passerelle.retention.audit), then
-- deleted by the nightly job. Never a citizen's number: a request is named by its id, a blocked number masked.
CREATE TABLE audit_event (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(6) NOT NULL,
    action VARCHAR(40) NOT NULL,
    actor VARCHAR(254) NULL COMMENT 'the staff member''s address; NULL for the platform itself or an unknown address',
    client_address VARCHAR(45) NULL,
    target VARCHAR(120) NULL COMMENT 'what it was about: account/12, ticket/345, blocked_number/6',
    detail TEXT NULL COMMENT 'JSON: before and after, a reason',
    INDEX ix_audit_event_time (occurred_at),
    INDEX ix_audit_event_actor (actor, occurred_at),
    INDEX ix_audit_event_action (action, occurred_at),
    INDEX ix_audit_event_target (target, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
