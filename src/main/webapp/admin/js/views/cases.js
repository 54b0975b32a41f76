// The cases: counts per state and the list (most recently active first, as the API orders it); one case is
// views/case.js. Each view is an object with refresh(), which the live updates (events.js) call.

import { dateTime, t } from '../i18n.js';
import { cases } from '../api.js';
import { el } from '../dom.js';
import { STATES, caseView } from './case.js';

const PAGE = 50;

function stateBadge(state) {
  return el('span', { class: `state state-${state}`, 'data-test': 'case-state', 'data-state': state },
    t(`state_${state}`));
}

function failure(e) {
  return el('p', { class: 'message error', role: 'alert', 'data-test': 'load-error' },
    t('loadFailed', { detail: e.message }));
}

/** The list of cases, optionally of one state. */
export function casesView(main, { state } = {}) {
  const counts = el('ul', { class: 'counts', 'aria-label': t('countsLabel'), 'data-test': 'case-counts' });
  const list = el('ol', { class: 'case-list', 'aria-label': t('caseListLabel'), 'data-test': 'case-list' });
  const status = el('p', { class: 'empty', 'data-test': 'cases-status' }, t('loading'));
  const title = el('h1', { id: 'cases-title', tabindex: '-1' }, t('casesTitle'));
  main.replaceChildren(el('section', { 'aria-labelledby': 'cases-title', 'data-test': 'cases-view', id: 'cases-view' },
    title, counts, status, list));

  function countLink(key, label, value) {
    const href = key ? `#/cases?state=${key}` : '#/cases';
    const current = (key || null) === (state || null);
    return el('li', {},
      el('a', { href, 'aria-current': current ? 'true' : null, 'data-test': `case-count-${key || 'all'}` },
        el('span', {}, label), el('span', { class: 'count', 'data-test': 'count' }, String(value))));
  }

  function row(c) {
    return el('li', { class: 'case-row', 'data-test': 'case-row', 'data-case': c.number },
      el('span', { class: 'case-number' }, `#${c.number}`),
      el('a', { class: 'case-subject', href: `#/cases/${c.number}`, 'data-test': 'case-link' },
        c.subject || t('noSubject')),
      stateBadge(c.state),
      el('span', { class: 'case-meta' },
        el('span', { 'data-test': 'case-requester' }, t('requesterIs', { who: c.requester || '' })),
        el('span', {}, t('lastActivityAt', { when: dateTime(c.lastActivityAt) }))));
  }

  async function refresh() {
    try {
      // the counts are the lists' totals: one small request per state, in parallel
      const [page, ...totals] = await Promise.all([
        cases({ state, limit: PAGE }),
        ...STATES.map((s) => cases({ state: s, limit: 1 }).then((p) => p.total)),
      ]);
      const all = totals.reduce((a, b) => a + b, 0);
      counts.replaceChildren(countLink(null, t('allStates'), all),
        ...STATES.map((s, i) => countLink(s, t(`state_${s}`), totals[i])));
      list.replaceChildren(...page.items.map(row));
      status.textContent = page.items.length ? '' : t('casesEmpty');
      status.hidden = page.items.length > 0;
      main.dataset.loaded = 'cases';
    } catch (e) {
      status.replaceChildren(failure(e));
      status.hidden = false;
    }
  }

  refresh();
  return { refresh, focus: () => title.focus() };
}

export const routes = [
  {
    path: /^\/cases\/(\d{1,10})$/,
    nav: 'cases',
    title: () => t('casesTitle'),
    open: (main, match, params, context) => ({ title: t('caseTitle', { number: match[1] }),
      ...caseView(main, match[1], context) }),
  },
  {
    path: /^\/cases$/,
    nav: 'cases',
    title: () => t('casesTitle'),
    open: (main, match, params) => casesView(main, { state: params.get('state') || undefined }),
  },
];
