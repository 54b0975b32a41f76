// The cases: counts per state, the list (most recently active first, as the API orders it), and one case's thread
// with each message's new text. Each view is an object with refresh(), which the live updates (events.js) call.

import { dateTime, t } from '../i18n.js';
import { caseWithThread, cases } from '../api.js';
import { el } from '../dom.js';

export const STATES = ['new', 'waiting-admin', 'waiting-requester', 'closed'];
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

/** One case and its thread. */
export function threadView(main, number) {
  const title = el('h1', { id: 'thread-title', tabindex: '-1', 'data-test': 'thread-subject' }, t('loading'));
  const meta = el('p', { class: 'case-meta', 'data-test': 'thread-meta' });
  const thread = el('ol', { class: 'thread', 'aria-label': t('threadLabel'), 'data-test': 'thread' });
  main.replaceChildren(el('section', { 'aria-labelledby': 'thread-title', 'data-test': 'thread-view', id: 'thread-view' },
    el('a', { class: 'back', href: '#/cases', 'data-test': 'back-to-cases' }, t('backToCases')),
    title, meta, thread));

  function message(m) {
    return el('li', { class: `msg msg-${m.direction}`, 'data-test': 'thread-message', 'data-direction': m.direction },
      el('div', { class: 'msg-head' },
        el('strong', {}, t(`dir_${m.direction}`)),
        el('span', {}, m.author || ''),
        el('time', { datetime: m.at }, dateTime(m.at))),
      el('p', { class: 'msg-text', 'data-test': 'message-text' }, m.text || ''));
  }

  async function refresh() {
    try {
      const c = await caseWithThread(number);
      title.textContent = `${t('caseTitle', { number: c.number })} — ${c.subject || t('noSubject')}`;
      meta.replaceChildren(stateBadge(c.state), ' ', el('span', {}, c.requester || ''));
      thread.replaceChildren(...c.messages.map(message));
      main.dataset.loaded = `case-${c.number}`;
    } catch (e) {
      title.textContent = t('caseTitle', { number });
      thread.replaceChildren(el('li', {}, failure(e)));
    }
  }

  refresh();
  return { refresh, focus: () => title.focus() };
}
