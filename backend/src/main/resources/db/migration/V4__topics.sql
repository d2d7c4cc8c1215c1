-- The themes of a request for help, each with its key on the phone menu (0 = "autre chose", also the menu's skip key).
CREATE TABLE topic (
    code VARCHAR(30) NOT NULL PRIMARY KEY,
    name_fr VARCHAR(120) NOT NULL,
    name_en VARCHAR(120) NOT NULL,
    menu_digit CHAR(1) NOT NULL,
    position INT NOT NULL,
    CONSTRAINT uk_topic_menu_digit UNIQUE (menu_digit),
    CONSTRAINT ck_topic_menu_digit CHECK (menu_digit BETWEEN '0' AND '9')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO topic (code, name_fr, name_en, menu_digit, position) VALUES
    ('CAF', 'CAF & prestations sociales', 'CAF & social benefits', '1', 1),
    ('HEALTH', 'Santé (Ameli, téléconsultation)', 'Health (Ameli, teleconsultation)', '2', 2),
    ('TAXES', 'Impôts', 'Taxes', '3', 3),
    ('EMPLOYMENT', 'Emploi (France Travail)', 'Employment (France Travail)', '4', 4),
    ('IDENTITY', 'Papiers d''identité & permis (ANTS)', 'Identity papers & driving licence (ANTS)', '5', 5),
    ('RETIREMENT', 'Retraite', 'Retirement', '6', 6),
    ('HOUSING', 'Logement & énergie', 'Housing & energy', '7', 7),
    ('BANKING', 'Banque & paiements en ligne', 'Banking & online payments', '8', 8),
    ('EMAIL_DEVICES', 'Messagerie & équipement', 'E-mail & devices', '9', 9),
    ('OTHER', 'Autre', 'Other', '0', 10);
