-- Spring Modulith's event publication registry (schema v2 for MariaDB), so that no event between modules is lost
-- when a listener fails or the application stops: incomplete publications are resubmitted. DATETIME rather than
-- TIMESTAMP, so that MariaDB < 10.10 never updates PUBLICATION_DATE behind our back.
CREATE TABLE EVENT_PUBLICATION (
    ID VARCHAR(36) NOT NULL,
    LISTENER_ID VARCHAR(512) NOT NULL,
    EVENT_TYPE VARCHAR(512) NOT NULL,
    SERIALIZED_EVENT VARCHAR(4000) NOT NULL,
    PUBLICATION_DATE DATETIME(6) NOT NULL,
    COMPLETION_DATE DATETIME(6) NULL,
    STATUS VARCHAR(20),
    COMPLETION_ATTEMPTS INT,
    LAST_RESUBMISSION_DATE DATETIME(6),
    PRIMARY KEY (ID),
    INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
