// The cases: counts per state and the list (most recently active first, as the API orders it), with filters by
// text, requester and maintenance kept in the address (#/cases?state=new&q=vélo&requester=…&maintenance=3&offset=50)
// so that a reload or a shared link shows the same list; the counts follow the other filters. One case is
// views/case.js. Each view is an object with refresh(), which the live updates (events.js) call.

import { addTexts, dateTime, t } from '../i18n.js';
import { caseCounts, cases, query, request } from '../api.js';
import { el } from '../dom.js';
import { STATES, caseView } from './case.js';

const PAGE = 50;
/** The filters the address may carry, besides the state and the page's offset. */
const FILTERS = ['q', 'requester', 'maintenance'];

addTexts({
  fr: {
    cases_filtersLabel: 'Chercher dans les demandes',
    cases_q: 'Texte (objet ou adresse)',
    cases_requester: 'Demandeur (adresse exacte)',
    cases_maintenance: 'Maintenance',
    cases_anyMaintenance: 'Toutes',
    cases_apply: 'Filtrer',
    cases_clear: 'Effacer les filtres',
    cases_pagesLabel: 'Pages de la liste',
    cases_previous: '← Précédentes',
    cases_next: 'Suivantes →',
    cases_range: '{from}–{to} sur {total}',
    cases_filtered: 'Filtres : {what}',
  },
  en: {
    cases_filtersLabel: 'Search the cases',
    cases_q: 'Text (subject or address)',
    cases_requester: 'Requester (exact address)',
    cases_maintenance: 'Maintenance',
    cases_anyMaintenance: 'Any',
    cases_apply: 'Filter',
    cases_clear: 'Clear the filters',
    cases_pagesLabel: 'Pages of the list',
    cases_previous: '← Previous',
    cases_next: 'Next →',
    cases_range: '{from}–{to} of {total}',
    cases_filtered: 'Filters: {what}',
  },
});

function stateBadge(state) {
  return el('span', { class: `state state-${state}`, 'data-test': 'case-state', 'data-state': state },
    t(`state_${state}`));
}

function failure(e) {
  return el('p', { class: 'message error', role: 'alert', 'data-test': 'load-error' },
    t('loadFailed', { detail: e.message }));
}

/** The address of the list with these filters (empty ones left out). */
function listHref(filters) {
  return `#/cases${query(filters)}`;
}

/** A field of the filter form with its problem (a 400 naming it) tied to it. */
function filterField(name, label, control) {
  const error = el('p', { id: `cases-${name}-error`, class: 'field-error', 'data-test': `cases-${name}-error`, hidden: true });
  control.setAttribute('aria-describedby', `cases-${name}-error`);
  return { box: el('div', { class: 'field' }, el('label', { for: control.id }, label), control, error), error, control };
}

/**
 * The list of cases. filters: { state, q, requester, maintenance, offset } as the address gives them.
 */
export function casesView(main, filters = {}) {
  const offset = Math.max(0, Number.parseInt(filters.offset, 10) || 0);
  const others = Object.fromEntries(FILTERS.map((k) => [k, filters[k] || undefined]));
  const state = filters.state || undefined;

  const counts = el('ul', { class: 'counts', 'aria-label': t('countsLabel'), 'data-test': 'case-counts' });
  const list = el('ol', { class: 'case-list', 'aria-label': t('caseListLabel'), 'data-test': 'case-list' });
  const status = el('p', { class: 'empty', 'data-test': 'cases-status', role: 'status' }, t('loading'));
  const pager = el('nav', { class: 'pager', 'aria-label': t('cases_pagesLabel'), 'data-test': 'cases-pager', hidden: true });
  const title = el('h1', { id: 'cases-title', tabindex: '-1' }, t('casesTitle'));

  const q = filterField('q', t('cases_q'), el('input', { id: 'cases-q', name: 'q', type: 'search',
    value: others.q || '', 'data-test': 'cases-q', autocomplete: 'off' }));
  const requester = filterField('requester', t('cases_requester'), el('input', { id: 'cases-requester',
    name: 'requester', type: 'email', value: others.requester || '', 'data-test': 'cases-requester',
    autocomplete: 'off', spellcheck: 'false' }));
  const maintenanceSelect = el('select', { id: 'cases-maintenance', name: 'maintenance',
    'data-test': 'cases-maintenance' }, el('option', { value: '' }, t('cases_anyMaintenance')));
  if (others.maintenance) {
    // shown at once, named when the maintenances' titles arrive
    maintenanceSelect.append(el('option', { value: others.maintenance, selected: true }, `#${others.maintenance}`));
  }
  const maintenance = filterField('maintenance', t('cases_maintenance'), maintenanceSelect);
  const fields = { q, requester, maintenance };
  const clear = el('a', { href: listHref({ state }), class: 'clear-filters', 'data-test': 'cases-clear' },
    t('cases_clear'));
  const form = el('form', { class: 'filters card', role: 'search', 'aria-label': t('cases_filtersLabel'),
    'data-test': 'cases-filters', novalidate: true },
  q.box, requester.box, maintenance.box,
  el('div', { class: 'filter-actions' },
    el('button', { type: 'submit', class: 'secondary', 'data-test': 'cases-apply' }, t('cases_apply')), clear));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = { state };
    FILTERS.forEach((k) => {
      next[k] = fields[k].control.value.trim() || undefined;
    });
    // a new search starts at the first page; the address change redraws the view (app.js)
    const href = listHref(next);
    if (location.hash === href) {
      refresh();
    } else {
      location.hash = href;
    }
  });

  main.replaceChildren(el('section', { 'aria-labelledby': 'cases-title', 'data-test': 'cases-view', id: 'cases-view' },
    title, form, counts, status, list, pager));

  function countLink(key, label, value) {
    const href = listHref({ state: key || undefined, ...others });
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

  function pages(page) {
    const links = [];
    if (offset > 0) {
      links.push(el('a', { href: listHref({ state, ...others, offset: Math.max(0, offset - PAGE) || undefined }),
        rel: 'prev', 'data-test': 'cases-previous' }, t('cases_previous')));
    }
    const to = Math.min(page.total, offset + page.items.length);
    links.push(el('span', { class: 'range', 'data-test': 'cases-range' },
      t('cases_range', { from: page.items.length ? offset + 1 : 0, to, total: page.total })));
    if (offset + page.items.length < page.total) {
      links.push(el('a', { href: listHref({ state, ...others, offset: offset + PAGE }), rel: 'next',
        'data-test': 'cases-next' }, t('cases_next')));
    }
    pager.replaceChildren(...links);
    pager.hidden = page.total <= PAGE && offset === 0;
  }

  function showProblem(e) {
    // a 400 naming a filter (a maintenance id that is not one): said at that field
    const errors = (e.problem && Array.isArray(e.problem.errors)) ? e.problem.errors : [];
    const named = FILTERS.find((k) => errors.some((x) => x.field === k) || (e.status === 400 && e.message
      && e.message.toLowerCase().startsWith(k)));
    if (e.status === 400 && named) {
      const f = fields[named];
      f.error.textContent = e.message;
      f.error.hidden = false;
      f.control.setAttribute('aria-invalid', 'true');
    }
    status.replaceChildren(failure(e));
    status.hidden = false;
  }

  async function loadMaintenances() {
    try {
      const { data } = await request('GET', `/api/maintenances${query({ limit: 200, sort: '-start' })}`);
      const chosen = others.maintenance;
      maintenanceSelect.replaceChildren(el('option', { value: '' }, t('cases_anyMaintenance')),
        ...data.items.map((m) => el('option', { value: String(m.id), selected: String(m.id) === chosen ? true : null },
          `#${m.id} ${m.title || ''}`)));
      if (chosen && !data.items.some((m) => String(m.id) === chosen)) {
        maintenanceSelect.append(el('option', { value: chosen, selected: true }, `#${chosen}`));
      }
    } catch (e) {
      // the filter still works by the id in the address; the list says what went wrong if anything else does
    }
  }

  async function refresh() {
    try {
      // the counts per state with the same other filters, in one request beside the page's
      const [page, byState] = await Promise.all([
        cases({ state, ...others, offset: offset || undefined, limit: PAGE }),
        caseCounts(others),
      ]);
      const totals = STATES.map((s) => byState[s] || 0);
      const all = totals.reduce((a, b) => a + b, 0);
      counts.replaceChildren(countLink(null, t('allStates'), all),
        ...STATES.map((s, i) => countLink(s, t(`state_${s}`), totals[i])));
      list.replaceChildren(...page.items.map(row));
      status.textContent = page.items.length ? '' : t('casesEmpty');
      status.hidden = page.items.length > 0;
      pages(page);
      main.dataset.loaded = 'cases';
    } catch (e) {
      showProblem(e);
    }
  }

  loadMaintenances();
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
    open: (main, match, params) => casesView(main, Object.fromEntries(
      ['state', 'offset', ...FILTERS].map((k) => [k, params.get(k) || undefined]))),
  },
];
