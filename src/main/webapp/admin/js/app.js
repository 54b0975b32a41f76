// The dashboard's shell: finds out whether the admin is logged in, shows the login form or the header and the
// view the address names (#/cases, #/cases?state=new, #/cases/12), and keeps the language switch. Views live in
// views/*.js; each returns { refresh, focus } so that live updates (events.js) and the language switch can redraw.

import { language, onLanguageChange, setLanguage, t, translate } from './i18n.js';
import { logout, onUnauthorized, session } from './api.js';
import { renderLogin } from './views/login.js';
import { casesView } from './views/cases.js';
import { caseView } from './views/case.js';
import { startLiveUpdates } from './events.js';

const main = document.getElementById('main');
const header = document.getElementById('app-header');
const announcer = document.getElementById('announcer');
let currentView = null;
let stopLiveUpdates = () => {};
let loggedIn = false;

function announce(text) {
  announcer.textContent = '';
  announcer.textContent = text;
}

function parseRoute(hash) {
  const [path, search] = (hash.replace(/^#/, '') || '/cases').split('?');
  const params = new URLSearchParams(search || '');
  const caseMatch = path.match(/^\/cases\/(\d{1,10})$/);
  if (caseMatch) {
    return { name: 'case', number: caseMatch[1] };
  }
  return { name: 'cases', state: params.get('state') || undefined };
}

function render({ focus = false } = {}) {
  if (!loggedIn) {
    return;
  }
  const route = parseRoute(location.hash);
  currentView = route.name === 'case' ? caseView(main, route.number, { announce })
    : casesView(main, { state: route.state });
  document.getElementById('nav-cases').setAttribute('aria-current', 'page');
  document.title = `${route.name === 'case' ? t('caseTitle', { number: route.number }) : t('casesTitle')} — coloc`;
  if (focus) {
    currentView.focus();
  }
}

function showLogin(notice) {
  loggedIn = false;
  stopLiveUpdates();
  header.hidden = true;
  currentView = null;
  document.title = `${t('loginTitle')}`;
  renderLogin(main, { onLoggedIn: start, notice });
}

async function start() {
  const who = await session();
  if (!who) {
    showLogin();
    return;
  }
  loggedIn = true;
  document.getElementById('header-user').textContent = who.user;
  document.getElementById('header-coloc').textContent = who.coloc || '';
  header.hidden = false;
  render({ focus: true });
  stopLiveUpdates();
  // only where the server has the stream (who.events): a 404 would be an error in the console at every load
  // a view may say which events concern it (wants) and how its update is announced (updated)
  stopLiveUpdates = !who.events ? () => {} : startLiveUpdates((name, data) => {
    if (currentView && (!currentView.wants || currentView.wants(name, data))) {
      currentView.refresh();
      announce(currentView.updated || t('casesUpdated'));
    }
  });
}

function updateLanguageSwitch() {
  const button = document.getElementById('lang-switch');
  button.textContent = t('switchTo');
  button.setAttribute('aria-label', t('switchToLabel'));
  button.setAttribute('lang', language() === 'fr' ? 'en' : 'fr');
}

function boot() {
  document.documentElement.lang = language();
  translate();
  updateLanguageSwitch();
  document.getElementById('lang-switch').addEventListener('click', () => {
    setLanguage(language() === 'fr' ? 'en' : 'fr');
  });
  onLanguageChange(() => {
    translate();
    updateLanguageSwitch();
    if (loggedIn) {
      render();
    } else {
      showLogin();
    }
  });
  document.getElementById('logout').addEventListener('click', async () => {
    try {
      await logout();
    } catch (e) {
      // the session is gone either way
    }
    showLogin('loggedOut');
  });
  onUnauthorized(() => showLogin('sessionEnded'));
  window.addEventListener('hashchange', () => render({ focus: true }));
  start().catch(() => showLogin('loginNetwork'));
}

boot();
