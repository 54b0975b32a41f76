// PLACEHOLDER of the shell (issue 12): the tokens area is being built; this module only keeps the header link alive.

import { t } from '../i18n.js';
import { el } from '../dom.js';

export const routes = [
  {
    path: /^\/tokens(\/.*)?$/,
    nav: 'tokens',
    title: () => t('nav_tokens'),
    open(main) {
      const title = el('h1', { tabindex: '-1' }, t('nav_tokens'));
      main.replaceChildren(el('section', {}, title));
      return { refresh() {}, focus: () => title.focus() };
    },
  },
];
