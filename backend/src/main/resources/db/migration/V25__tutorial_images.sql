-- Images of tutorials' steps, uploaded from the editor: re-encoded as small JPEGs (metadata such as a photo's
-- location dropped), served at /tutoriels/images/{id}.jpg, never changed once stored (the same image uploaded twice
-- is stored once).
CREATE TABLE tutorial_image (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sha256 CHAR(64) NOT NULL,
    width INT NOT NULL,
    height INT NOT NULL,
    bytes MEDIUMBLOB NOT NULL,
    uploaded_by BIGINT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_tutorial_image_sha256 UNIQUE (sha256),
    CONSTRAINT fk_tutorial_image_uploader FOREIGN KEY (uploaded_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
