// PLACEHOLDER of the shell (issue 12): the comments area is being built; this module only keeps the header link alive.

import { t } from '../i18n.js';
import { el } from '../dom.js';

export const routes = [
  {
    path: /^\/comments(\/.*)?$/,
    nav: 'comments',
    title: () => t('nav_comments'),
    open(main) {
      const title = el('h1', { tabindex: '-1' }, t('nav_comments'));
      main.replaceChildren(el('section', {}, title));
      return { refresh() {}, focus: () => title.focus() };
    },
  },
];
