// French catalogue of the staff app: every text a volunteer or coordinator reads comes from here (or en.ts).
export const fr = {
  app: {
    name: 'Passerelle',
    tagline: 'Espace bénévoles et coordinateurs',
    skipToContent: 'Aller au contenu',
    loading: 'Chargement…',
    mainNavigation: 'Navigation principale',
    signedInAs: 'Connecté·e : {name}',
    logout: 'Se déconnecter',
    genericError: 'Une erreur est survenue. Réessayez dans quelques instants.',
    networkError: 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
  },
  nav: {
    home: 'Accueil',
    account: 'Mon compte',
  },
  roles: {
    VOLUNTEER: 'Bénévole',
    COORDINATOR: 'Coordination',
    ADMIN: 'Administration',
  },
  scope: {
    national: 'nationale',
    region: 'région {region}',
  },
  login: {
    title: 'Connexion',
    intro: 'Connectez-vous avec l’adresse e-mail de votre compte Passerelle.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    signedOut: 'Vous êtes déconnecté·e.',
    backToSite: 'Retour au site public',
  },
  home: {
    title: 'Bonjour {name}',
    role: 'Votre rôle : {role}',
    coordinatorScope: 'Périmètre : {scope}',
    volunteerIntro:
      'Depuis cet espace, vous répondrez aux personnes qui appellent Passerelle et les rappellerez.',
    coordinatorIntro: 'Depuis cet espace, vous suivrez la file d’attente et l’activité des bénévoles.',
    adminIntro: 'Depuis cet espace, vous administrerez la plateforme.',
    reminder:
      'Rappel : nous guidons les personnes, nous n’agissons jamais à leur place et ne demandons jamais leurs mots de passe.',
  },
  account: {
    title: 'Mon compte',
    identity: 'Mon identité',
    name: 'Nom',
    email: 'Adresse e-mail',
    role: 'Rôle',
    volunteerProfile: 'Mon profil de bénévole',
    departement: 'Département',
    skills: 'Thèmes',
    changePassword: 'Changer mon mot de passe',
    mustChangePassword: 'Pour protéger votre compte, choisissez un nouveau mot de passe avant de continuer.',
    currentPassword: 'Mot de passe actuel',
    newPassword: 'Nouveau mot de passe',
    newPasswordHint: 'Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir.',
    confirmPassword: 'Confirmez le nouveau mot de passe',
    passwordsDiffer: 'Les deux mots de passe ne sont pas identiques.',
    tooShort: 'Le mot de passe doit contenir au moins 12 caractères.',
    submit: 'Changer le mot de passe',
    submitting: 'Enregistrement…',
    changed: 'Votre mot de passe a été changé. Vos autres sessions ont été fermées.',
  },
  notFound: {
    title: 'Page introuvable',
    text: 'Cette page n’existe pas.',
    back: 'Retour à l’accueil',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof fr>;
