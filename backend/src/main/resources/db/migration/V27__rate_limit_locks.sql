-- One row per limited subject, locked while its hits are counted, so that parallel requests of one subject are
-- counted one after the other and a burst never gets past a limit. Rows are deleted with the subject's last hit.
CREATE TABLE rate_limit_subject (
    bucket VARCHAR(40) NOT NULL,
    subject CHAR(64) NOT NULL,
    last_hit_at DATETIME(6) NOT NULL,
    PRIMARY KEY (bucket, subject),
    INDEX ix_rate_limit_subject_time (last_hit_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
