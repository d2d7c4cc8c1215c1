-- The phone a coordinator (or an administrator) is rung on to call a citizen back, as volunteers are on theirs; sealed,
-- bound to its row.
CREATE TABLE staff_call_phone (
    account_id BIGINT NOT NULL PRIMARY KEY,
    phone_cipher VARBINARY(128) NOT NULL,
    registered_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_staff_call_phone_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
