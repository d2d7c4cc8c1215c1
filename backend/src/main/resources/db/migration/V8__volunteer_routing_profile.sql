-- What routing needs to know of a volunteer: languages, territories served, capacity, approval and training (the
-- onboarding flow fills these), presence with its timestamps, and weekly shifts.
ALTER TABLE volunteer
    ADD COLUMN languages VARCHAR(40) NOT NULL DEFAULT 'fr',
    ADD COLUMN capacity INT NOT NULL DEFAULT 1,
    ADD COLUMN serves_nationally BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN available_at_shift_start BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN approved_at DATETIME(6) NULL,
    ADD COLUMN trained_at DATETIME(6) NULL,
    ADD CONSTRAINT ck_volunteer_capacity CHECK (capacity BETWEEN 1 AND 10);

-- Départements (kind D) or régions (kind R) a volunteer takes requests from, besides their own département.
CREATE TABLE volunteer_territory (
    account_id BIGINT NOT NULL,
    kind CHAR(1) NOT NULL,
    code VARCHAR(3) NOT NULL,
    PRIMARY KEY (account_id, kind, code),
    CONSTRAINT fk_volunteer_territory_volunteer FOREIGN KEY (account_id) REFERENCES volunteer (account_id)
        ON DELETE CASCADE,
    CONSTRAINT ck_volunteer_territory_kind CHECK (kind IN ('D', 'R'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Presence: AVAILABLE, BUSY, PAUSED, OFFLINE, since when, and since when the volunteer has had nothing to do
-- (longest idle first). The row is also what a claim locks, so that a volunteer never exceeds their capacity.
CREATE TABLE volunteer_presence (
    account_id BIGINT NOT NULL PRIMARY KEY,
    status VARCHAR(20) NOT NULL,
    since DATETIME(6) NOT NULL,
    idle_since DATETIME(6) NULL,
    CONSTRAINT fk_volunteer_presence_volunteer FOREIGN KEY (account_id) REFERENCES volunteer (account_id)
        ON DELETE CASCADE,
    CONSTRAINT ck_volunteer_presence_status CHECK (status IN ('AVAILABLE', 'BUSY', 'PAUSED', 'OFFLINE')),
    INDEX ix_volunteer_presence_status (status, idle_since)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Weekly shifts, in the time of the volunteer's own département.
CREATE TABLE volunteer_shift (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    day_of_week TINYINT NOT NULL,
    starts TIME NOT NULL,
    ends TIME NOT NULL,
    CONSTRAINT fk_volunteer_shift_volunteer FOREIGN KEY (account_id) REFERENCES volunteer (account_id)
        ON DELETE CASCADE,
    CONSTRAINT ck_volunteer_shift_day CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT ck_volunteer_shift_times CHECK (starts < ends),
    INDEX ix_volunteer_shift_day (day_of_week, starts)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO volunteer_presence (account_id, status, since)
SELECT account_id, 'OFFLINE', created_at FROM volunteer;
