// How failed calls are shown: the gateway's own message, and for a 401 a button that opens the key form.
import { h, note } from './dom.js';

/** Opens the key form and focuses the API key or admin key field. */
export function askForKey(which) {
  document.getElementById('keys').open = true;
  document.getElementById(which === 'admin' ? 'admin-key' : 'api-key').focus();
}

/** An error note for an ApiError (or any Error); `which` says which key a 401 asks for. */
export function errorNote(error, which = 'api') {
  const parts = [error.message];
  if (error.code) parts.push(h('span', { class: 'code-tag' }, ` (${error.code})`));
  if (error.status === 401) {
    parts.push(' ', h('button', { type: 'button', onclick: () => askForKey(which) },
      which === 'admin' ? 'Enter the admin key' : 'Enter the API key'));
  }
  return note('error', ...parts);
}
