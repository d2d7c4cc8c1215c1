-- Exceptional closures (a strike, a holiday bridge, a snow day: whole days, with a message the phone line reads and
-- the citizen site shows) and exceptional openings (a day with its own hours, a public holiday or a Saturday).
CREATE TABLE service_exception (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(6) NOT NULL,
    first_day DATE NOT NULL,
    last_day DATE NOT NULL,
    opens TIME NULL,
    closes TIME NULL,
    message VARCHAR(300) NULL,
    created_by BIGINT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT ck_service_exception_kind CHECK (kind IN ('CLOSED', 'OPEN')),
    CONSTRAINT ck_service_exception_days CHECK (first_day <= last_day),
    CONSTRAINT ck_service_exception_hours CHECK (kind = 'CLOSED' OR (opens IS NOT NULL AND opens < closes)),
    INDEX ix_service_exception_last_day (last_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
