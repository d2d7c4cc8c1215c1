CREATE TABLE account (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(254) NOT NULL,
    display_name VARCHAR(120) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role VARCHAR(20) NOT NULL,
    region_code VARCHAR(3) NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    password_change_required BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME(6) NOT NULL,
    password_changed_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_account_email UNIQUE (email),
    CONSTRAINT fk_account_region FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT ck_account_role CHECK (role IN ('VOLUNTEER', 'COORDINATOR', 'ADMIN')),
    CONSTRAINT ck_account_region_scope CHECK (region_code IS NULL OR role = 'COORDINATOR')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Failed sign-ins, kept for the throttling window only. The subject is a SHA-256 hash of the account or address,
-- never the e-mail or IP address itself.
CREATE TABLE login_failure (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    subject CHAR(64) NOT NULL,
    failed_at DATETIME(6) NOT NULL,
    INDEX ix_login_failure_subject (subject, failed_at),
    INDEX ix_login_failure_time (failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
