-- Numbers coordinators blocked (harassment, abuse): their calls hear a polite message, their texts are not answered,
-- no request is opened for them. Only the lookup hash (HMAC) and the masked form are kept, never the number.
CREATE TABLE blocked_number (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lookup_hash CHAR(64) NOT NULL,
    masked VARCHAR(32) NOT NULL,
    reason VARCHAR(300) NOT NULL,
    blocked_by BIGINT NULL,
    blocked_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_blocked_number_hash UNIQUE (lookup_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
