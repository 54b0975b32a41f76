// The maintenance planner: the list (upcoming and current first, in start order; past ones below), the public
// feeds, and one maintenance's page (maintenances/page.js): plan or edit a draft, its audience and each member's
// mail, announce, reschedule, cancel, complete.

import { t } from '../i18n.js';
import { el, showAlert } from '../dom.js';
import { maintenances } from '../api/maintenances.js';
import { feedLinks, stateBadge, windowText } from './maintenances/common.js';
import { maintenancePage } from './maintenances/page.js';
import { problemText } from './maintenances/fields.js';
import './maintenances/texts.js';

/** States still ahead of the admin, in the order he meets them; the others are the past. */
const CURRENT = ['draft', 'announced', 'in-progress'];
const LIMIT = 500;

function row(m) {
  return el('li', { class: 'maint-row', 'data-test': 'maint-row', 'data-id': m.id, 'data-state': m.state },
    el('a', { class: 'maint-title', href: `#/maintenances/${m.id}`, 'data-test': 'maint-link' }, m.title),
    stateBadge(m.state),
    el('span', { class: 'maint-when' }, windowText(m)),
    el('span', { class: 'maint-scope' }, m.everything ? t('maint_everything')
      : t('maint_scope', { hosts: m.hosts.length, vms: m.vms.length })));
}

function listView(main) {
  const title = el('h1', { id: 'maint-title', tabindex: '-1' }, t('maint_title'));
  const current = el('ol', { class: 'maint-list', 'aria-labelledby': 'maint-current-title', 'data-test': 'maint-current' });
  const past = el('ol', { class: 'maint-list', 'aria-labelledby': 'maint-past-title', 'data-test': 'maint-past' });
  const status = el('p', { class: 'empty', 'data-test': 'maint-status', role: 'status' }, t('loading'));
  const pastEmpty = el('p', { class: 'empty', hidden: true }, t('maint_pastEmpty'));
  main.replaceChildren(el('section', { 'aria-labelledby': 'maint-title', 'data-test': 'maint-list-view', class: 'maint' },
    el('div', { class: 'maint-head' }, title,
      el('a', { href: '#/maintenances/new', class: 'primary button-link', 'data-test': 'maint-new' }, t('maint_new'))),
    feedLinks(),
    el('h2', { id: 'maint-current-title' }, t('maint_current')), status, current,
    el('h2', { id: 'maint-past-title' }, t('maint_past')), pastEmpty, past));

  async function refresh() {
    try {
      const page = await maintenances({ sort: 'start', limit: LIMIT });
      const ahead = page.items.filter((m) => CURRENT.includes(m.state));
      // the past newest first: the one that just ended is the one he looks for
      const behind = page.items.filter((m) => !CURRENT.includes(m.state)).reverse();
      current.replaceChildren(...ahead.map(row));
      past.replaceChildren(...behind.map(row));
      status.textContent = ahead.length ? '' : t('maint_empty');
      status.hidden = ahead.length > 0;
      pastEmpty.hidden = behind.length > 0;
      if (page.total > page.items.length) {
        pastEmpty.textContent = t('maint_more', { shown: page.items.length, total: page.total });
        pastEmpty.hidden = false;
      }
      main.dataset.loaded = 'maintenances';
    } catch (e) {
      showAlert(status, t('loadFailed', { detail: problemText(e) }), 'span');
    }
  }

  refresh();
  // a maintenance planned, announced, started or completed anywhere (a script, the timers) moves in the lists
  return { refresh, focus: () => title.focus(), updated: t('maint_updated'),
    wants: (name, data) => name === 'record-changed' && data && data.type === 'maintenance' };
}

export const routes = [
  {
    path: /^\/maintenances\/(new|\d{1,18})$/,
    nav: 'maintenances',
    title: () => t('maint_title'),
    open: (main, match, params, context) => maintenancePage(main, match[1] === 'new' ? null : match[1], context),
  },
  {
    path: /^\/maintenances\/?$/,
    nav: 'maintenances',
    title: () => t('maint_title'),
    open: (main) => listView(main),
  },
];
