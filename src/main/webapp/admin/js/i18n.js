// The dashboard's two languages. The browser's language decides (French for any fr-*, English otherwise) until the
// admin picks one with the switch, kept in localStorage. Texts live here only: views call t(key, values).

const STORAGE_KEY = 'coloc.lang';

const TEXTS = {
  fr: {
    appName: 'coloc',
    skip: 'Aller au contenu',
    mainNav: 'Navigation principale',
    nav_cases: 'Demandes',
    nav_mail: 'Courrier',
    nav_members: 'Membres',
    nav_hosts: 'Machines',
    nav_vms: 'VM',
    nav_maintenances: 'Maintenances',
    nav_comments: 'Commentaires',
    nav_tokens: 'Jetons d’API',
    loggedInAs: 'Connecté :',
    logout: 'Se déconnecter',
    switchTo: 'English',
    switchToLabel: 'Switch to English',
    loginTitle: 'Connexion à coloc',
    loginUser: 'Utilisateur',
    loginPassword: 'Mot de passe',
    loginSubmit: 'Se connecter',
    loginWrong: 'Utilisateur ou mot de passe incorrect.',
    loginTooMany: 'Trop d’essais manqués : réessayez dans {seconds} s.',
    loginFailed: 'La connexion a échoué ({status}). Réessayez.',
    loginNetwork: 'Le serveur ne répond pas. Réessayez.',
    sessionEnded: 'Votre session a pris fin : reconnectez-vous.',
    loggedOut: 'Vous êtes déconnecté.',
    casesTitle: 'Demandes',
    countsLabel: 'Demandes par état',
    allStates: 'Toutes',
    state_new: 'Nouvelle',
    'state_waiting-admin': 'Attend l’admin',
    'state_waiting-requester': 'Attend le demandeur',
    state_closed: 'Fermée',
    casesEmpty: 'Aucune demande.',
    caseListLabel: 'Demandes, les plus récemment actives d’abord',
    lastActivityAt: 'Dernière activité : {when}',
    requesterIs: 'Demandeur : {who}',
    loading: 'Chargement…',
    loadFailed: 'Impossible de charger : {detail}',
    backToCases: '← Toutes les demandes',
    threadLabel: 'Fil de la demande',
    dir_incoming: 'Reçu',
    dir_outgoing: 'Envoyé',
    dir_note: 'Note interne',
    caseTitle: 'Demande n° {number}',
    casesUpdated: 'Liste des demandes mise à jour',
    noSubject: '(sans objet)',
    participantsLabel: 'Participants',
    requesterTag: 'demandeur',
    failingFlag: 'adresse en échec {entry}',
    actionsLabel: 'Répondre, noter, changer l’état',
    replyLabel: 'Réponse au demandeur (envoyée par mail)',
    replySubmit: 'Répondre',
    replySent: 'Réponse envoyée.',
    noteLabel: 'Note interne (personne ne reçoit de mail)',
    noteSubmit: 'Ajouter la note',
    noteAdded: 'Note ajoutée.',
    stateLabel: 'État de la demande',
    stateSubmit: 'Changer l’état',
    stateChanged: 'État : {state}.',
    showWhole: 'Voir le message entier',
    hideWhole: 'Masquer le message entier',
    rawSource: 'Source brute',
    wholeHtmlOnly: 'Message en HTML seulement, montré comme source :',
    caseUpdated: 'Demande mise à jour',
  },
  en: {
    appName: 'coloc',
    skip: 'Skip to content',
    mainNav: 'Main navigation',
    nav_cases: 'Cases',
    nav_mail: 'Mail',
    nav_members: 'Members',
    nav_hosts: 'Hosts',
    nav_vms: 'VMs',
    nav_maintenances: 'Maintenance',
    nav_comments: 'Comments',
    nav_tokens: 'API tokens',
    loggedInAs: 'Logged in:',
    logout: 'Log out',
    switchTo: 'Français',
    switchToLabel: 'Passer en français',
    loginTitle: 'Log in to coloc',
    loginUser: 'User',
    loginPassword: 'Password',
    loginSubmit: 'Log in',
    loginWrong: 'Wrong user or password.',
    loginTooMany: 'Too many failed attempts: try again in {seconds} s.',
    loginFailed: 'Logging in failed ({status}). Try again.',
    loginNetwork: 'The server does not answer. Try again.',
    sessionEnded: 'Your session has ended: please log in again.',
    loggedOut: 'You are logged out.',
    casesTitle: 'Cases',
    countsLabel: 'Cases by state',
    allStates: 'All',
    state_new: 'New',
    'state_waiting-admin': 'Waiting for admin',
    'state_waiting-requester': 'Waiting for requester',
    state_closed: 'Closed',
    casesEmpty: 'No cases.',
    caseListLabel: 'Cases, most recently active first',
    lastActivityAt: 'Last activity: {when}',
    requesterIs: 'Requester: {who}',
    loading: 'Loading…',
    loadFailed: 'Could not load: {detail}',
    backToCases: '← All cases',
    threadLabel: 'Thread of the case',
    dir_incoming: 'Received',
    dir_outgoing: 'Sent',
    dir_note: 'Internal note',
    caseTitle: 'Case #{number}',
    casesUpdated: 'Case list updated',
    noSubject: '(no subject)',
    participantsLabel: 'Participants',
    requesterTag: 'requester',
    failingFlag: 'failing address {entry}',
    actionsLabel: 'Reply, note, change the state',
    replyLabel: 'Reply to the requester (sent by mail)',
    replySubmit: 'Reply',
    replySent: 'Reply sent.',
    noteLabel: 'Internal note (nobody is mailed)',
    noteSubmit: 'Add the note',
    noteAdded: 'Note added.',
    stateLabel: 'State of the case',
    stateSubmit: 'Change the state',
    stateChanged: 'State: {state}.',
    showWhole: 'Show the whole mail',
    hideWhole: 'Hide the whole mail',
    rawSource: 'Raw source',
    wholeHtmlOnly: 'HTML-only mail, shown as source:',
    caseUpdated: 'Case updated',
  },
};

function initialLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch (e) {
    // storage may be off (private mode): the browser's language decides
  }
  if (stored === 'fr' || stored === 'en') {
    return stored;
  }
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || 'fr';
  return browser.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

let current = initialLanguage();
const listeners = [];

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = lang === 'en' ? 'en' : 'fr';
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch (e) {
    // not kept: the switch still holds for this page
  }
  document.documentElement.lang = current;
  listeners.forEach((fn) => fn(current));
}

/** Called after every language change (views re-render). */
export function onLanguageChange(fn) {
  listeners.push(fn);
}

/**
 * Adds a view's texts ({ fr: {...}, en: {...} }), called by each view module when it is loaded, so that every area
 * of the dashboard keeps its words next to its code. A key already defined is an error (two areas, one word).
 */
export function addTexts(texts) {
  ['fr', 'en'].forEach((lang) => {
    Object.entries(texts[lang] || {}).forEach(([key, text]) => {
      if (key in TEXTS[lang]) {
        throw new Error(`text ${key} defined twice`);
      }
      TEXTS[lang][key] = text;
    });
  });
}

/** The keys one language has and the other lacks, as "en:key" or "fr:key" (the browser test asks). */
export function untranslated() {
  const lacking = (lang, other) => Object.keys(TEXTS[other]).filter((key) => !(key in TEXTS[lang]))
    .map((key) => `${lang}:${key}`);
  return [...lacking('en', 'fr'), ...lacking('fr', 'en')];
}

/** The text of a key in the current language, {name} replaced by values.name. */
export function t(key, values = {}) {
  const text = TEXTS[current][key] ?? TEXTS.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
}

/** Fills [data-i18n] (text) and [data-i18n-label] (aria-label) under root. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  });
}

/** One formatter per language: building an Intl.DateTimeFormat costs far more than using one (50 per list). */
const formats = new Map();

/** A date and time as the admin reads them, in his language and the browser's time zone. */
export function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  if (!formats.has(current)) {
    formats.set(current, new Intl.DateTimeFormat(current === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }));
  }
  return formats.get(current).format(d);
}
