-- The help desk's weekly opening hours (Europe/Paris), set from the staff app (issue 15). The configuration
-- (passerelle.opening-hours.weekly.*) gives only the first ones, written here at the first start.
CREATE TABLE service_opening_slot (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    day_of_week TINYINT NOT NULL,
    opens TIME NOT NULL,
    closes TIME NOT NULL,
    CONSTRAINT ck_service_opening_slot_day CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT ck_service_opening_slot_times CHECK (opens < closes)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
