// The incident workspace in Tasklist: three plugins on Camunda's own plugin points.
//  - tasklist.task.detail "Incident": the incident record beside every task (status, priority, caller,
//    service, group and assignee, both SLA clocks, every resolution and the caller's answer, the
//    timeline, the closure record), with work notes and messages to the caller;
//  - tasklist.card: the priority as P1..P5 and the SLA standing on each task card;
//  - tasklist.navbar.action "Find incident": any incident the user may read, by number, caller or text.
// Everything comes from the application's API (/api), called with the Tasklist login's session, through
// what the plugins of Tasklist and Cockpit share (app/incident-flow/incident-record.js).

import {addStyle, get, h, renderRecord, showSearch, standing} from '../../../incident-flow/incident-record.js';

const STYLE = `
.ifw-card { font-size: 12px; margin: 2px 0 4px; }
.ifw-card .label { margin-right: 6px; }
.ifw-dialog-backdrop { position: fixed; inset: 0; background: rgba(0, 0, 0, .4); z-index: 2000; }
.ifw-dialog { position: fixed; top: 40px; left: 50%; transform: translateX(-50%); width: min(1000px, 95vw);
  max-height: calc(100vh - 80px); overflow: auto; background: #fff; border-radius: 4px; z-index: 2001;
  box-shadow: 0 5px 15px rgba(0, 0, 0, .5); }
.ifw-dialog header { padding: 12px 15px; border-bottom: 1px solid #e5e5e5; display: flex; gap: 8px; }
.ifw-dialog header input { flex: 1; }
`;

function ensureStyle() {
  addStyle('ifw-tasklist-style', STYLE);
}

// ---- the plugins ------------------------------------------------------------------------------------------

const incidentTab = {
  id: 'incident-record',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  properties: {label: 'Incident'},
  render: (node, {taskId, api}) => {
    node.replaceChildren(h('div', {class: 'ifw-record text-muted'}, 'Loading the incident…'));
    get('/tasks/' + encodeURIComponent(taskId) + '/incident')
      .then(card => renderRecord(node, card.incidentNumber, api))
      .catch(e => node.replaceChildren(h('div', {class: 'ifw-record ifw-error'},
        e.status === 404 ? 'This task belongs to no open incident.' : 'The incident could not be read: ' + e.message)));
  }
};

const slaOnCard = {
  id: 'incident-sla-card',
  pluginPoint: 'tasklist.card',
  priority: 100,
  render: (node, {taskId}) => {
    ensureStyle();
    get('/tasks/' + encodeURIComponent(taskId) + '/incident').then(card => {
      const resolution = card.sla && card.sla.resolution;
      const response = card.sla && card.sla.response;
      const breached = [response, resolution].some(c => c && c.state === 'BREACHED');
      const late = resolution && resolution.secondsLeft !== undefined && resolution.secondsLeft < 0;
      const warn = resolution && resolution.percentUsed >= 75;
      node.replaceChildren(h('div', {class: 'ifw-card', 'data-incident': card.incidentNumber},
        h('span', {class: 'label label-primary'}, 'P' + card.priority + ' ' + (card.priorityLabel || '')),
        h('span', {class: 'label ' + (breached || late ? 'label-danger' : warn ? 'label-warning' : 'label-success'),
          'data-sla': breached ? 'breached' : late ? 'overdue' : warn ? 'warning' : 'ok'},
          breached ? 'SLA breached' : 'SLA ' + standing(resolution))));
      // The card's own priority cell shows the bare task priority (80): it shows the incident's P2 instead.
      const cardElement = node.closest('li') || node.closest('.task');
      const priority = cardElement && cardElement.querySelector('.priority');
      if (priority) {
        priority.textContent = 'P' + card.priority;
        priority.setAttribute('title', 'P' + card.priority + ' ' + (card.priorityLabel || ''));
      }
    }).catch(() => node.replaceChildren());
  }
};

function openSearch(api) {
  ensureStyle();
  const close = () => {
    backdrop.remove();
    dialog.remove();
  };
  const query = h('input', {class: 'form-control', type: 'search', name: 'ifw-query', maxlength: '254',
    placeholder: 'Number, caller name or e-mail, words of the short description'});
  const body = h('div', {class: 'ifw-record'});
  const search = event => {
    if (event) {
      event.preventDefault();
    }
    showSearch(body, query.value, api);
  };
  const form = h('form', {onsubmit: search, style: 'display:flex;gap:8px;flex:1'}, query,
    h('button', {class: 'btn btn-primary', type: 'submit', name: 'ifw-search'}, 'Search'));
  const dialog = h('div', {class: 'ifw-dialog', role: 'dialog', 'aria-label': 'Find incident'},
    h('header', {}, form, h('button', {class: 'btn btn-default', type: 'button', onclick: close}, 'Close')),
    body);
  const backdrop = h('div', {class: 'ifw-dialog-backdrop', onclick: close});
  dialog.addEventListener('keydown', e => {
    if (e.key === 'Escape') {
      close();
    }
  });
  document.body.append(backdrop, dialog);
  query.focus();
  search();
}

const findIncident = {
  id: 'find-incident',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: (node, {api}) => {
    node.replaceChildren(h('a', {href: '#', class: 'ifw-find', title: 'Find any incident you may read',
      onclick: e => { e.preventDefault(); openSearch(api); }},
    h('span', {class: 'glyphicon glyphicon-search'}), ' Find incident'));
  }
};

export default [incidentTab, slaOnCard, findIncident];
