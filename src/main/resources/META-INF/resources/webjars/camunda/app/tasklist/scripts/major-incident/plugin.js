// The Major incident tab in Tasklist (plugin point tasklist.task.detail), beside the task of an incident or of a
// major incident: its status, who holds which role and every change of hands (who, when, from, to), the engaged
// groups, the linked incidents, when the next stakeholder update is due, and the post-incident review once held.
// An incident that is no major incident can be promoted from here (service desk, incident managers; the API says
// who may). Everything comes from the application's API, /api/tasks/{taskId}/major and /api/incidents/{n}/major.

import {addStyle, get, h, post, when} from '../../../incident-flow/incident-record.js';

const STYLE = `
.ifw-major { padding: 10px 15px; font-size: 13px; }
.ifw-major h3 { margin: 0 0 8px; font-size: 18px; }
.ifw-major h4 { margin: 16px 0 6px; font-size: 14px; font-weight: bold; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.ifw-major dl { display: grid; grid-template-columns: 170px 1fr; gap: 3px 12px; margin: 0; }
.ifw-major dt { color: #666; font-weight: normal; }
.ifw-major dd { margin: 0; }
.ifw-major table { width: 100%; }
.ifw-major td, .ifw-major th { padding: 2px 8px 2px 0; vertical-align: top; }
.ifw-major textarea { width: 100%; min-height: 60px; margin-bottom: 6px; }
.ifw-major .ifw-error { color: #a94442; }
`;

function facts(major) {
  const row = (name, value, key) => [h('dt', {}, name), h('dd', {'data-major': key}, value || '—')];
  return h('dl', {},
    row('Status', major.status, 'status'),
    row('Raised', (major.origin || '') + ' by ' + (major.raisedBy || '') + ', ' + when(major.raisedAt), 'raised'),
    row('Why', major.reason, 'reason'),
    row('Incident commander', major.incidentCommander, 'incidentCommander'),
    row('Communications lead', major.communicationsLead, 'communicationsLead'),
    row('Engaged groups', (major.engagedGroups || []).join(', '), 'engagedGroups'),
    row('Updates posted', String(major.updatesPosted), 'updatesPosted'),
    row('Next update due', when(major.nextUpdateDue), 'nextUpdateDue'),
    row('Review due', when(major.reviewDue), 'reviewDue'));
}

function roleChanges(major) {
  return h('table', {'data-major': 'roleChanges'},
    h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Role'), h('th', {}, 'From'), h('th', {}, 'To'), h('th', {}, 'By'),
      h('th', {}, 'Why')),
    (major.roleChanges || []).map(change => h('tr', {},
      h('td', {}, when(change.changedAt)), h('td', {}, change.role), h('td', {}, change.from || '—'),
      h('td', {}, change.to), h('td', {}, change.changedBy), h('td', {}, change.reason || ''))));
}

function children(major) {
  const links = major.linkedIncidents || [];
  if (links.length === 0) {
    return h('p', {class: 'text-muted'}, 'No linked incidents.');
  }
  return h('ul', {'data-major': 'linkedIncidents'}, links.map(link => h('li', {},
    link.childNumber + ' linked by ' + link.linkedBy + ' ' + when(link.linkedAt)
      + (link.unlinkedAt ? ', unlinked by ' + link.unlinkedBy + ' ' + when(link.unlinkedAt) : ''))));
}

function renderMajor(node, number, major) {
  node.replaceChildren(h('div', {class: 'ifw-major'},
    h('h3', {}, 'Major incident ' + number),
    facts(major),
    h('h4', {}, 'Roles as they changed hands'), roleChanges(major),
    h('h4', {}, 'Linked incidents'), children(major),
    major.reviewHeld ? h('p', {}, h('a', {href: '/api/incidents/' + encodeURIComponent(number) + '/post-incident-review',
      target: '_blank', rel: 'noopener'}, 'Post-incident review')) : null));
}

function renderPromotion(node, number, api, refresh) {
  const reason = h('textarea', {name: 'ifw-major-reason', maxlength: '2000', class: 'form-control',
    placeholder: 'Why is this a major incident?'});
  const message = h('p', {class: 'ifw-error'});
  const promote = event => {
    event.preventDefault();
    post('/incidents/' + encodeURIComponent(number) + '/major', {reason: reason.value}, api)
      .then(refresh)
      .catch(e => message.replaceChildren(e.message));
  };
  node.replaceChildren(h('div', {class: 'ifw-major'},
    h('h3', {}, number + ' is no major incident'),
    h('form', {onsubmit: promote}, reason,
      h('button', {class: 'btn btn-danger', type: 'submit', name: 'ifw-promote'}, 'Promote to major incident')),
    message));
}

function render(node, taskId, api) {
  addStyle('ifw-major-style', STYLE);
  node.replaceChildren(h('div', {class: 'ifw-major text-muted'}, 'Loading…'));
  get('/tasks/' + encodeURIComponent(taskId) + '/major').then(found => {
    if (found.major) {
      renderMajor(node, found.incidentNumber, found.major);
    } else {
      renderPromotion(node, found.incidentNumber, api, () => render(node, taskId, api));
    }
  }).catch(e => node.replaceChildren(h('div', {class: 'ifw-major ifw-error'},
    e.status === 404 ? 'This task belongs to no open incident.' : 'The major incident could not be read: ' + e.message)));
}

const majorTab = {
  id: 'major-incident',
  pluginPoint: 'tasklist.task.detail',
  priority: 850,
  properties: {label: 'Major incident'},
  render: (node, {taskId, api}) => render(node, taskId, api)
};

export default [majorTab];
