// The inventory area of the dashboard: members, hosts and VMs as lists (sortable, filterable, paged; the hosts with
// their capacity as bars), their forms (create, edit with If-Match, delete), and the certificates expiring soon.
// Routes: #/members, #/members/new, #/members/<id>, the same for hosts and vms, and #/vms/certificates.

import './inventory/texts.js';
import { t } from '../i18n.js';
import { listView } from './inventory/lists.js';
import { formView } from './inventory/form.js';
import { certificatesView } from './inventory/certificates.js';

const KINDS = ['members', 'hosts', 'vms'];

export const routes = [
  {
    path: /^\/vms\/certificates$/,
    nav: 'vms',
    title: () => t('inv_certs_title'),
    open: (main, match, params) => certificatesView(main, params),
  },
  ...KINDS.flatMap((kind) => [
    {
      path: new RegExp(`^/${kind}$`),
      nav: kind,
      title: () => t(`inv_title_${kind}`),
      open: (main, match, params, context) => listView(main, kind, params, context),
    },
    {
      path: new RegExp(`^/${kind}/new$`),
      nav: kind,
      title: () => t(`inv_new_${kind}`),
      open: (main, match, params, context) => formView(main, kind, null, context),
    },
    {
      path: new RegExp(`^/${kind}/(\\d{1,18})$`),
      nav: kind,
      title: () => t(`inv_title_${kind}`),
      open: (main, match, params, context) => formView(main, kind, match[1], context),
    },
  ]),
];
