// The moderation queue: comments with their post, author's name, text, when they came and whether they look like
// spam, with publish / reject / spam. Pending ones first. A comment mailed in while the queue is open shows up by
// itself (the live stream's comment-received); a moderation elsewhere (a signed link) updates it too.

import { dateTime, t } from '../../i18n.js';
import { el, showAlert } from '../../dom.js';
import { comments, moderate, posts } from '../../api/comments.js';
import { problemText } from '../maintenances/fields.js';
import { commentsView, stateBadge, tabs } from './common.js';

export const STATES = ['pending', 'published', 'rejected', 'spam'];
const ACTIONS = [
  { state: 'published', key: 'publish', kind: 'primary' },
  { state: 'rejected', key: 'reject', kind: 'secondary' },
  { state: 'spam', key: 'spam', kind: 'danger' },
];
const LIMIT = 100;
/** Why a comment waits beyond the usual moderation (other reasons, e.g. from an import, are shown as they are). */
const HELD = ['unknown-post', 'post-closed', 'rate-limit'];

export function queueView(main, filter, { announce = () => {} } = {}) {
  const title = el('h1', { id: 'comments-title', tabindex: '-1' }, t('comments_title'));
  const stateSelect = el('select', { id: 'comments-filter-state', name: 'state', 'data-test': 'comments-filter-state' },
    el('option', { value: 'all' }, t('comments_allStates')),
    ...STATES.map((s) => el('option', { value: s }, t(`comments_state_${s}`))));
  const postSelect = el('select', { id: 'comments-filter-post', name: 'post', 'data-test': 'comments-filter-post' },
    el('option', { value: '' }, t('comments_allPosts')));
  stateSelect.value = STATES.includes(filter.state) ? filter.state : 'all';
  const filters = el('form', { class: 'comments-filters', 'data-test': 'comments-filters', role: 'search',
    'aria-label': t('comments_filters') },
  el('div', { class: 'field' }, el('label', { for: 'comments-filter-state' }, t('comments_filterState')), stateSelect),
  el('div', { class: 'field' }, el('label', { for: 'comments-filter-post' }, t('comments_filterPost')), postSelect),
  el('button', { type: 'submit', class: 'secondary', 'data-test': 'comments-filter-submit' }, t('comments_filter')));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    q.set('state', stateSelect.value);
    if (postSelect.value) {
      q.set('post', postSelect.value);
    }
    location.hash = `#/comments?${q}`;
  });

  const status = el('p', { class: 'empty', role: 'status', 'data-test': 'comments-status' }, t('loading'));
  const list = el('ol', { class: 'comment-list', 'aria-label': t('comments_listLabel'), 'data-test': 'comment-list' });
  main.replaceChildren(el('section', { class: 'comments', 'aria-labelledby': 'comments-title',
    'data-test': 'comments-view' }, tabs('queue'), title, filters, status, list));

  function row(c) {
    const error = el('p', { class: 'message error', role: 'alert', 'data-test': 'comment-error', hidden: true });
    const buttons = ACTIONS.filter((a) => a.state !== c.state).map((a) => {
      const button = el('button', { type: 'button', class: a.kind, 'data-test': `comment-${a.key}`,
        'aria-describedby': `comment-${c.id}-head` }, t(`comments_${a.key}`));
      button.addEventListener('click', async () => {
        button.disabled = true;
        error.hidden = true;
        try {
          const changed = await moderate(c.id, a.state);
          announce(t(`comments_done_${a.key}`, { name: changed.authorName }));
          refresh();
        } catch (e) {
          error.textContent = problemText(e);
          error.hidden = false;
          button.disabled = false;
        }
      });
      return button;
    });
    return el('li', { class: `comment-row comment-${c.state}`, 'data-test': 'comment-row', 'data-id': c.id,
      'data-state': c.state, 'data-post': c.post },
    el('div', { class: 'comment-head', id: `comment-${c.id}-head` },
      el('strong', { class: 'comment-author', 'data-test': 'comment-author' }, c.authorName),
      el('span', { class: 'muted' }, t('comments_on', { post: c.post })),
      el('time', { datetime: c.receivedAt, class: 'muted' }, t('comments_received', { when: dateTime(c.receivedAt) })),
      stateBadge(c.state),
      c.spamSuspect ? el('span', { class: 'flag flag-spam', 'data-test': 'comment-spam-suspect' },
        t('comments_spamSuspect')) : null,
      c.heldReason ? el('span', { class: 'flag', 'data-test': 'comment-held' },
        HELD.includes(c.heldReason) ? t(`comments_held_${c.heldReason}`) : c.heldReason) : null,
      c.parent ? el('span', { class: 'muted' }, t('comments_reply', { parent: c.parent })) : null),
    el('p', { class: 'comment-text', 'data-test': 'comment-text' }, c.text),
    el('p', { class: 'muted comment-address' }, c.authorAddress || ''),
    el('div', { class: 'actions comment-actions' }, ...buttons), error);
  }

  let generation = 0;
  async function refresh() {
    generation += 1;
    const mine = generation;
    try {
      const state = STATES.includes(filter.state) ? filter.state : undefined;
      const [page, postPage] = await Promise.all([comments({ state, post: filter.post, limit: LIMIT }),
        posts({ limit: 500 })]);
      if (mine !== generation) {
        return;
      }
      const chosen = filter.post;
      postSelect.replaceChildren(el('option', { value: '' }, t('comments_allPosts')),
        ...postPage.items.map((p) => el('option', { value: p.slug }, `${p.title} (${p.slug})`)));
      postSelect.value = postPage.items.some((p) => p.slug === chosen) ? chosen : '';
      // pending first, then newest first (the API's order) within each state
      const items = [...page.items].sort((a, b) => (a.state === 'pending' ? 0 : 1) - (b.state === 'pending' ? 0 : 1));
      list.replaceChildren(...items.map(row));
      status.textContent = items.length ? (page.total > items.length
        ? t('comments_more', { shown: items.length, total: page.total }) : '') : t('comments_empty');
      status.hidden = items.length > 0 && page.total <= items.length;
      main.dataset.loaded = 'comments';
    } catch (e) {
      showAlert(status, t('loadFailed', { detail: problemText(e) }), 'span');
    }
  }

  refresh();
  return commentsView(refresh, title);
}
