// PLACEHOLDER of the shell (issue 12): the inventory area is being built; this module only keeps the header link alive.

import { t } from '../i18n.js';
import { el } from '../dom.js';

export const routes = [
  {
    path: /^\/(members|hosts|vms)(\/.*)?$/,
    nav: 'members',
    title: () => t('nav_members'),
    open(main, match) {
      const title = el('h1', { tabindex: '-1' }, t(`nav_${match[1]}`));
      main.replaceChildren(el('section', {}, title));
      return { refresh() {}, focus: () => title.focus() };
    },
  },
];
