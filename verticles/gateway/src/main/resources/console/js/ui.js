// Small DOM helpers shared by the screens: the error banner, element creation, form values.

const banner = () => document.getElementById('error');

/** Shows an error as a sentence (GatewayError messages are already worded for a person). */
export function showError(error) {
  const text = error instanceof Error ? error.message : String(error);
  const el = banner();
  el.textContent = text;
  el.dataset.code = error?.code ?? '';
  el.hidden = false;
}

export function clearError() {
  const el = banner();
  el.hidden = true;
  el.textContent = '';
  el.dataset.code = '';
}

/** Runs an async handler; its failure is shown in the banner instead of becoming an unhandled rejection. */
export function guarded(handler) {
  return async (...args) => {
    try {
      clearError();
      await handler(...args);
    } catch (e) {
      showError(e);
    }
  };
}

/** Wires a form's submit to an async handler that gets the form's values and the button that submitted it. */
export function onSubmit(form, handler) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    guarded(() => handler(values, event.submitter))();
  });
}

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child);
    }
  }
  return node;
}

export function time(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString();
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
