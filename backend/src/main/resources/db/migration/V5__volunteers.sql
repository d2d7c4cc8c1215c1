-- A volunteer mediator: the account that signs in, the département they live in, the themes they can help with.
CREATE TABLE volunteer (
    account_id BIGINT NOT NULL PRIMARY KEY,
    departement_code VARCHAR(3) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_volunteer_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_volunteer_departement FOREIGN KEY (departement_code) REFERENCES departement (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE volunteer_skill (
    account_id BIGINT NOT NULL,
    topic_code VARCHAR(30) NOT NULL,
    PRIMARY KEY (account_id, topic_code),
    CONSTRAINT fk_volunteer_skill_volunteer FOREIGN KEY (account_id) REFERENCES volunteer (account_id)
        ON DELETE CASCADE,
    CONSTRAINT fk_volunteer_skill_topic FOREIGN KEY (topic_code) REFERENCES topic (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
