// "Knowledge" in Tasklist's navigation bar: the service desk searches the known errors (a problem's published
// workaround) and the resolutions agents marked reusable, to resolve at first contact. Each article shows its
// title, symptom, workaround and services; a known error's number is what the triage and investigation forms
// take under "Apply known error". Everything comes from GET /api/knowledge, with the Tasklist login's session.

import {addStyle, get, h, label, labels} from '../../../incident-flow/incident-record.js';

const STYLE = `
.ifk-backdrop { position: fixed; inset: 0; background: rgba(0, 0, 0, .4); z-index: 2000; }
.ifk-dialog { position: fixed; top: 40px; left: 50%; transform: translateX(-50%); width: min(900px, 95vw);
  max-height: calc(100vh - 80px); overflow: auto; background: #fff; border-radius: 4px; z-index: 2001;
  box-shadow: 0 5px 15px rgba(0, 0, 0, .5); }
.ifk-dialog header { padding: 12px 15px; border-bottom: 1px solid #e5e5e5; display: flex; gap: 8px; }
.ifk-results { padding: 10px 15px; }
.ifk-article { border-bottom: 1px solid #eee; padding: 8px 0; }
.ifk-article h4 { margin: 0 0 4px; font-size: 15px; }
.ifk-article p { margin: 2px 0; white-space: pre-wrap; }
`;

function article(item, catalogue) {
  const kind = item.kind === 'known-error' ? 'Known error' : 'Reusable resolution';
  return h('div', {class: 'ifk-article', 'data-reference': item.reference},
    h('h4', {}, h('span', {class: 'label ' + (item.kind === 'known-error' ? 'label-warning' : 'label-info')}, kind),
      ' ', h('code', {}, item.reference), ' ', item.title),
    h('p', {}, h('strong', {}, 'Symptom: '), item.symptom),
    h('p', {class: 'ifk-workaround'}, h('strong', {}, item.kind === 'known-error' ? 'Workaround: ' : 'Resolution: '),
      item.workaround),
    h('p', {class: 'text-muted'}, 'Services: ',
      (item.services || []).map(s => label(catalogue, 'affectedService', s)).join(', ') || '—'));
}

async function show(results, text) {
  results.replaceChildren(h('p', {class: 'text-muted'}, 'Searching…'));
  try {
    const [found, catalogue] = await Promise.all([get('/knowledge?limit=20&q=' + encodeURIComponent(text || '')),
      labels()]);
    results.replaceChildren(...(found.items.length ? found.items.map(item => article(item, catalogue))
      : [h('p', {class: 'text-muted ifk-none'}, 'Nothing known matches “' + text + '”.')]));
  } catch (e) {
    results.replaceChildren(h('p', {class: 'text-danger'}, 'The knowledge could not be searched: ' + e.message));
  }
}

function openKnowledge() {
  addStyle('ifk-style', STYLE);
  const close = () => {
    backdrop.remove();
    dialog.remove();
  };
  const query = h('input', {class: 'form-control', type: 'search', name: 'ifk-query', maxlength: '254',
    placeholder: 'Words of the symptom, e.g. vpn drops'});
  const results = h('div', {class: 'ifk-results'});
  const form = h('form', {style: 'display:flex;gap:8px;flex:1', onsubmit: e => {
    e.preventDefault();
    show(results, query.value);
  }}, query, h('button', {class: 'btn btn-primary', type: 'submit', name: 'ifk-search'}, 'Search'));
  const dialog = h('div', {class: 'ifk-dialog', role: 'dialog', 'aria-label': 'Knowledge'},
    h('header', {}, form, h('button', {class: 'btn btn-default', type: 'button', onclick: close}, 'Close')), results);
  const backdrop = h('div', {class: 'ifk-backdrop', onclick: close});
  dialog.addEventListener('keydown', e => {
    if (e.key === 'Escape') {
      close();
    }
  });
  document.body.append(backdrop, dialog);
  query.focus();
  show(results, '');
}

const knowledge = {
  id: 'knowledge-search',
  pluginPoint: 'tasklist.navbar.action',
  priority: 190,
  render: node => {
    node.replaceChildren(h('a', {href: '#', class: 'ifk-open', title: 'Known errors and reusable resolutions',
      onclick: e => { e.preventDefault(); openKnowledge(); }},
    h('span', {class: 'glyphicon glyphicon-book'}), ' Knowledge'));
  }
};

export default [knowledge];
