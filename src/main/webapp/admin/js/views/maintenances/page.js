// One maintenance (#/maintenances/<id>, or #/maintenances/new): the form of a draft (texts, window in a time zone,
// hosts and VMs from the inventory), who will be told with their VMs, the exact mail of each of them, and the
// actions its state allows — announce (after a confirmation naming how many members are mailed), reschedule,
// cancel with a reason, complete. Every write sends the ETag read last; a 412 says it changed meanwhile.

import { dateTime, t } from '../../i18n.js';
import { el, showAlert } from '../../dom.js';
import * as api from '../../api/maintenances.js';
import { feedLinks, stateBadge, windowText } from './common.js';
import { field, formErrors, group, problemText } from './fields.js';
import { browserZone, knownZones, wallClock, withOffset } from './zone.js';
import './texts.js';

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 10000;
const REASON_MAX = 2000;

function alertBox(test) {
  return el('div', { class: 'message error', role: 'alert', 'data-test': test, hidden: true });
}

/** The zone field, with every zone the browser knows as suggestions (one datalist per page). */
function zoneInput(listId) {
  return el('input', { type: 'text', list: listId, autocomplete: 'off', spellcheck: 'false', maxlength: '64' });
}

function checkbox(id, test, labelText, value) {
  const input = el('input', { type: 'checkbox', id, value: String(value), 'data-test': test });
  return { input, item: el('li', {}, input, el('label', { for: id }, labelText)) };
}

export function maintenancePage(main, id, { announce = () => {} } = {}) {
  let current = null;
  let etag = null;
  let inventory = null;

  const title = el('h1', { id: 'maint-page-title', tabindex: '-1', 'data-test': 'maint-page-title' },
    id ? t('loading') : t('maint_newTitle'));
  const facts = el('div', { class: 'maint-facts', 'data-test': 'maint-facts' });
  const notice = el('p', { class: 'message info', role: 'status', 'data-test': 'maint-notice', hidden: true });
  const zones = el('datalist', { id: 'maint-zones' }, ...knownZones().map((z) => el('option', { value: z })));

  // ---- the form of a draft ----
  const f = {
    title: field('maint-f-title', t('maint_f_title'), el('input', { type: 'text', maxlength: String(TITLE_MAX),
      required: true }), { test: 'maint-title' }),
    description: field('maint-f-description', t('maint_f_description'), el('textarea', { rows: '5',
      maxlength: String(DESCRIPTION_MAX), required: true }), { test: 'maint-description' }),
    titleEn: field('maint-f-title-en', t('maint_f_titleEn'), el('input', { type: 'text', maxlength: String(TITLE_MAX),
      lang: 'en' }), { test: 'maint-title-en' }),
    descriptionEn: field('maint-f-description-en', t('maint_f_descriptionEn'), el('textarea', { rows: '4',
      maxlength: String(DESCRIPTION_MAX), lang: 'en' }), { test: 'maint-description-en' }),
    start: field('maint-f-start', t('maint_f_start'), el('input', { type: 'datetime-local', required: true }),
      { test: 'maint-start' }),
    end: field('maint-f-end', t('maint_f_end'), el('input', { type: 'datetime-local' }),
      { test: 'maint-end', hint: t('maint_f_endHint') }),
    timeZone: field('maint-f-zone', t('maint_f_zone'), zoneInput('maint-zones'),
      { test: 'maint-zone', hint: t('maint_f_zoneHint') }),
    everything: field('maint-f-everything', t('maint_f_everything'), el('input', { type: 'checkbox' }),
      { test: 'maint-everything' }),
    hosts: group('maint-f-hosts', t('maint_f_hosts'), { test: 'maint-hosts' }),
    vms: group('maint-f-vms', t('maint_f_vms'), { test: 'maint-vms' }),
    autoComplete: field('maint-f-auto', t('maint_f_autoComplete'), el('input', { type: 'checkbox' }),
      { test: 'maint-auto-complete' }),
  };
  f.everything.node.classList.add('field-check');
  f.autoComplete.node.classList.add('field-check');
  const vmFilter = el('input', { type: 'search', id: 'maint-vm-filter', 'data-test': 'maint-vm-filter',
    autocomplete: 'off' });
  f.vms.list.before(el('div', { class: 'field choice-filter' }, el('label', { for: 'maint-vm-filter' },
    t('maint_f_vmFilter')), vmFilter));
  vmFilter.addEventListener('input', () => {
    const words = vmFilter.value.trim().toLowerCase();
    f.vms.list.querySelectorAll('li').forEach((li) => {
      li.hidden = words !== '' && !li.textContent.toLowerCase().includes(words);
    });
  });
  const formError = alertBox('maint-form-error');
  const formErrorsOf = formErrors(f, formError);
  const save = el('button', { type: 'submit', class: 'primary', 'data-test': 'maint-save' }, t('maint_save'));
  const form = el('form', { class: 'maint-form card', 'data-test': 'maint-form', novalidate: true,
    'aria-labelledby': 'maint-form-title' },
  el('h2', { id: 'maint-form-title' }, t('maint_formTitle')),
  f.title.node, f.description.node,
  el('fieldset', { class: 'maint-english' }, el('legend', {}, t('maint_f_english')), f.titleEn.node,
    f.descriptionEn.node),
  el('div', { class: 'maint-times' }, f.start.node, f.end.node, f.timeZone.node),
  f.everything.node, f.hosts.node, f.vms.node, f.autoComplete.node,
  formError, el('div', { class: 'actions' }, save));

  // ---- who is told, and what they read ----
  const audienceCount = el('p', { class: 'maint-count', 'data-test': 'maint-audience-count' });
  const audienceList = el('ul', { class: 'maint-audience', 'data-test': 'maint-audience' });
  const previewSelect = el('select', { id: 'maint-preview-member', 'data-test': 'maint-preview-member' });
  const previewBox = el('div', { class: 'maint-preview', 'data-test': 'maint-preview', 'aria-live': 'polite' });
  const audienceTitle = el('h2', { id: 'maint-audience-title' }, t('maint_audienceTitle'));
  const audienceSection = el('section', { class: 'card maint-audience-card', 'aria-labelledby': 'maint-audience-title',
    'data-test': 'maint-audience-section', hidden: true },
  audienceTitle, audienceCount, audienceList,
  el('div', { class: 'field maint-preview-choice' }, el('label', { for: 'maint-preview-member' }, t('maint_previewOf')),
    previewSelect),
  previewBox);

  // ---- actions ----
  const actionError = alertBox('maint-action-error');
  const actions = el('section', { class: 'card maint-actions', 'aria-labelledby': 'maint-actions-title',
    'data-test': 'maint-actions', hidden: true },
  el('h2', { id: 'maint-actions-title' }, t('maint_actionsTitle')));

  main.replaceChildren(el('section', { class: 'maint maint-page', 'aria-labelledby': 'maint-page-title',
    'data-test': 'maint-page' },
  el('a', { class: 'back', href: '#/maintenances', 'data-test': 'maint-back' }, t('maint_back')),
  title, facts, notice, zones, form, audienceSection, actions, feedLinks()));

  function say(text) {
    notice.textContent = text;
    notice.hidden = false;
    announce(text);
  }

  // ---- the form's values ----
  function checkedIds(g) {
    return [...g.list.querySelectorAll('input[type=checkbox]:checked')].map((c) => Number(c.value));
  }

  function formValues() {
    const zone = f.timeZone.control.value.trim();
    const text = (x) => x.control.value.trim() || null;
    return {
      title: f.title.control.value.trim(),
      description: f.description.control.value,
      titleEn: text(f.titleEn),
      descriptionEn: text(f.descriptionEn),
      start: withOffset(f.start.control.value, zone || browserZone()),
      end: withOffset(f.end.control.value, zone || browserZone()),
      timeZone: zone || null,
      hosts: checkedIds(f.hosts),
      vms: checkedIds(f.vms),
      everything: f.everything.control.checked,
      autoComplete: f.autoComplete.control.checked,
    };
  }

  function fillForm(m) {
    f.title.control.value = m ? m.title : '';
    f.description.control.value = m ? m.description : '';
    f.titleEn.control.value = (m && m.titleEn) || '';
    f.descriptionEn.control.value = (m && m.descriptionEn) || '';
    f.start.control.value = m ? wallClock(m.start) : '';
    f.end.control.value = m ? wallClock(m.end) : '';
    f.timeZone.control.value = m ? m.timeZone : browserZone();
    f.everything.control.checked = Boolean(m && m.everything);
    f.autoComplete.control.checked = Boolean(m && m.autoComplete);
    const hosts = new Set(m ? m.hosts : []);
    const vms = new Set(m ? m.vms : []);
    f.hosts.list.querySelectorAll('input').forEach((c) => { c.checked = hosts.has(Number(c.value)); });
    f.vms.list.querySelectorAll('input').forEach((c) => { c.checked = vms.has(Number(c.value)); });
  }

  async function loadInventory() {
    if (inventory) {
      return;
    }
    const [hosts, vms, members] = await Promise.all([api.hosts(), api.vms(), api.members()]);
    inventory = { hosts, vms, members };
    const hostName = new Map(hosts.map((h) => [h.id, h.name]));
    const memberName = new Map(members.map((m) => [m.id, m.displayName]));
    f.hosts.list.replaceChildren(...hosts.map((h) => checkbox(`maint-host-${h.id}`, `maint-host-${h.id}`,
      t('maint_hostChoice', { name: h.name, status: h.status }), h.id).item));
    f.vms.list.replaceChildren(...vms.map((v) => checkbox(`maint-vm-${v.id}`, `maint-vm-${v.id}`,
      t('maint_vmChoice', { name: v.name, host: hostName.get(v.host) || '—',
        owner: v.owner != null ? (memberName.get(v.owner) || `#${v.owner}`) : t('maint_noOwner'), status: v.status }),
      v.id).item));
    if (!hosts.length) {
      f.hosts.list.replaceChildren(el('li', { class: 'empty' }, t('maint_noHosts')));
    }
    if (!vms.length) {
      f.vms.list.replaceChildren(el('li', { class: 'empty' }, t('maint_noVms')));
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    formErrorsOf.clear();
    const values = formValues();
    try {
      if (!current) {
        // a new draft: nulls are left out (the API's defaults apply)
        const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
        const { data } = await api.createMaintenance(body);
        announce(t('maint_created'));
        location.hash = `#/maintenances/${data.id}`;
        return;
      }
      const { data, etag: next } = await api.patchMaintenance(current.id, values, etag);
      etag = next;
      draw(data);
      say(t('maint_saved'));
      loadAudience();
    } catch (e) {
      formErrorsOf.show(e, { onReload: refresh });
    } finally {
      save.disabled = false;
    }
  });

  // ---- audience and previews ----
  let audienceItems = [];

  async function loadAudience() {
    if (!current) {
      return;
    }
    try {
      const a = await api.audience(current.id);
      audienceItems = a.items;
      audienceCount.textContent = t(a.total === 1 ? 'maint_audienceOne' : 'maint_audienceMany', { count: a.total });
      audienceList.replaceChildren(...a.items.map((m) => el('li', { 'data-test': 'maint-audience-member',
        'data-member': m.member },
      el('div', { class: 'maint-member' }, el('strong', {}, m.displayName), ' ',
        el('span', { class: 'muted' }, `<${m.email}>`), ' ',
        el('span', { class: 'tag' }, m.language)),
      el('ul', { class: 'maint-member-vms' }, ...m.vms.map((v) => el('li', { 'data-test': 'maint-audience-vm' },
        el('span', { class: 'maint-vm-name' }, v.name), ' ',
        el('span', { class: 'muted' }, v.hostname || ''),
        v.domains && v.domains.length ? el('span', { class: 'muted' }, ` · ${v.domains.join(', ')}`) : null))))));
      const chosen = previewSelect.value;
      previewSelect.replaceChildren(...a.items.map((m) => el('option', { value: String(m.member) },
        `${m.displayName} <${m.email}>`)));
      previewSelect.disabled = a.items.length === 0;
      if (a.items.some((m) => String(m.member) === chosen)) {
        previewSelect.value = chosen;
      }
      audienceSection.hidden = false;
      if (a.items.length) {
        showPreview();
      } else {
        previewBox.replaceChildren(el('p', { class: 'empty' }, t('maint_nobody')));
      }
    } catch (e) {
      audienceSection.hidden = false;
      audienceCount.textContent = '';
      showAlert(audienceList, t('loadFailed', { detail: problemText(e) }), 'li');
    }
  }

  async function showPreview() {
    const member = previewSelect.value;
    if (!member || !current) {
      return;
    }
    previewBox.replaceChildren(el('p', { class: 'empty' }, t('loading')));
    try {
      const p = await api.preview(current.id, member);
      if (previewSelect.value !== member) {
        return; // another member was chosen meanwhile
      }
      previewBox.replaceChildren(
        el('p', { class: 'maint-preview-label' }, t('maint_previewSubject')),
        el('p', { class: 'maint-preview-subject', 'data-test': 'maint-preview-subject' }, p.subject),
        el('pre', { class: 'maint-preview-text', 'data-test': 'maint-preview-text' }, p.text),
        p.calendar ? el('details', { class: 'maint-preview-calendar' }, el('summary', {}, t('maint_previewCalendar')),
          el('pre', { 'data-test': 'maint-preview-calendar' }, p.calendar)) : null);
    } catch (e) {
      previewBox.replaceChildren(el('p', { class: 'message error', role: 'alert' }, problemText(e)));
    }
  }
  previewSelect.addEventListener('change', showPreview);

  // ---- actions ----
  function actionButton(test, label, kind, run) {
    const button = el('button', { type: 'button', class: kind, 'data-test': test }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      actionError.hidden = true;
      try {
        await run();
      } catch (e) {
        showActionError(e);
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }

  function showActionError(e) {
    actionError.replaceChildren(el('span', {}, problemText(e)));
    const errors = (e && e.problem && Array.isArray(e.problem.errors)) ? e.problem.errors : [];
    if (errors.length) {
      actionError.append(el('ul', {}, ...errors.map((x) => el('li', {}, `${x.field}: ${x.message}`))));
    }
    if (e && e.status === 412) {
      const reload = el('button', { type: 'button', class: 'link-button', 'data-test': 'reload' },
        t('maint_form_reload'));
      reload.addEventListener('click', refresh);
      actionError.append(' ', reload);
    }
    actionError.hidden = false;
  }

  function applied(result, text) {
    etag = result.etag;
    draw(result.data);
    loadAudience();
    say(text);
  }

  /** Announce: first a dialog naming how many members get a mail now. */
  function announceAction() {
    const message = el('p', { id: 'maint-confirm-text', 'data-test': 'maint-announce-text' });
    const confirm = el('button', { type: 'button', class: 'primary', 'data-test': 'maint-announce-confirm' });
    const back = el('button', { type: 'button', class: 'secondary', 'data-test': 'maint-announce-back' },
      t('maint_back_dialog'));
    const dialog = el('dialog', { class: 'maint-dialog', 'aria-labelledby': 'maint-confirm-title',
      'aria-describedby': 'maint-confirm-text', 'data-test': 'maint-announce-dialog' },
    el('h2', { id: 'maint-confirm-title' }, t('maint_confirmTitle')), message,
    el('div', { class: 'actions' }, confirm, back));
    let count = 0;
    const opener = actionButton('maint-announce', t('maint_announce'), 'primary', async () => {
      const a = await api.audience(current.id);
      count = a.total;
      message.textContent = count === 0 ? t('maint_confirmNobody', { title: current.title })
        : t(count === 1 ? 'maint_confirmOne' : 'maint_confirmMany', { title: current.title, count });
      confirm.textContent = t(count === 1 ? 'maint_confirmButtonOne' : 'maint_confirmButtonMany', { count });
      dialog.showModal();
      back.focus();
    });
    back.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => opener.focus());
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const result = await api.announce(current.id, etag);
        dialog.close();
        applied(result, t(count === 1 ? 'maint_announcedOne' : 'maint_announcedMany', { count }));
      } catch (e) {
        dialog.close();
        showActionError(e);
      } finally {
        confirm.disabled = false;
      }
    });
    return el('div', { class: 'maint-action' }, el('p', {}, t('maint_announceHint')), opener, dialog);
  }

  function rescheduleAction(m) {
    const r = {
      start: field('maint-r-start', t('maint_f_start'), el('input', { type: 'datetime-local' }),
        { test: 'maint-reschedule-start' }),
      end: field('maint-r-end', t('maint_f_end'), el('input', { type: 'datetime-local' }),
        { test: 'maint-reschedule-end', hint: t('maint_f_endHint') }),
      timeZone: field('maint-r-zone', t('maint_f_zone'), zoneInput('maint-zones'), { test: 'maint-reschedule-zone' }),
    };
    r.start.control.value = wallClock(m.start);
    r.end.control.value = wallClock(m.end);
    r.timeZone.control.value = m.timeZone;
    // a maintenance already in progress keeps its start; only its end moves
    r.start.control.disabled = m.state === 'in-progress';
    const error = alertBox('maint-reschedule-error');
    const errors = formErrors(r, error);
    const submit = el('button', { type: 'submit', class: 'secondary', 'data-test': 'maint-reschedule-submit' },
      t('maint_reschedule'));
    const rescheduleForm = el('form', { class: 'maint-action', 'data-test': 'maint-reschedule-form', novalidate: true,
      'aria-labelledby': 'maint-r-title' },
    el('h3', { id: 'maint-r-title' }, t('maint_rescheduleTitle')), el('p', {}, t('maint_rescheduleHint')),
    el('div', { class: 'maint-times' }, r.start.node, r.end.node, r.timeZone.node), error,
    el('div', { class: 'actions' }, submit));
    rescheduleForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      const zone = r.timeZone.control.value.trim() || m.timeZone;
      const patch = {};
      const start = withOffset(r.start.control.value, zone);
      const end = withOffset(r.end.control.value, zone);
      if (m.state !== 'in-progress') {
        patch.start = start;
      }
      patch.end = end;
      if (zone !== m.timeZone) {
        patch.timeZone = zone;
      }
      submit.disabled = true;
      try {
        applied(await api.patchMaintenance(m.id, patch, etag), t('maint_rescheduled'));
      } catch (e) {
        errors.show(e, { onReload: refresh });
      } finally {
        submit.disabled = false;
      }
    });
    return rescheduleForm;
  }

  function cancelAction(m) {
    const reason = field('maint-c-reason', t('maint_cancelReason'), el('textarea', { rows: '3',
      maxlength: String(REASON_MAX) }), { test: 'maint-cancel-reason', hint: t('maint_cancelReasonHint') });
    const error = alertBox('maint-cancel-error');
    const errors = formErrors({ reason }, error);
    const submit = el('button', { type: 'submit', class: 'danger', 'data-test': 'maint-cancel-submit' },
      t('maint_cancel'));
    const cancelForm = el('form', { class: 'maint-action', 'data-test': 'maint-cancel-form', novalidate: true,
      'aria-labelledby': 'maint-c-title' },
    el('h3', { id: 'maint-c-title' }, t('maint_cancelTitle')),
    el('p', {}, m.state === 'draft' ? t('maint_cancelHintDraft') : t('maint_cancelHint')),
    reason.node, error, el('div', { class: 'actions' }, submit));
    cancelForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      submit.disabled = true;
      try {
        applied(await api.cancel(m.id, reason.control.value.trim(), etag), t('maint_cancelled'));
      } catch (e) {
        errors.show(e, { onReload: refresh });
      } finally {
        submit.disabled = false;
      }
    });
    return cancelForm;
  }

  function completeAction() {
    return el('div', { class: 'maint-action' }, el('h3', {}, t('maint_completeTitle')), el('p', {}, t('maint_completeHint')),
      actionButton('maint-complete', t('maint_complete'), 'primary', async () => {
        applied(await api.complete(current.id, etag), t('maint_completed'));
      }));
  }

  function drawActions(m) {
    const parts = [];
    if (m.state === 'draft') {
      parts.push(announceAction());
    }
    if (m.state === 'announced' || m.state === 'in-progress') {
      parts.push(rescheduleAction(m));
    }
    if (m.state === 'in-progress') {
      parts.push(completeAction());
    }
    if (['draft', 'announced', 'in-progress'].includes(m.state)) {
      parts.push(cancelAction(m));
    } else {
      parts.push(el('p', { class: 'empty' }, t('maint_finished')));
    }
    actions.replaceChildren(el('h2', { id: 'maint-actions-title' }, t('maint_actionsTitle')), actionError,
      el('div', { class: 'maint-action-list' }, ...parts));
    actionError.hidden = true;
    actions.hidden = false;
  }

  function fact(label, value, test) {
    return value ? el('div', { 'data-test': test }, el('dt', {}, label), el('dd', {}, value)) : null;
  }

  function draw(m) {
    current = m;
    title.textContent = m.title;
    facts.replaceChildren(
      el('p', { class: 'maint-state-line' }, stateBadge(m.state), ' ', el('span', { 'data-test': 'maint-window' },
        windowText(m))),
      el('dl', { class: 'maint-dl' },
        fact(t('maint_fact_scope'), m.everything ? t('maint_everything')
          : t('maint_scope', { hosts: m.hosts.length, vms: m.vms.length })),
        fact(t('maint_fact_sequence'), m.state === 'draft' ? null : String(m.sequence)),
        fact(t('maint_fact_announced'), m.announcedAt ? dateTime(m.announcedAt) : null),
        fact(t('maint_fact_started'), m.startedAt ? dateTime(m.startedAt) : null),
        fact(t('maint_fact_completed'), m.completedAt ? dateTime(m.completedAt) : null),
        fact(t('maint_fact_cancelled'), m.cancelledAt ? dateTime(m.cancelledAt) : null),
        fact(t('maint_fact_reason'), m.cancelReason, 'maint-cancel-reason-shown')));
    form.hidden = m.state !== 'draft';
    if (!form.hidden) {
      fillForm(m);
    }
    audienceTitle.textContent = m.state === 'draft' ? t('maint_audienceTitle') : t('maint_audienceTitleTold');
    drawActions(m);
    main.dataset.loaded = `maintenance-${m.id}-${m.state}`;
  }

  async function refresh() {
    try {
      if (!id) {
        await loadInventory();
        main.dataset.loaded = 'maintenance-new';
        return;
      }
      const { data, etag: tag } = await api.maintenance(id);
      etag = tag;
      if (data.state === 'draft') {
        await loadInventory();
      }
      formErrorsOf.clear();
      notice.hidden = true;
      draw(data);
      loadAudience();
    } catch (e) {
      showAlert(facts, t('loadFailed', { detail: problemText(e) }));
    }
  }

  if (id) {
    form.hidden = true;
  } else {
    // the defaults at once: the admin may type before the inventory's lists arrive
    fillForm(null);
  }
  /** Whether the admin is typing on this page (a new window, a reason): a redraw would lose it. */
  function typing() {
    const active = document.activeElement;
    return Boolean(active && main.contains(active) && active.matches('input, textarea, select'));
  }

  /**
   * After a live event: read the maintenance, and redraw only if it changed since it was drawn (its ETag): the
   * event of the admin's own action on this page redraws nothing, and nothing he is typing is lost.
   */
  async function refreshIfChanged() {
    if (typing()) {
      return false;
    }
    try {
      const { data, etag: tag } = await api.maintenance(id);
      if (tag !== etag && !typing()) {
        etag = tag;
        draw(data);
        loadAudience();
        return true;
      }
    } catch (e) {
      // the next event or navigation reads it again
    }
    return false;
  }

  refresh();
  return {
    refresh: (name) => (name === 'live' ? refreshIfChanged() : refresh()),
    focus: () => title.focus(),
    // this maintenance moved on elsewhere (a timer started it, a script announced it): redrawn, unless it is a
    // draft being edited here (its own 412 says so at saving)
    wants: (name, data) => name === 'record-changed' && Boolean(data) && data.type === 'maintenance'
      && String(data.id) === String(id) && Boolean(current) && current.state !== 'draft',
    updated: t('maint_updated'),
    title: id ? t('maint_title') : t('maint_newTitle'),
  };
}
