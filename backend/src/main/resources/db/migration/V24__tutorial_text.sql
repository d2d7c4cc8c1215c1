-- The text a volunteer sends a citizen with a tutorial's short link, in one click from the console.
INSERT INTO sms_template (code, body_fr, updated_at) VALUES
    ('TUTORIAL_LINK', 'Passerelle : le tutoriel « {title} » vous guide étape par étape : {link} . Nous ne vous demanderons jamais de mot de passe.', CURRENT_TIMESTAMP(6));
