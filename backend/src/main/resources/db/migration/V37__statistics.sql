-- Statistics (issue 14). What the figures need that was not kept, and the rollups they are read from.

-- Practice: a request made from a training phone is marked, never counted in any figure.
ALTER TABLE ticket ADD COLUMN practice BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE ticket t
JOIN telephony_call c ON c.ticket_id = t.id AND c.leg = 'CALLER'
JOIN telephony_practice_call p ON p.call_sid = c.call_sid
SET t.practice = TRUE;

-- Why a caller, once their theme and postcode were known, waited on the line or not: QUEUE (they waited), CLOSED
-- (outside opening hours), NO_VOLUNTEER (nobody who could take the call was available), QUEUE_FULL (too many callers
-- already waited for the volunteers available). The last two are calls missed for want of a volunteer.
ALTER TABLE telephony_call
    ADD COLUMN route VARCHAR(12) NULL,
    ADD CONSTRAINT ck_telephony_call_route CHECK (route IS NULL OR route IN ('QUEUE', 'CLOSED', 'NO_VOLUNTEER', 'QUEUE_FULL')),
    ADD INDEX ix_telephony_call_started (started_at);

-- The statistics read a day's events, and the outcome forms recorded over a period.
ALTER TABLE ticket_event ADD INDEX ix_ticket_event_occurred (occurred_at, type);
ALTER TABLE ticket_outcome ADD INDEX ix_ticket_outcome_recorded (recorded_at);

-- Volunteers' presence over time, for occupancy and coverage: available (AVAILABLE, or BUSY when they hold as many
-- requests as they can), on a break (PAUSED), wrapping up after a request (WRAP_UP, which overlaps the others). Offline
-- time is not recorded. ended_at is NULL while the period lasts (a wrap-up is written with its planned end). Kept 13
-- months (passerelle.retention.presence), then deleted: the daily rollups keep what the figures need of it.
CREATE TABLE volunteer_presence_period (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    state VARCHAR(10) NOT NULL,
    started_at DATETIME(6) NOT NULL,
    ended_at DATETIME(6) NULL,
    CONSTRAINT fk_volunteer_presence_period_volunteer FOREIGN KEY (account_id) REFERENCES volunteer (account_id)
        ON DELETE CASCADE,
    CONSTRAINT ck_volunteer_presence_period_state CHECK (state IN ('AVAILABLE', 'BUSY', 'PAUSED', 'WRAP_UP')),
    INDEX ix_volunteer_presence_period_open (account_id, ended_at),
    INDEX ix_volunteer_presence_period_started (started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO volunteer_presence_period (account_id, state, started_at)
SELECT account_id, status, since FROM volunteer_presence WHERE status <> 'OFFLINE';

-- The rollups: anonymous counts per day (Europe/Paris), kept for good. Each is rebuilt whole for a day from the
-- records of that day (see fr.passerelle.statistics.DayRollup for every definition). A cell is one breakdown of a
-- day: dim D the whole day, T a theme (item: its code), P a département (item: its code), H an hour of the day in
-- Paris time (item: 00 to 23). scope is FR for the whole country, or a région's code.

-- Calls to the hotline (by the day they started), and the volunteers on shift and available (dims D and H).
CREATE TABLE statistics_calls (
    dim CHAR(1) NOT NULL,
    day DATE NOT NULL,
    scope VARCHAR(3) NOT NULL,
    item VARCHAR(30) NOT NULL,
    calls INT NOT NULL,
    offered INT NOT NULL,
    answered INT NOT NULL,
    abandoned INT NOT NULL,
    short_abandoned INT NOT NULL,
    queue_callbacks INT NOT NULL,
    menu_callbacks INT NOT NULL,
    left_in_menu INT NOT NULL,
    closed_hours INT NOT NULL,
    missed INT NOT NULL,
    answered_wait_ms BIGINT NOT NULL,
    answered_wait_max_ms BIGINT NOT NULL,
    talk_seconds BIGINT NOT NULL,
    on_shift_seconds BIGINT NOT NULL,
    available_seconds BIGINT NOT NULL,
    PRIMARY KEY (dim, scope, day, item),
    INDEX ix_statistics_calls_day (dim, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How long the calls answered (A) and abandoned after 5 s (B) waited, in buckets: whole seconds up to 2 min, 5 s up
-- to 10 min, 30 s up to an hour, then 5 min. bucket is its lower bound in seconds.
CREATE TABLE statistics_waits (
    day DATE NOT NULL,
    scope VARCHAR(3) NOT NULL,
    kind CHAR(1) NOT NULL,
    bucket INT NOT NULL,
    calls INT NOT NULL,
    PRIMARY KEY (scope, kind, day, bucket)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Requests for help (by the day they were made), what became of them (dims D, T, P and H).
CREATE TABLE statistics_requests (
    dim CHAR(1) NOT NULL,
    day DATE NOT NULL,
    scope VARCHAR(3) NOT NULL,
    item VARCHAR(30) NOT NULL,
    requests INT NOT NULL,
    live_calls INT NOT NULL,
    callbacks INT NOT NULL,
    callbacks_phone INT NOT NULL,
    callbacks_web INT NOT NULL,
    callbacks_queue INT NOT NULL,
    callbacks_follow_up INT NOT NULL,
    first_attempt_24h_known INT NOT NULL,
    first_attempt_24h INT NOT NULL,
    first_attempt_48h_known INT NOT NULL,
    first_attempt_48h INT NOT NULL,
    callbacks_closed INT NOT NULL,
    callback_attempts INT NOT NULL,
    callbacks_unreachable INT NOT NULL,
    closed INT NOT NULL,
    resolved INT NOT NULL,
    redirected INT NOT NULL,
    unreachable INT NOT NULL,
    cancelled INT NOT NULL,
    repeat_requests INT NOT NULL,
    PRIMARY KEY (dim, scope, day, item),
    INDEX ix_statistics_requests_day (dim, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The outcome forms of the requests made that day: how many chose each code of each question.
CREATE TABLE statistics_outcomes (
    day DATE NOT NULL,
    scope VARCHAR(3) NOT NULL,
    question VARCHAR(20) NOT NULL,
    code VARCHAR(60) NOT NULL,
    requests INT NOT NULL,
    PRIMARY KEY (scope, day, question, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each volunteer's day: conversations, callbacks placed, and time (available, in a call, wrapping up, on a break).
CREATE TABLE statistics_volunteers (
    day DATE NOT NULL,
    volunteer_id BIGINT NOT NULL,
    region_code VARCHAR(3) NOT NULL,
    answered INT NOT NULL,
    callbacks_made INT NOT NULL,
    callbacks_reached INT NOT NULL,
    available_seconds BIGINT NOT NULL,
    in_call_seconds BIGINT NOT NULL,
    wrap_up_seconds BIGINT NOT NULL,
    handling_seconds BIGINT NOT NULL,
    working_seconds BIGINT NOT NULL,
    paused_seconds BIGINT NOT NULL,
    PRIMARY KEY (day, volunteer_id),
    INDEX ix_statistics_volunteers_region (region_code, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which days are rolled up, and up to which timeline entry the requests' changes were taken into account.
CREATE TABLE statistics_rollup_state (
    id TINYINT NOT NULL PRIMARY KEY,
    event_watermark BIGINT NOT NULL,
    first_day DATE NULL,
    -- days from this one to yesterday are counted again whole at the next run (records written in the past)
    recount_from DATE NULL,
    rolled_up_at DATETIME(6) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO statistics_rollup_state (id, event_watermark) VALUES (1, 0);

-- The targets figures are coloured against, which national coordinators set.
CREATE TABLE statistics_target (
    name VARCHAR(40) NOT NULL PRIMARY KEY,
    value DECIMAL(8, 3) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    updated_by BIGINT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO statistics_target (name, value, updated_at) VALUES
    ('SERVICE_LEVEL_THRESHOLD_SECONDS', 60, CURRENT_TIMESTAMP(6)),
    ('SERVICE_LEVEL', 0.80, CURRENT_TIMESTAMP(6)),
    ('ABANDONMENT_RATE', 0.08, CURRENT_TIMESTAMP(6)),
    ('FIRST_ATTEMPT_24H_RATE', 0.90, CURRENT_TIMESTAMP(6));

-- Coverage alerts: raised when, during opening hours, callers wait and nobody who could answer them is available
-- (NOBODY_AVAILABLE), or when the last hour's abandonment rate passed its target (ABANDONMENT); ended once it no
-- longer holds. texted_at: when the coordinators who asked for it were texted about it (once an hour at most).
CREATE TABLE statistics_alert (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rule VARCHAR(20) NOT NULL,
    scope VARCHAR(3) NOT NULL,
    started_at DATETIME(6) NOT NULL,
    ended_at DATETIME(6) NULL,
    texted_at DATETIME(6) NULL,
    CONSTRAINT ck_statistics_alert_rule CHECK (rule IN ('NOBODY_AVAILABLE', 'ABANDONMENT')),
    INDEX ix_statistics_alert_open (ended_at, rule, scope)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Coordinators who asked to be texted the coverage alerts, and the phone to text: sealed (AES-GCM) and bound to its
-- row, as volunteers' phones are.
CREATE TABLE statistics_alert_subscription (
    account_id BIGINT NOT NULL PRIMARY KEY,
    phone_cipher VARBINARY(128) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_statistics_alert_subscription_account FOREIGN KEY (account_id) REFERENCES account (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Practice requests (made from a training phone) are offered only to volunteers practising: those whose registered
-- phone is their own training phone (simulator mode).
ALTER TABLE routing_entry ADD COLUMN practice BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE volunteer ADD COLUMN training_phone BOOLEAN NOT NULL DEFAULT FALSE;
