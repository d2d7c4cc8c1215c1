-- Sign-in throttling counts attempts per (account, address) pair, per account and per address. Each subject has a
-- row that attempts lock before counting, so that parallel attempts cannot get past the delay together. Subjects are
-- keyed hashes (HMAC), never the e-mail or the address; failures counted before this version (unkeyed) are dropped.
DELETE FROM login_failure;

CREATE TABLE login_throttle_subject (
    subject CHAR(64) NOT NULL PRIMARY KEY,
    last_seen_at DATETIME(6) NOT NULL,
    INDEX ix_login_throttle_subject_seen (last_seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
