// The workbench's entry: hash routes (#/ask, #/sparql, #/browse, #/entity/<iri>, #/graphs, #/tools), the key form.
import { keys } from './api.js';
import { forget, schema } from './graph.js';
import * as ask from './ask.js';
import * as sparql from './sparql.js';
import * as browse from './browse.js';
import * as entity from './entity.js';
import * as graphs from './graphs.js';
import * as tools from './tools.js';

const views = { ask, sparql, browse, entity, graphs, tools };
const main = document.getElementById('main');
let current = null;

/** Parses "#/view/rest?x=1" into {view, rest, params}. */
function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?');
  const [view, ...rest] = path.split('/');
  return { view: views[view] ? view : 'ask', rest: rest.join('/'), params: new URLSearchParams(search) };
}

function show() {
  const r = route();
  for (const a of document.querySelectorAll('nav a[data-view]')) {
    const active = a.dataset.view === r.view || (r.view === 'entity' && a.dataset.view === 'browse');
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  // Keep a view (and its state, e.g. the conversation) while only its parameters change.
  if (current?.name !== r.view) {
    current?.view.unmount?.();
    main.replaceChildren();
    current = { name: r.view, view: views[r.view] };
    current.view.mount(main, r);
  } else {
    current.view.update?.(r);
  }
  document.title = `${r.view[0].toUpperCase()}${r.view.slice(1)} · GroundGate workbench`;
}

function setUpKeys() {
  const form = document.getElementById('keys-form');
  const api = document.getElementById('api-key');
  const admin = document.getElementById('admin-key');
  const status = document.getElementById('keys-status');
  api.value = keys.api();
  admin.value = keys.admin();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    keys.save(api.value.trim(), admin.value.trim());
    status.textContent = 'Saved for this tab.';
  });
  document.getElementById('keys-clear').addEventListener('click', () => {
    api.value = '';
    admin.value = '';
    keys.save('', '');
    status.textContent = 'Forgotten.';
  });
  window.addEventListener('groundgate:keys', () => {
    forget();
    schema();
    api.value = keys.api();
    admin.value = keys.admin();
    current?.view.keysChanged?.();
  });
}

setUpKeys();
schema(); // prefixes for compact names, loaded once in the background
window.addEventListener('hashchange', show);
show();
