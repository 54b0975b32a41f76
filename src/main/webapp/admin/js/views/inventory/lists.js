// The lists of members, hosts and VMs: a table (cards on a phone) sortable by its column headers, filtered by what
// the API offers, paged. Filters, sort and page live in the address (#/vms?status=active&sort=-vcpus&offset=50), so
// that a reload or a shared link shows the same; a change pushes a new address and redraws in place (the focus
// stays where the admin is).

import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { capacity as capacitySummary, list } from '../../api/inventory.js';
import {
  COLUMNS, DEFAULT_SORT, FILTERS, LANGUAGES, STATUSES, SYSTEMS, allNames, inventoryChanged, nameOf,
} from './kinds.js';
import { bars } from './capacity.js';

const PAGE = 50;

/** A message for the next list drawn (e.g. "Saved: x." after a form sent the admin back here). */
let flash = null;
export function flashNext(text) {
  flash = text;
}

function failure(e) {
  return el('p', { class: 'message error', role: 'alert', 'data-test': 'load-error' },
    t('loadFailed', { detail: e.message }));
}

function selectFilter(name, id, options, value) {
  return el('div', { class: 'inv-filter' },
    el('label', { for: id }, t(`inv_filter_${name}`)),
    el('select', { id, name, 'data-test': `filter-${name}` },
      el('option', { value: '' }, t('inv_any')),
      ...options.map(([v, label]) => el('option', { value: v, selected: String(v) === value ? true : null }, label))));
}

export function listView(main, kind, params, { announce = () => {} } = {}) {
  const title = el('h1', { id: 'inv-title', tabindex: '-1' }, t(`inv_title_${kind}`));
  const status = el('p', { class: 'empty', 'data-test': 'list-status', 'aria-live': 'polite' }, t('loading'));
  const notice = el('p', { class: 'message info', 'data-test': 'list-notice', role: 'status', hidden: true });
  const filters = el('form', { class: 'inv-filters', role: 'search', 'aria-label': t('inv_filters'),
    'data-test': 'filters', novalidate: true });
  const summary = el('div', { class: 'inv-summary', 'data-test': 'capacity-total' });
  const table = el('table', { class: 'inv-table', 'data-test': `${kind}-list`, 'aria-labelledby': 'inv-title' });
  const paging = el('nav', { class: 'inv-paging', 'aria-label': t('inv_paging'), 'data-test': 'paging' });
  const links = el('p', { class: 'inv-links' },
    el('a', { href: `#/${kind}/new`, class: 'primary inv-new', 'data-test': 'new-record' }, t(`inv_new_${kind}`)),
    kind === 'members' ? null
      : el('a', { href: '#/vms/certificates', 'data-test': 'certificates-link' }, t('inv_certs_link')));
  main.replaceChildren(el('section', { class: 'inv', 'data-test': `${kind}-view`, 'aria-labelledby': 'inv-title' },
    title, links, notice, kind === 'hosts' ? summary : null, filters, status, table, paging));
  if (flash) {
    notice.textContent = flash;
    notice.hidden = false;
    flash = null;
  }

  // the state the address gives
  let state = new URLSearchParams(params);
  let references = { hosts: new Map(), members: new Map() };

  function current(name) {
    return state.get(name) || '';
  }

  /** Puts the new state in the address (a history entry) and redraws in place. */
  function go(next) {
    const clean = new URLSearchParams();
    next.forEach((v, k) => {
      if (v !== '' && !(k === 'offset' && v === '0')) {
        clean.set(k, v);
      }
    });
    state = clean;
    const q = clean.toString();
    // replace what the router would draw: no hashchange for a pushState, so the focus stays
    history.pushState(null, '', `#/${kind}${q ? `?${q}` : ''}`);
    refresh().then(() => announce(t('inv_updated')));
  }

  function drawFilters() {
    const parts = [];
    FILTERS[kind].forEach((name) => {
      const id = `filter-${name}`;
      if (name === 'q') {
        parts.push(el('div', { class: 'inv-filter inv-filter-q' },
          el('label', { for: id }, t('inv_filter_q')),
          el('input', { id, name: 'q', type: 'search', value: current('q'), 'data-test': 'filter-q', maxlength: '200' })));
      } else if (name === 'status') {
        parts.push(selectFilter(name, id, STATUSES[kind].map((s) => [s, t(`inv_status_${s}`)]), current(name)));
      } else if (name === 'language') {
        parts.push(selectFilter(name, id, LANGUAGES.map((l) => [l, t(`inv_lang_${l}`)]), current(name)));
      } else if (name === 'os') {
        parts.push(selectFilter(name, id, SYSTEMS.map((s) => [s, t(`inv_os_${s}`)]), current(name)));
      } else if (name === 'host' || name === 'owner') {
        const names = name === 'host' ? references.hosts : references.members;
        parts.push(selectFilter(name, id, [...names.entries()].map(([v, label]) => [String(v), label]), current(name)));
      }
    });
    const reset = el('button', { type: 'button', class: 'link-button', 'data-test': 'filter-reset' }, t('inv_reset'));
    reset.addEventListener('click', () => {
      const next = new URLSearchParams();
      if (current('sort')) {
        next.set('sort', current('sort'));
      }
      go(next);
      filters.querySelector('input, select')?.focus();
    });
    filters.replaceChildren(...parts, el('div', { class: 'inv-filter-actions' },
      el('button', { type: 'submit', class: 'secondary', 'data-test': 'filter-apply' }, t('inv_apply')), reset));
  }

  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    FILTERS[kind].forEach((name) => {
      const field = filters.elements.namedItem(name);
      if (field && field.value.trim()) {
        next.set(name, field.value.trim());
      }
    });
    if (current('sort')) {
      next.set('sort', current('sort'));
    }
    go(next); // a new filter starts at the first page
  });

  function sortOf() {
    const s = current('sort') || DEFAULT_SORT[kind];
    return s.startsWith('-') ? { field: s.slice(1), dir: 'descending' } : { field: s, dir: 'ascending' };
  }

  function head() {
    const { field, dir } = sortOf();
    return el('thead', {}, el('tr', {}, ...COLUMNS[kind].map((c) => {
      const label = t(`inv_col_${c.key}`);
      if (!c.sort) {
        return el('th', { scope: 'col' }, label);
      }
      const sorted = c.sort === field;
      const button = el('button', { type: 'button', class: 'inv-sort', 'data-test': `sort-${c.key}`,
        'aria-label': t('inv_sort_by', { column: label }) },
      label, el('span', { class: 'inv-sort-mark', 'aria-hidden': 'true' },
        sorted ? (dir === 'ascending' ? ' ▲' : ' ▼') : ''));
      button.addEventListener('click', () => {
        // first click sorts ascending, the next one flips it
        const next = new URLSearchParams(state);
        next.set('sort', sorted && dir === 'ascending' ? `-${c.sort}` : c.sort);
        next.delete('offset');
        go(next);
        table.querySelector(`[data-test='sort-${c.key}']`)?.focus();
      });
      return el('th', { scope: 'col', 'aria-sort': sorted ? dir : 'none', 'data-test': `column-${c.key}` }, button);
    })));
  }

  function row(record) {
    return el('tr', { 'data-test': 'row', 'data-id': record.id, 'data-name': nameOf(kind, record) },
      ...COLUMNS[kind].map((c) => {
        let content;
        if (c.link) {
          content = el('a', { href: `#/${kind}/${record.id}`, 'data-test': 'row-link' }, nameOf(kind, record));
        } else if (c.key === 'capacity') {
          content = [bars(record.capacity), record.overcommitted
            ? el('span', { class: 'inv-over', 'data-test': 'overcommitted' }, t('inv_cap_overcommitted')) : null];
        } else if (c.cell) {
          content = c.cell(record, references);
        } else {
          const v = record[c.key];
          content = v === null || v === undefined || v === '' ? t('inv_none') : String(v);
        }
        return el('td', { 'data-label': t(`inv_col_${c.key}`), class: c.numeric ? 'num' : null,
          'data-test': `cell-${c.key}` }, content);
      }));
  }

  function drawPaging(page) {
    const from = page.total === 0 ? 0 : page.offset + 1;
    const to = page.offset + page.items.length;
    const prev = el('button', { type: 'button', class: 'secondary', 'data-test': 'page-prev',
      disabled: page.offset === 0 ? true : null }, t('inv_prev'));
    const next = el('button', { type: 'button', class: 'secondary', 'data-test': 'page-next',
      disabled: to >= page.total ? true : null }, t('inv_next'));
    prev.addEventListener('click', () => {
      const s = new URLSearchParams(state);
      s.set('offset', String(Math.max(0, page.offset - PAGE)));
      go(s);
    });
    next.addEventListener('click', () => {
      const s = new URLSearchParams(state);
      s.set('offset', String(page.offset + PAGE));
      go(s);
    });
    const range = el('span', { 'data-test': 'page-range' }, t('inv_range', { from, to, total: page.total }));
    // one page: the range alone, no buttons that cannot do anything
    paging.replaceChildren(...(page.offset === 0 && to >= page.total ? [range] : [prev, range, next]));
  }

  async function drawSummary() {
    if (kind !== 'hosts') {
      return;
    }
    const all = await capacitySummary();
    summary.replaceChildren(el('h2', { class: 'inv-summary-title' }, t('inv_cap_total')), bars(all.total));
  }

  let generation = 0;
  /** What the list shows now (the page and the names it was drawn with): a live update that changes none redraws nothing. */
  let shown = null;
  async function refresh(reason) {
    generation += 1;
    const mine = generation;
    try {
      const query = { sort: current('sort') || DEFAULT_SORT[kind], offset: current('offset') || undefined,
        limit: PAGE };
      FILTERS[kind].forEach((name) => {
        query[name] = current(name) || undefined;
      });
      const [page, hosts, members] = await Promise.all([
        list(kind, query),
        kind === 'vms' ? allNames('hosts') : Promise.resolve(references.hosts),
        kind === 'vms' ? allNames('members') : Promise.resolve(references.members),
        drawSummary(),
      ]);
      if (mine !== generation) {
        return; // a newer request is on its way
      }
      const now = JSON.stringify([page, [...hosts], [...members]]);
      if (reason === 'live' && now === shown) {
        return false; // the event was about a record this page does not show differently (or the admin's own save)
      }
      shown = now;
      references = { hosts, members };
      // the filters as the address gives them (the host and member lists have just been read), unless the admin
      // is typing in them
      if (!(reason === 'live' && filters.contains(document.activeElement))) {
        drawFilters();
      }
      table.replaceChildren(head(), el('tbody', {}, ...page.items.map(row)));
      table.hidden = page.items.length === 0;
      status.textContent = page.items.length ? '' : t('inv_empty');
      status.hidden = page.items.length > 0;
      drawPaging(page);
      main.dataset.loaded = kind;
    } catch (e) {
      if (mine === generation) {
        status.replaceChildren(failure(e));
        status.hidden = false;
      }
    }
  }

  drawFilters();
  refresh();
  // a VM's row names its host and owner, a host's its VMs' allocations: any inventory change may redraw the list
  return { refresh, focus: () => title.focus(), wants: inventoryChanged, updated: t('inv_updated'),
    title: t(`inv_title_${kind}`) };
}
