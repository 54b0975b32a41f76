// PLACEHOLDER of the shell (issue 12): the maintenances area is being built; this module only keeps the header link alive.

import { t } from '../i18n.js';
import { el } from '../dom.js';

export const routes = [
  {
    path: /^\/maintenances(\/.*)?$/,
    nav: 'maintenances',
    title: () => t('nav_maintenances'),
    open(main) {
      const title = el('h1', { tabindex: '-1' }, t('nav_maintenances'));
      main.replaceChildren(el('section', {}, title));
      return { refresh() {}, focus: () => title.focus() };
    },
  },
];
