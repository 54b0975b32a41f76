// Labelled form fields whose error sits next to them: the API's problem+json names each bad field (errors[] of
// {field, message}); its message goes under that field (aria-describedby, aria-invalid), the rest in the form's
// own message. Used by the maintenance planner and the posts form.

import { ApiError } from '../../api.js';
import { t } from '../../i18n.js';
import { el } from '../../dom.js';

/**
 * A labelled field: { node, control, error }. control is an input, select or textarea (made here from tag and
 * attributes); test names its data-test (the error is `${test}-error`).
 */
export function field(id, labelText, control, { hint, test = id } = {}) {
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  control.id = id;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  control.setAttribute('data-test', test);
  const error = el('p', { id: errorId, class: 'field-error', 'data-test': `${test}-error`, hidden: true });
  const node = el('div', { class: 'field' },
    el('label', { for: id }, labelText),
    hint ? el('p', { id: hintId, class: 'field-hint' }, hint) : null,
    control, error);
  return { node, control, error };
}

/** A group of checkboxes (hosts, VMs) as a fieldset with a legend; its error is tied to the fieldset. */
export function group(id, legend, { test = id } = {}) {
  const errorId = `${id}-error`;
  const list = el('ul', { class: 'choices', 'data-test': `${test}-choices` });
  const error = el('p', { id: errorId, class: 'field-error', 'data-test': `${test}-error`, hidden: true });
  const control = el('fieldset', { id, class: 'field choice-group', 'aria-describedby': errorId, 'data-test': test },
    el('legend', {}, legend), list, error);
  return { node: control, control, error, list };
}

/** The name of the form field an API error names: "hosts[0]" and "hosts" are both the hosts field. */
function baseName(field) {
  return String(field || '').split(/[[.]/)[0];
}

/** What to say about a refused request: the problem's detail, or that the server could not be reached. */
export function problemText(e) {
  if (e instanceof ApiError) {
    if (e.status === 412) {
      return t('maint_form_changedMeanwhile');
    }
    return e.message;
  }
  return t('maint_form_network');
}

/**
 * The errors of one form: fields by the API's names, and a general message (an element with role=alert) for
 * what names no field of the form. show(e) answers true when it put something next to a field.
 */
export function formErrors(fields, general) {
  function clear() {
    Object.values(fields).forEach((f) => {
      f.error.hidden = true;
      f.error.textContent = '';
      f.control.removeAttribute('aria-invalid');
    });
    general.hidden = true;
    general.replaceChildren();
  }

  function show(e, { onReload } = {}) {
    clear();
    const errors = (e instanceof ApiError && e.problem && Array.isArray(e.problem.errors)) ? e.problem.errors : [];
    const elsewhere = [];
    let first = null;
    errors.forEach((x) => {
      const f = fields[baseName(x.field)];
      if (!f) {
        elsewhere.push(`${x.field}: ${x.message}`);
        return;
      }
      // a field named twice (hosts[0], hosts[1]) lists every message
      f.error.textContent = f.error.hidden ? x.message : `${f.error.textContent} ${x.message}`;
      f.error.hidden = false;
      f.control.setAttribute('aria-invalid', 'true');
      first = first || f;
    });
    if (!first || elsewhere.length) {
      general.replaceChildren(el('span', {}, [problemText(e), ...elsewhere].join(' ')));
      if (e instanceof ApiError && e.status === 412 && onReload) {
        const reload = el('button', { type: 'button', class: 'link-button', 'data-test': 'reload' },
        t('maint_form_reload'));
        reload.addEventListener('click', onReload);
        general.append(' ', reload);
      }
      general.hidden = false;
    }
    if (first) {
      (first.control.matches('fieldset') ? first.control.querySelector('input') || first.control : first.control)
        .focus();
    }
    return Boolean(first);
  }

  return { clear, show };
}
