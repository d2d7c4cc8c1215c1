-- Two-factor authentication (TOTP, RFC 6238) and its recovery codes. Coordinators and administrators must have it,
-- volunteers may. The secret is sealed (AES-GCM, bound to its row, under the privacy keys' current version); a
-- pending secret waits for its first code before it replaces the one in use. The last time step accepted is kept
-- so that a code is never accepted twice. Recovery codes are stored as SHA-256 hashes only (each carries 120 random
-- bits), and each signs in once.
ALTER TABLE account ADD COLUMN two_factor_enabled_at DATETIME(6) NULL;

CREATE TABLE account_two_factor (
    account_id BIGINT NOT NULL PRIMARY KEY,
    secret_cipher VARBINARY(128) NULL,
    pending_cipher VARBINARY(128) NULL,
    last_used_step BIGINT NULL,
    CONSTRAINT fk_two_factor_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account_recovery_code (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    code_hash CHAR(64) NOT NULL,
    used_at DATETIME(6) NULL,
    CONSTRAINT uk_recovery_code UNIQUE (account_id, code_hash),
    CONSTRAINT fk_recovery_code_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
