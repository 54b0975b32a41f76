// The blog's comments: the moderation queue (#/comments, pending first; filters by state and post; live) and the
// posts (#/comments/posts: their comment address and mailto, counts, open/closed; #/comments/posts/new and
// #/comments/posts/<slug> to create or edit one).

import { t } from '../i18n.js';
import { queueView } from './comments/queue.js';
import { postForm, postsView } from './comments/posts.js';
import './comments/texts.js';

export const routes = [
  {
    path: /^\/comments\/posts\/(new|[a-z0-9-]{1,100})$/,
    nav: 'comments',
    title: () => t('comments_postsTitle'),
    open: (main, match, params, context) => postForm(main, match[1] === 'new' ? null : match[1], context),
  },
  {
    path: /^\/comments\/posts\/?$/,
    nav: 'comments',
    title: () => t('comments_postsTitle'),
    open: (main, match, params, context) => postsView(main, context),
  },
  {
    path: /^\/comments\/?$/,
    nav: 'comments',
    title: () => t('comments_title'),
    open: (main, match, params, context) => queueView(main, {
      state: params.get('state') || 'pending', post: params.get('post') || '' }, context),
  },
];
