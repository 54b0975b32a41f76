// The dashboard's shell: finds out whether the admin is logged in, shows the login form or the header and the
// view the address names (#/cases, #/cases?state=new, #/cases/12, #/vms/3…), and keeps the language switch.
// Each area's module (views/*.js) exports its routes: { path: RegExp over the part before '?', nav: the header link
// it lights, open(main, match, params, context) → view }. A view is { refresh, focus, wants?, updated?, title? }
// so that live updates (events.js) and the language switch can redraw it.

import { language, onLanguageChange, setLanguage, t, translate } from './i18n.js';
import { logout, onUnauthorized, session } from './api.js';
import { el, showAlert } from './dom.js';
import { renderLogin } from './views/login.js';
import { routes as caseRoutes } from './views/cases.js';
import { startLiveUpdates } from './events.js';

/**
 * The other areas, loaded when first visited (by the first part of the address), their code and their styles: the
 * inbox, the page opened most, needs none of them, and a browser then fetches a third of the files at each load.
 */
async function area(module, ...stylesheets) {
  const [loaded] = await Promise.all([module(), ...stylesheets.map(stylesheet)]);
  return loaded.routes;
}

/** Adds a stylesheet of css/ once; resolves when it is applied (or failed: the view still works unstyled). */
function stylesheet(name) {
  const href = `css/${name}.css`;
  return new Promise((resolve) => {
    if (document.querySelector(`link[href="${href}"]`)) {
      resolve();
      return;
    }
    const link = el('link', { rel: 'stylesheet', href });
    link.addEventListener('load', resolve);
    link.addEventListener('error', resolve);
    document.head.append(link);
  });
}

const inventory = () => area(() => import('./views/inventory.js'), 'inventory');
const AREAS = {
  cases: async () => caseRoutes,
  // css/mail.css also styles the inbox's filters, so index.html links it
  mail: () => area(() => import('./views/mail.js')),
  members: inventory,
  hosts: inventory,
  vms: inventory,
  maintenances: () => area(() => import('./views/maintenances.js'), 'maintenances'),
  // the comments' forms and headings share the planner's styles
  comments: () => area(() => import('./views/comments.js'), 'maintenances', 'comments'),
  tokens: () => area(() => import('./views/tokens.js'), 'tokens'),
};
const INBOX = caseRoutes.find((route) => route.path.test('/cases'));

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

/** The route the address names, its match and its query; an unknown address shows the inbox. */
async function parseRoute(hash) {
  const [path, search] = (hash.replace(/^#/, '') || '/cases').split('?');
  const params = new URLSearchParams(search || '');
  const area = AREAS[path.split('/')[1]];
  for (const route of area ? await area() : []) {
    const match = path.match(route.path);
    if (match) {
      return { route, match, params };
    }
  }
  return { route: INBOX, match: ['/cases'], params: new URLSearchParams() };
}

/** How many renders were asked for: an area still loading when the admin goes elsewhere is not drawn. */
let renders = 0;

async function render({ focus = false } = {}) {
  if (!loggedIn) {
    return;
  }
  const mine = ++renders;
  let found;
  try {
    found = await parseRoute(location.hash);
  } catch (e) {
    // the area's code could not be fetched (the server went away): say so where the view would be
    showAlert(main, t('loadFailed', { detail: e.message }));
    return;
  }
  if (mine !== renders || !loggedIn) {
    return;
  }
  const { route, match, params } = found;
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
    // 'resumed': back from the back/forward cache, events may have been missed: every view reads again
    if (currentView && (name === 'resumed' || !currentView.wants || currentView.wants(name, data))) {
      refreshSoon();
    }
  });
}

/**
 * The open view reads again at once after an event that concerns it; events that come while it reads make one
 * more reading once it is done, not one each: a script creating 500 VMs, or a batch of mails, never has more than
 * one reading under way and one waiting.
 */
let reading = false;
let readAgain = false;

async function refreshSoon() {
  if (reading) {
    readAgain = true;
    return;
  }
  reading = true;
  try {
    do {
      readAgain = false;
      if (loggedIn && currentView) {
        const view = currentView;
        // 'live': a view may keep what the admin types, and answer false when nothing it shows changed
        if (await view.refresh('live') !== false) {
          announce(view.updated || t('casesUpdated'));
        }
      }
    } while (readAgain);
  } catch (e) {
    // a view shows its own failures; the next event reads again
  } finally {
    reading = false;
  }
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
