// What the queue and the posts share: the two tabs of the comments area.

import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import './texts.js';

export function tabs(active) {
  const link = (key, href) => el('a', { href, 'aria-current': active === key ? 'page' : null,
    'data-test': `comments-tab-${key}` }, t(`comments_tab_${key}`));
  return el('nav', { class: 'comments-tabs', 'aria-label': t('comments_tabs') },
    link('queue', '#/comments'), link('posts', '#/comments/posts'));
}

export function stateBadge(state) {
  return el('span', { class: `state comment-state comment-state-${state}`, 'data-test': 'comment-state',
    'data-state': state }, t(`comments_state_${state}`));
}

/** A comments view as the shell takes it: redrawn when a comment arrives, is moderated or deleted, or a post changes. */
export function commentsView(refresh, title) {
  return {
    refresh,
    focus: () => title.focus(),
    wants: (name, data) => name === 'comment-received' || name === 'comment-moderated'
      || (name === 'record-changed' && Boolean(data) && ['post', 'comment'].includes(data.type)),
    updated: t('comments_updated'),
  };
}
