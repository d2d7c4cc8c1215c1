-- Requests counted against a limit (the public callback form: per network address, per phone number). The subject
-- is a SHA-256 hash; rows older than the longest window are deleted.
CREATE TABLE rate_limit_hit (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    bucket VARCHAR(40) NOT NULL,
    subject CHAR(64) NOT NULL,
    hit_at DATETIME(6) NOT NULL,
    INDEX ix_rate_limit_hit_subject (bucket, subject, hit_at),
    INDEX ix_rate_limit_hit_time (hit_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
