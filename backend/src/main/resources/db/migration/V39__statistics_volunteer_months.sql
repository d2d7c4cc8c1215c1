-- Each volunteer's months, summed from their days (statistics_volunteers) once a month has ended, so that a year is
-- read in twelve lines per volunteer rather than 365. Kept and forgotten as the days are (volunteer 0 after 13 months).
CREATE TABLE statistics_volunteer_months (
    month DATE NOT NULL COMMENT 'its first day',
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
    PRIMARY KEY (month, volunteer_id, region_code),
    INDEX ix_statistics_volunteer_months_region (region_code, month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
