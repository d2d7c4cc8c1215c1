-- Every change to the themes or the phone menu moves the version on; each instance reads the menu again within seconds.
CREATE TABLE topic_menu_state (
    id TINYINT NOT NULL PRIMARY KEY,
    version INT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO topic_menu_state (id, version) VALUES (1, 0);
