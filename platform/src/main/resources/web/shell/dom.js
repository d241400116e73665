// Building DOM without HTML strings: every text goes in as a text node, so data can never become markup.

/**
 * el('button', {class: 'primary', type: 'button', onclick: fn}, 'Save') — props are attributes, except
 * `text` (textContent), `class`, `dataset`, on* listeners and non-string values of DOM properties
 * (checked, disabled, value…). Children are nodes or strings (strings become text nodes).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((c) => c != null && c !== false));
  return node;
}

/** The element with this id, or an error naming the id (a page and its script out of step). */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`no element #${id} on this page`);
  return node;
}

/** An accessible "busy" state for a button while its work runs. */
export async function busy(button, work) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** A fieldset of checkboxes named `name`; options: [{value, label}]; `checked`: the values ticked. */
export function checkboxes(legend, name, options, checked = []) {
  return el('fieldset', {}, el('legend', {}, legend),
    el('div', { class: 'checks' }, options.map((o) => el('label', {},
      el('input', { type: 'checkbox', name, value: o.value, checked: checked.includes(o.value) }), o.label))));
}

/** The values of the ticked checkboxes named `name` in `form`. */
export function checkedValues(form, name) {
  return [...form.querySelectorAll(`input[type="checkbox"][name="${name}"]:checked`)].map((box) => box.value);
}
