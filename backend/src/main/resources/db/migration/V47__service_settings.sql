-- Settings national coordinators change from the staff app, by group (the callback policy, the routing delays): the
-- configuration gives the first values, written once; each instance reads a group again within seconds of a change.
CREATE TABLE service_setting (
    group_name VARCHAR(40) NOT NULL,
    name VARCHAR(60) NOT NULL,
    value VARCHAR(200) NOT NULL,
    PRIMARY KEY (group_name, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
