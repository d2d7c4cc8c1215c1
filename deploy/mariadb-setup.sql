-- Creates Passerelle's database and account on an operator's MariaDB (>= 10.6). Run once as an administrator:
--   mariadb -u root -p < mariadb-setup.sql
-- Flyway creates and upgrades the tables at each start of the application.
CREATE DATABASE IF NOT EXISTS passerelle CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'passerelle'@'%' IDENTIFIED BY 'change-me';
GRANT ALL PRIVILEGES ON passerelle.* TO 'passerelle'@'%';
