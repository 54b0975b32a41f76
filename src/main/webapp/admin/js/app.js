// The dashboard's shell: finds out whether the admin is logged in, shows the login form or the header and the
// view the address names (#/cases, #/cases?state=new, #/cases/12, #/vms/3…), and keeps the language switch.
// Each area's module (views/*.js) exports its routes: { path: RegExp over the part before '?', nav: the header link
// it lights, open(main, match, params, context) → view }. A view is { refresh, focus, wants?, updated?, title? }
// so that live updates (events.js) and the language switch can redraw it.

import { language, onLanguageChange, setLanguage, t, translate } from './i18n.js';
import { logout, onUnauthorized, session } from './api.js';
import { renderLogin } from './views/login.js';
import { routes as caseRoutes } from './views/cases.js';
import { routes as mailRoutes } from './views/mail.js';
import { routes as inventoryRoutes } from './views/inventory.js';
import { routes as maintenanceRoutes } from './views/maintenances.js';
import { routes as commentRoutes } from './views/comments.js';
import { routes as tokenRoutes } from './views/tokens.js';
import { startLiveUpdates } from './events.js';

const ROUTES = [...caseRoutes, ...mailRoutes, ...inventoryRoutes, ...maintenanceRoutes, ...commentRoutes,
  ...tokenRoutes];

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

/** The route the address names, its match and its query; an unknown address shows the cases. */
function parseRoute(hash) {
  const [path, search] = (hash.replace(/^#/, '') || '/cases').split('?');
  const params = new URLSearchParams(search || '');
  for (const route of ROUTES) {
    const match = path.match(route.path);
    if (match) {
      return { route, match, params };
    }
  }
  return { route: ROUTES[0], match: ['/cases'], params: new URLSearchParams() };
}

function render({ focus = false } = {}) {
  if (!loggedIn) {
    return;
  }
  const { route, match, params } = parseRoute(location.hash);
  currentView = route.open(main, match, params, { announce });
  document.querySelectorAll('.main-nav a').forEach((link) => {
    if (link.dataset.nav === route.nav) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  document.title = `${currentView.title || route.title()} — coloc`;
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
