-- Every change to the hours or the exceptions moves the version on; each instance reads them again within seconds.
-- seeded: whether the configuration's first weekly hours were written.
CREATE TABLE service_calendar_state (
    id TINYINT NOT NULL PRIMARY KEY,
    version INT NOT NULL,
    seeded BOOLEAN NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO service_calendar_state (id, version, seeded) VALUES (1, 0, FALSE);
