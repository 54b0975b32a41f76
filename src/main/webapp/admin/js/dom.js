// Building elements from parts, never from markup strings: every text from the server goes in as a text node.

/**
 * el('a', { href: '#/x', class: 'c' }, 'text', child, null) — attributes set as attributes (hidden: '' sets a
 * boolean one), children: strings become text nodes, null and undefined are skipped.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat().forEach((child) => {
    if (child === null || child === undefined || child === false) {
      return;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

/**
 * Shows an alert (role=alert, data-test=load-error) in place of what the container held — a view that could not
 * load, and why — and makes sure the container is shown. tag: the alert's element ('li' inside a list).
 */
export function showAlert(container, text, tag = 'p') {
  container.replaceChildren(el(tag, { class: 'message error', role: 'alert', 'data-test': 'load-error' }, text));
  container.hidden = false;
}

/**
 * Puts a field's message under it (or clears it with an empty text), with aria-invalid on the field: the message
 * element is the one the field's aria-describedby names.
 */
export function setFieldError(input, message, text) {
  message.textContent = text;
  message.hidden = !text;
  if (text) {
    input.setAttribute('aria-invalid', 'true');
  } else {
    input.removeAttribute('aria-invalid');
  }
}

/**
 * A destructive button asks first: a click on it hides it and shows the confirmation group (with its yes and no
 * buttons), the focus on "no"; "no" puts things back. What "yes" does is the caller's.
 */
export function askFirst(button, confirmation, no) {
  button.addEventListener('click', () => {
    button.hidden = true;
    confirmation.hidden = false;
    no.focus();
  });
  no.addEventListener('click', () => {
    confirmation.hidden = true;
    button.hidden = false;
    button.focus();
  });
}
