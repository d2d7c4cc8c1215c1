-- Where a citizen can already look while waiting for their callback, for each theme: the official site of the
-- service concerned (public addresses; the tutorials library will link its own pages instead). The confirmation
-- text gets a {link} placeholder, unless coordinators have already changed its wording.
ALTER TABLE topic ADD COLUMN link_url VARCHAR(255) NULL;

UPDATE topic SET link_url = 'https://www.caf.fr' WHERE code = 'CAF';
UPDATE topic SET link_url = 'https://www.ameli.fr' WHERE code = 'HEALTH';
UPDATE topic SET link_url = 'https://www.impots.gouv.fr' WHERE code = 'TAXES';
UPDATE topic SET link_url = 'https://www.francetravail.fr' WHERE code = 'EMPLOYMENT';
UPDATE topic SET link_url = 'https://ants.gouv.fr' WHERE code = 'IDENTITY';
UPDATE topic SET link_url = 'https://www.info-retraite.fr' WHERE code = 'RETIREMENT';
UPDATE topic SET link_url = 'https://www.service-public.fr' WHERE code IN ('HOUSING', 'OTHER');
UPDATE topic SET link_url = 'https://www.mesquestionsdargent.fr' WHERE code = 'BANKING';
UPDATE topic SET link_url = 'https://www.solidarite-numerique.fr' WHERE code = 'EMAIL_DEVICES';

UPDATE sms_template
SET body_fr = 'Passerelle : votre demande {reference} est enregistrée. Un bénévole vous rappellera {when}, depuis le {hotline}. En attendant : {link}. Nous ne vous demanderons jamais de mot de passe.',
    updated_at = CURRENT_TIMESTAMP(6)
WHERE code = 'CALLBACK_CONFIRMATION'
  AND body_fr = 'Passerelle : votre demande {reference} est enregistrée. Un bénévole vous rappellera {when}, depuis le {hotline}. Nous ne vous demanderons jamais de mot de passe.';
