-- Every change to a group of settings moves its version on, so that a stale change is refused and the other instances
-- read the group again.
CREATE TABLE service_setting_group (
    group_name VARCHAR(40) NOT NULL PRIMARY KEY,
    version INT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
