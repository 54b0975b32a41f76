// PLACEHOLDER of the shell (issue 12): the mail area is being built; this module only keeps the header link alive.

import { t } from '../i18n.js';
import { el } from '../dom.js';

export const routes = [
  {
    path: /^\/mail(\/.*)?$/,
    nav: 'mail',
    title: () => t('nav_mail'),
    open(main) {
      const title = el('h1', { tabindex: '-1' }, t('nav_mail'));
      main.replaceChildren(el('section', {}, title));
      return { refresh() {}, focus: () => title.focus() };
    },
  },
];
