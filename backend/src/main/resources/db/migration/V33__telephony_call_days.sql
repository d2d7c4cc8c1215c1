-- Call records older than a year (passerelle.retention.calls), reduced to anonymous counts per day (Paris time):
-- what the statistics need of them, about nobody. The records themselves are then deleted.
CREATE TABLE telephony_call_day (
    day DATE NOT NULL,
    direction VARCHAR(10) NOT NULL,
    leg VARCHAR(12) NOT NULL,
    outcome VARCHAR(30) NOT NULL DEFAULT '' COMMENT 'empty for a call whose end was never reported',
    topic_code VARCHAR(30) NOT NULL DEFAULT '',
    departement_code VARCHAR(3) NOT NULL DEFAULT '' COMMENT 'the département of the request it led to, if any',
    calls INT NOT NULL,
    answered INT NOT NULL,
    ring_seconds BIGINT NOT NULL COMMENT 'from the start to the answer, summed over the answered calls',
    talk_seconds BIGINT NOT NULL COMMENT 'durations Twilio reported, summed',
    queue_seconds BIGINT NOT NULL COMMENT 'time waited in the queue, summed over the calls that waited',
    queued INT NOT NULL COMMENT 'calls that waited in the queue',
    PRIMARY KEY (day, direction, leg, outcome, topic_code, departement_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
