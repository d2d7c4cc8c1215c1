-- Single-use links sent by e-mail to a staff member: a password reset (valid 30 minutes), and later invitations.
-- Only the SHA-256 of the token is kept (each carries 256 random bits); a link is used at most once, and a newer
-- one of the same purpose replaces the earlier. Expired links are deleted.
CREATE TABLE account_token (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    purpose VARCHAR(20) NOT NULL,
    token_hash CHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at DATETIME(6) NULL,
    CONSTRAINT uk_account_token UNIQUE (token_hash),
    CONSTRAINT fk_account_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    INDEX ix_account_token_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
