// The form of a member, a host or a VM: create, edit (a merge patch sent with If-Match: the ETag read) and delete
// (after a confirmation). A refused save shows each of the API's errors[] next to the field it names
// (aria-invalid, aria-describedby), a summary at the top (role=alert) and moves the focus to the first bad field;
// a 412 says someone changed the record meanwhile and offers to reload it, dropping what was typed.

import { t } from '../../i18n.js';
import { ApiError } from '../../api.js';
import { el, showAlert } from '../../dom.js';
import { change, create, read, remove } from '../../api/inventory.js';
import { FIELDS, allNames, nameOf } from './kinds.js';
import { bars } from './capacity.js';
import { flashNext } from './lists.js';

/** "ipv4[0]" → "ipv4", "domains[2].name" → "domains": the form field an API error names. */
export function baseField(field) {
  return String(field || '').replace(/[[.].*$/, '');
}

/** The item index an error names ("ipv4[3]" → 3), or null. */
function itemIndex(field) {
  const m = String(field || '').match(/^[^[]+\[(\d+)\]/);
  return m ? Number(m[1]) : null;
}

function lines(text) {
  return String(text || '').split(/[\n,;]+/).map((s) => s.trim()).filter((s) => s !== '');
}

/** A form field's value as the API reads it (null when empty: absent on create, removed by the patch). */
function valueOf(field, input) {
  const raw = input.value;
  switch (field.type) {
    case 'number': {
      if (raw.trim() === '') {
        // an unreadable number (the browser empties it) is sent as text, so the API names the field
        return input.validity && input.validity.badInput ? 'not a number' : null;
      }
      const n = Number(raw);
      return Number.isNaN(n) ? raw : n;
    }
    case 'list':
      return lines(raw);
    case 'domains':
      return String(raw || '').split('\n').map((s) => s.trim()).filter((s) => s !== '').map((line) => {
        const [name, expires] = line.split(/\s+/);
        return expires ? { name, certificateExpires: expires } : { name };
      });
    case 'select':
      if (field.reference) {
        return raw === '' ? null : Number(raw);
      }
      return raw === '' ? null : raw;
    default:
      return raw.trim() === '' ? null : raw;
  }
}

/** A record's value as the form's text. */
function textOf(field, record) {
  const v = record ? record[field.name] : undefined;
  if (v === null || v === undefined) {
    return field.initial || '';
  }
  if (field.type === 'list') {
    return v.join('\n');
  }
  if (field.type === 'domains') {
    return v.map((d) => (d.certificateExpires ? `${d.name} ${d.certificateExpires}` : d.name)).join('\n');
  }
  return String(v);
}

export function formView(main, kind, id, { announce = () => {} } = {}) {
  const isNew = id === null;
  const title = el('h1', { id: 'inv-form-title', tabindex: '-1', 'data-test': 'form-title' },
    isNew ? t(`inv_new_${kind}`) : t('loading'));
  const back = el('a', { class: 'back', href: `#/${kind}`, 'data-test': 'back' }, t(`inv_back_${kind}`));
  const body = el('div', { 'data-test': 'form-body' });
  const section = el('section', { class: 'inv inv-form-view', 'data-test': `${kind}-form-view`,
    'aria-labelledby': 'inv-form-title' }, back, title, body);
  main.replaceChildren(section);

  let etag = null;
  let record = null;
  let names = { hosts: new Map(), members: new Map() };

  function input(field, value) {
    const fid = `f-${field.name}`;
    const common = { id: fid, name: field.name, 'data-test': `field-${field.name}`,
      'aria-describedby': `${fid}-error`, required: field.required ? true : null };
    if (field.type === 'select') {
      let options;
      if (field.reference) {
        options = [['', t(field.none)], ...[...names[field.reference].entries()].map(([k, v]) => [String(k), v])];
      } else {
        options = [...(field.required ? [['', t('inv_choose')]] : []), ...field.options()];
      }
      return el('select', common, ...options.map(([v, label]) =>
        el('option', { value: v, selected: v === value ? true : null }, label)));
    }
    if (field.type === 'textarea' || field.type === 'list' || field.type === 'domains') {
      const area = el('textarea', { ...common, rows: field.type === 'textarea' ? '4' : '3',
        spellcheck: field.type === 'textarea' ? null : 'false' });
      area.value = value;
      return area;
    }
    return el('input', { ...common, type: field.type, value, maxlength: field.maxlength, min: field.min,
      step: field.step, inputmode: field.type === 'number' ? (field.decimal ? 'decimal' : 'numeric') : null,
      autocomplete: field.autocomplete, spellcheck: field.type === 'text' ? 'false' : null });
  }

  function draw() {
    const fields = FIELDS[kind];
    const summary = el('div', { class: 'message error', role: 'alert', 'data-test': 'form-errors', tabindex: '-1',
      hidden: true });
    const conflict = el('div', { class: 'message error inv-conflict', role: 'alert', 'data-test': 'form-conflict',
      hidden: true });
    const inputs = new Map();
    const errors = new Map();
    const rows = fields.map((field) => {
      const control = input(field, textOf(field, record));
      inputs.set(field.name, control);
      const error = el('p', { id: `f-${field.name}-error`, class: 'field-error', 'data-test': `error-${field.name}`,
        hidden: true });
      errors.set(field.name, error);
      return el('div', { class: `field inv-field inv-field-${field.type}` },
        el('label', { for: `f-${field.name}` }, t(`inv_f_${field.name}`),
          field.required ? el('span', { class: 'inv-required' }, ` ${t('inv_required')}`) : null),
        control, error);
    });
    const submit = el('button', { type: 'submit', class: 'primary', 'data-test': 'form-save' },
      t(isNew ? 'inv_create' : 'inv_save'));
    const form = el('form', { class: 'inv-form card', 'data-test': 'record-form', novalidate: true },
      summary, conflict, ...rows, el('div', { class: 'actions' }, submit));

    function clearErrors() {
      summary.hidden = true;
      conflict.hidden = true;
      errors.forEach((e, name) => {
        e.hidden = true;
        e.textContent = '';
        inputs.get(name).removeAttribute('aria-invalid');
      });
    }

    function showProblem(e) {
      if (!(e instanceof ApiError)) {
        summary.replaceChildren(t('inv_network'));
        summary.hidden = false;
        summary.focus();
        return;
      }
      if (e.status === 412) {
        const reload = el('button', { type: 'button', class: 'secondary', 'data-test': 'form-reload' }, t('inv_reload'));
        reload.addEventListener('click', () => load(true));
        conflict.replaceChildren(el('p', {}, t('inv_conflict')), reload);
        conflict.hidden = false;
        reload.focus();
        return;
      }
      const list = (e.problem && Array.isArray(e.problem.errors)) ? e.problem.errors : [];
      const items = [];
      let first = null;
      list.forEach((x) => {
        const name = baseField(x.field);
        const control = inputs.get(name);
        const label = control ? t(`inv_f_${name}`) : x.field;
        let message = x.message;
        const index = itemIndex(x.field);
        const field = FIELDS[kind].find((f) => f.name === name);
        if (control && index !== null && field && (field.type === 'list' || field.type === 'domains')) {
          // which line: its text as typed (the API counts the lines the form sent)
          const sent = field.type === 'list' ? lines(control.value)
            : control.value.split('\n').map((s) => s.trim()).filter((s) => s !== '');
          message = sent[index] !== undefined ? `${sent[index]} — ${x.message}` : x.message;
        }
        if (control) {
          const error = errors.get(name);
          error.textContent = error.textContent ? `${error.textContent} ${message}` : message;
          error.hidden = false;
          control.setAttribute('aria-invalid', 'true');
          first = first || control;
          const link = el('a', { href: `#f-${name}`, 'data-field': name }, `${label}: ${message}`);
          link.addEventListener('click', (event) => {
            event.preventDefault(); // not a route: the field
            control.focus();
          });
          items.push(el('li', {}, link));
        } else {
          items.push(el('li', {}, `${label}: ${x.message}`));
        }
      });
      summary.replaceChildren(el('p', {}, t('inv_problems'), ' ', e.problem && e.problem.detail ? e.problem.detail : ''),
        items.length ? el('ul', {}, ...items) : null);
      summary.hidden = false;
      (first || summary).focus();
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors();
      const data = {};
      fields.forEach((field) => {
        const v = valueOf(field, inputs.get(field.name));
        // a new record leaves out what is empty (the API's defaults apply); an edit removes it (merge patch null)
        if (!isNew || (v !== null && !(Array.isArray(v) && v.length === 0))) {
          data[field.name] = v;
        }
      });
      submit.disabled = true;
      try {
        const saved = isNew ? await create(kind, data) : await change(kind, id, data, etag);
        flashNext(t('inv_saved', { name: nameOf(kind, saved.record) }));
        announce(t('inv_saved', { name: nameOf(kind, saved.record) }));
        location.hash = `#/${kind}`;
      } catch (e) {
        showProblem(e);
      } finally {
        submit.disabled = false;
      }
    });

    const parts = [form];
    if (!isNew && kind === 'hosts' && record.capacity) {
      parts.unshift(el('div', { class: 'card inv-host-capacity' }, bars(record.capacity)));
    }
    if (!isNew) {
      parts.push(deletion(summary));
    }
    body.replaceChildren(...parts);
  }

  /** Delete, after a confirmation in the page; a refusal (409: a host with VMs) shows the API's detail. */
  function deletion(summary) {
    const start = el('button', { type: 'button', class: 'secondary danger', 'data-test': 'delete' }, t('inv_delete'));
    const confirmBox = el('div', { class: 'inv-confirm card', role: 'alertdialog', 'aria-labelledby': 'inv-confirm-text',
      'data-test': 'delete-confirm', hidden: true });
    const yes = el('button', { type: 'button', class: 'primary danger', 'data-test': 'delete-yes' }, t('inv_delete_yes'));
    const no = el('button', { type: 'button', class: 'secondary', 'data-test': 'delete-no' }, t('inv_cancel'));
    confirmBox.append(el('p', { id: 'inv-confirm-text' }, t('inv_delete_confirm', { name: nameOf(kind, record) })),
      el('div', { class: 'inline' }, yes, no));
    start.addEventListener('click', () => {
      confirmBox.hidden = false;
      no.focus();
    });
    no.addEventListener('click', () => {
      confirmBox.hidden = true;
      start.focus();
    });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await remove(kind, id, etag);
        flashNext(t('inv_deleted', { name: nameOf(kind, record) }));
        location.hash = `#/${kind}`;
      } catch (e) {
        confirmBox.hidden = true;
        summary.replaceChildren(e instanceof ApiError && e.status === 412 ? t('inv_conflict') : e.message);
        summary.hidden = false;
        summary.focus();
      } finally {
        yes.disabled = false;
      }
    });
    return el('div', { class: 'inv-delete' }, start, confirmBox);
  }

  async function load(reloading = false) {
    try {
      const [found, hosts, members] = await Promise.all([
        isNew ? Promise.resolve(null) : read(kind, id),
        kind === 'vms' ? allNames('hosts') : Promise.resolve(names.hosts),
        kind === 'vms' ? allNames('members') : Promise.resolve(names.members),
      ]);
      names = { hosts, members };
      if (found) {
        record = found.record;
        etag = found.etag;
        title.textContent = t(`inv_edit_${kind}`, { name: nameOf(kind, record) });
      }
      draw();
      section.dataset.etag = etag || '';
      if (reloading) {
        announce(t('inv_reloaded'));
        title.focus();
      }
    } catch (e) {
      showAlert(body, t('loadFailed', { detail: e.message }));
    }
  }

  load();
  return {
    refresh() {},
    focus: () => title.focus(),
    wants: () => false,
    title: isNew ? t(`inv_new_${kind}`) : t(`inv_title_${kind}`),
  };
}
