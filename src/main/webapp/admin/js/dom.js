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
