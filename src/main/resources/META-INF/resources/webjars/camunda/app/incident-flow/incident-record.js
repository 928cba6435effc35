// What the incident-flow plugins of Tasklist and Cockpit share: calling the application's API (/api) with the
// webapp login's session (a change carries the session's CSRF token), building elements, the labels of
// /api/labels, readable times, and the incident record: status, priority, caller, service, group and
// assignee, both SLA clocks, every resolution and the caller's answer, work notes and messages to the
// caller, the timeline and the closure record. Text from the API is always set as text, never as HTML.
// Imported by app/tasklist/scripts/incident-workspace/plugin.js and app/cockpit/scripts/incident-dashboard/plugin.js.

const API = '/api';

// ---- talking to the API -------------------------------------------------------------------------------

function cookie(name) {
  const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

async function problem(response) {
  let message = response.status + ' ' + response.statusText;
  try {
    const body = await response.json();
    message = body.error || message;
    if (body.fields && body.fields.length) {
      message += ': ' + body.fields.map(f => f.field + ' ' + f.message).join('; ');
    }
  } catch (e) {
    // not JSON: the status says it
  }
  const error = new Error(message);
  error.status = response.status;
  return error;
}

export async function get(path) {
  const response = await fetch(API + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw await problem(response);
  }
  return response.json();
}

export async function post(path, body, api) {
  const response = await fetch(API + path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'X-XSRF-TOKEN': (api && api.CSRFToken) || cookie('XSRF-TOKEN') || ''
    },
    body: JSON.stringify(body)
  });
  if (!response.ok) {
    throw await problem(response);
  }
  return response.json();
}

let labelCatalogue;
export function labels() {
  if (!labelCatalogue) {
    labelCatalogue = get('/labels').catch(() => ({}));
  }
  return labelCatalogue;
}

export function label(catalogue, field, value) {
  if (value === null || value === undefined) {
    return '';
  }
  return (catalogue[field] && catalogue[field][value]) || String(value);
}

// ---- building the page ----------------------------------------------------------------------------------

export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === null || value === undefined || value === false) {
      return;
    }
    if (['onclick', 'onsubmit', 'oninput', 'onchange', 'onkeydown'].includes(name)) {
      element.addEventListener(name.substring(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat(Infinity).forEach(child => {
    if (child === null || child === undefined || child === false) {
      return;
    }
    element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return element;
}

const STYLE = `
.ifw-record { padding: 10px 15px; font-size: 13px; }
.ifw-record h3 { margin: 0 0 4px; font-size: 18px; }
.ifw-record h4 { margin: 18px 0 6px; font-size: 14px; font-weight: bold; border-bottom: 1px solid #ddd;
  padding-bottom: 4px; }
.ifw-record .ifw-sub { color: #666; margin-bottom: 8px; }
.ifw-facts { display: grid; grid-template-columns: 150px 1fr 150px 1fr; gap: 3px 12px; }
.ifw-facts dt { color: #666; font-weight: normal; }
.ifw-facts dd { margin: 0; }
.ifw-clocks { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.ifw-clock { border: 1px solid #ddd; border-radius: 3px; padding: 8px 10px; }
.ifw-clock .ifw-bar { height: 6px; background: #eee; border-radius: 3px; margin: 6px 0; overflow: hidden; }
.ifw-clock .ifw-bar span { display: block; height: 100%; background: #5cb85c; }
.ifw-clock.ifw-warn .ifw-bar span { background: #f0ad4e; }
.ifw-clock.ifw-late .ifw-bar span { background: #d9534f; }
.ifw-timeline { list-style: none; padding: 0; margin: 0; }
.ifw-timeline li { padding: 5px 0; border-bottom: 1px solid #f0f0f0; }
.ifw-timeline .ifw-when { color: #888; display: inline-block; min-width: 150px; }
.ifw-timeline .ifw-text { white-space: pre-wrap; margin: 3px 0 0 150px; }
.ifw-timeline li.ifw-note { background: #fcf8e3; }
.ifw-timeline li.ifw-caller { background: #eef6fb; }
.ifw-write textarea { width: 100%; min-height: 70px; margin-bottom: 6px; }
.ifw-write .btn { margin-right: 6px; }
.ifw-resolution { border-left: 3px solid #ddd; padding: 3px 10px; margin-bottom: 6px; }
.ifw-resolution.ifw-rejected { border-color: #d9534f; }
.ifw-resolution.ifw-accepted { border-color: #5cb85c; }
.ifw-error { color: #a94442; }
.ifw-results { width: 100%; }
.ifw-results tr { cursor: pointer; }
`;

/** Adds the style sheet {@code css} to the page, once (the plugins render again and again). */
export function addStyle(id, css) {
  if (!document.getElementById(id)) {
    document.head.appendChild(h('style', {id}, css));
  }
}

function ensureStyle() {
  addStyle('ifw-style', STYLE);
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

export function duration(seconds) {
  const s = Math.abs(seconds);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) {
    return days + ' d ' + hours + ' h';
  }
  if (hours > 0) {
    return hours + ' h ' + minutes + ' min';
  }
  return minutes + ' min';
}

/** An ISO-8601 target as people say it: PT30M is "30 min", PT8H "8 h", P3D "3 d". */
function target(iso) {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso || '');
  if (!match) {
    return iso || '';
  }
  return [[match[1], 'd'], [match[2], 'h'], [match[3], 'min']].filter(([n]) => n && n !== '0')
    .map(([n, unit]) => n + ' ' + unit).join(' ');
}

const STATE_LABELS = {RUNNING: 'running', PAUSED: 'paused', MET: 'met', BREACHED: 'breached'};
const STATE_CLASSES = {RUNNING: 'label-info', PAUSED: 'label-default', MET: 'label-success', BREACHED: 'label-danger'};

/** "3 h 20 min left", "overdue by 5 min", "met", ... */
export function standing(clock) {
  if (!clock) {
    return 'no target yet';
  }
  if (clock.state === 'BREACHED') {
    return 'breached' + (clock.breachedAt ? ' at ' + when(clock.breachedAt) : '');
  }
  if (clock.state === 'MET') {
    return 'met at ' + when(clock.stoppedAt);
  }
  if (clock.secondsLeft === undefined || clock.secondsLeft === null) {
    return STATE_LABELS[clock.state];
  }
  const left = clock.secondsLeft >= 0 ? duration(clock.secondsLeft) + ' left' : 'overdue by ' + duration(clock.secondsLeft);
  return clock.state === 'PAUSED' ? 'paused, ' + left : left;
}

function clockCard(name, clock) {
  const percent = clock && clock.percentUsed !== undefined ? clock.percentUsed : null;
  const late = clock && (clock.state === 'BREACHED' || (clock.secondsLeft !== undefined && clock.secondsLeft < 0));
  const warn = !late && percent !== null && percent >= 75;
  return h('div', {class: 'ifw-clock' + (late ? ' ifw-late' : warn ? ' ifw-warn' : ''), 'data-clock': name},
    h('strong', {}, name + ' '),
    clock ? h('span', {class: 'label ' + STATE_CLASSES[clock.state]}, STATE_LABELS[clock.state]) : null,
    h('div', {class: 'ifw-bar'}, h('span', {style: 'width:' + Math.min(100, percent || 0) + '%'})),
    h('div', {}, standing(clock)),
    clock ? h('div', {class: 'text-muted'}, 'due ' + when(clock.due) + ' · target ' + target(clock.target)
      + (percent !== null ? ' · ' + percent + '% used' : '')) : null);
}

/** The work an incident is linked to, as sentences: what it follows up, its major incident, its problem. */
function related(incident) {
  return [
    incident.followUpOf ? (incident.followUpKind === 'reopening' ? 'reopens ' : 'follows up ') + incident.followUpOf : null,
    incident.parentIncidentNumber ? 'major incident ' + incident.parentIncidentNumber : null,
    incident.problemNumber ? 'problem ' + incident.problemNumber : null].filter(Boolean);
}

function fact(name, value) {
  return [h('dt', {}, name), h('dd', {}, value || '—')];
}

function timelineItem(entry, catalogue) {
  const note = entry.type === 'note';
  const fromCaller = entry.type === 'comment' && entry.visibility === 'caller';
  let summary = entry.summary;
  if (entry.type === 'status' && entry.status) {
    summary = 'Status ' + label(catalogue, 'status', entry.status);
  } else if (entry.type === 'assignment' && entry.assignmentGroup) {
    summary = 'Assigned to ' + label(catalogue, 'assignmentGroup', entry.assignmentGroup);
  } else if (note) {
    summary = 'Work note by ' + entry.by + ' (internal)';
  } else if (fromCaller) {
    summary = (entry.author === 'caller' ? 'Caller' : 'Message to the caller by ' + entry.by)
      + (entry.author === 'caller' ? ' (recorded by ' + entry.by + ')' : '');
  }
  return h('li', {class: note ? 'ifw-note' : fromCaller ? 'ifw-caller' : '', 'data-type': entry.type},
    h('span', {class: 'ifw-when'}, when(entry.at)),
    h('span', {}, summary),
    entry.recipients ? h('span', {class: 'text-muted'}, ' → ' + entry.recipients.join(', ')) : null,
    entry.text ? h('div', {class: 'ifw-text'}, entry.text) : null);
}

function resolutionItem(resolution, catalogue) {
  const answers = {accepted: 'accepted by the caller', rejected: 'rejected by the caller',
    'auto-closed': 'closed: the caller did not answer', pending: 'waiting for the caller\'s answer'};
  return h('div', {class: 'ifw-resolution ifw-' + resolution.answer},
    h('div', {}, h('strong', {}, label(catalogue, 'resolutionCode', resolution.code)),
      ' by ' + (resolution.resolvedBy || '—') + ', ' + when(resolution.at) + ' — ' + answers[resolution.answer]
      + (resolution.answeredAt ? ' ' + when(resolution.answeredAt) : '')),
    resolution.notes ? h('div', {class: 'ifw-text'}, resolution.notes) : null,
    resolution.comment ? h('div', {}, h('em', {}, 'Caller: '), resolution.comment) : null);
}

function writeBox(incident, api, refresh) {
  const text = h('textarea', {class: 'form-control', name: 'ifw-text', maxlength: '4000',
    placeholder: 'A work note for the team, or a message to the caller'});
  const message = h('div', {class: 'ifw-message'});
  const send = (path, body, done) => async event => {
    event.preventDefault();
    message.textContent = '';
    message.className = 'ifw-message';
    if (!text.value.trim()) {
      message.textContent = 'Write something first.';
      message.className = 'ifw-message ifw-error';
      return;
    }
    try {
      await post('/incidents/' + incident.incidentNumber + path, body(text.value), api);
      text.value = '';
      await refresh(done);
    } catch (e) {
      message.textContent = e.message;
      message.className = 'ifw-message ifw-error';
    }
  };
  const open = !['CLOSED', 'CANCELED'].includes(incident.status);
  return h('div', {class: 'ifw-write'},
    h('h4', {}, 'Notes and messages'),
    open ? [text,
      h('button', {class: 'btn btn-default', name: 'ifw-note',
        onclick: send('/notes', t => ({text: t}), 'Work note added (internal, not mailed).')}, 'Add work note'),
      h('button', {class: 'btn btn-primary', name: 'ifw-comment',
        onclick: send('/comments', t => ({text: t, author: 'agent'}), 'Message sent to the caller.')},
        'Send to caller'),
      message]
      : h('p', {class: 'text-muted'}, 'The incident is ' + incident.status.toLowerCase() + ': it takes no more notes.'));
}

/**
 * Renders the record of incident {@code number} into {@code container}, and again after each change;
 * {@code links(incident)}, where given, adds the app's own links to the record's head line.
 */
export async function renderRecord(container, number, api, links) {
  ensureStyle();
  const refresh = async done => {
    const [incident, catalogue] = await Promise.all([get('/incidents/' + number), labels()]);
    container.replaceChildren(record(incident, catalogue, api, refresh, links));
    if (done) {
      const message = container.querySelector('.ifw-message');
      if (message) {
        message.textContent = done;
      }
    }
  };
  try {
    await refresh();
  } catch (e) {
    container.replaceChildren(h('div', {class: 'ifw-record ifw-error'},
      e.status === 403 ? 'This incident is not for your groups.' : 'The incident could not be read: ' + e.message));
  }
}

/** A file's size as people read it: 812 B, 35 KB, 4.2 MB. */
function fileSize(bytes) {
  return bytes < 1024 ? bytes + ' B' : bytes < 1048576 ? Math.round(bytes / 1024) + ' KB'
    : (bytes / 1048576).toFixed(1) + ' MB';
}

function record(incident, catalogue, api, refresh, links) {
  const sla = incident.sla || {};
  return h('div', {class: 'ifw-record', 'data-incident': incident.incidentNumber},
    h('h3', {}, incident.incidentNumber + ' · ' + incident.shortDescription),
    h('div', {class: 'ifw-sub'},
      h('span', {class: 'label label-primary'}, 'P' + incident.priority + ' ' + (incident.priorityLabel || '')), ' ',
      h('span', {class: 'label label-default', 'data-status': incident.status},
        label(catalogue, 'status', incident.status)),
      incident.onHoldReason ? ' ' + label(catalogue, 'onHoldReason', incident.onHoldReason) : null,
      incident.closureRecord ? [' · ', h('a', {href: incident.closureRecord, target: '_blank', rel: 'noopener'},
        'Closure record')] : null,
      links ? links(incident) : null),
    h('dl', {class: 'ifw-facts'},
      fact('Caller', incident.callerName),
      fact('Contact', incident.callerEmail),
      fact('Service', label(catalogue, 'affectedService', incident.affectedService)),
      fact('Category', label(catalogue, 'category', incident.category)),
      fact('Group', label(catalogue, 'assignmentGroup', incident.assignmentGroup)),
      fact('Assignee', incident.assignee),
      fact('Impact / urgency', label(catalogue, 'impact', incident.impact) + ' / '
        + label(catalogue, 'urgency', incident.urgency)),
      fact('Channel', label(catalogue, 'channel', incident.channel)),
      fact('Reported', when(incident.reportedAt)),
      fact('Reopened / reassigned', (incident.reopenCount || 0) + ' / ' + (incident.reassignmentCount || 0)),
      related(incident).length ? fact('Linked to', related(incident).join(' · ')) : null),
    h('div', {class: 'ifw-description ifw-text', style: 'margin:8px 0 0 0'}, incident.description),
    incident.attachments && incident.attachments.length
      ? [h('h4', {}, 'Attachments'), h('ul', {class: 'ifw-attachments'}, incident.attachments.map(file =>
        h('li', {}, h('a', {href: file.url, download: file.fileName, rel: 'noopener'}, file.fileName),
          ' (' + fileSize(file.size) + ', ' + when(file.at) + ')')))] : null,
    h('h4', {}, 'SLA' + (sla.calendar ? ' (' + sla.calendar + ')' : '')),
    h('div', {class: 'ifw-clocks'}, clockCard('Response', sla.response), clockCard('Resolution', sla.resolution)),
    incident.resolutions && incident.resolutions.length
      ? [h('h4', {}, 'Resolutions'), incident.resolutions.map(r => resolutionItem(r, catalogue))] : null,
    writeBox(incident, api, refresh),
    h('h4', {}, 'Timeline'),
    h('ul', {class: 'ifw-timeline'}, incident.timeline.slice().reverse().map(e => timelineItem(e, catalogue))));
}


/**
 * Finds every incident the user may read whose number, caller or short description matches {@code text}
 * (GET /api/incidents?q=) and lists them in {@code body}; a click on one shows its record there, with a
 * way back to the results. {@code links} as for {@link renderRecord}.
 */
export async function showSearch(body, text, api, links) {
  ensureStyle();
  const again = () => showSearch(body, text, api, links);
  const [page, catalogue] = await Promise.all([
    get('/incidents?size=50&q=' + encodeURIComponent(text.trim())).catch(e => ({error: e})), labels()]);
  if (page.error) {
    body.replaceChildren(h('div', {class: 'ifw-error'}, page.error.message));
    return;
  }
  body.replaceChildren(...incidentTable(page, catalogue, number => {
    body.replaceChildren(h('a', {href: '#', onclick: e => { e.preventDefault(); again(); }},
      '← back to the results'), h('div', {}, 'Loading…'));
    renderRecord(body.lastChild, number, api, links);
  }, {callers: true}));
}

/**
 * A page of incidents ({items, total}), newest first, as a line that counts them and a table; a click on
 * a row calls {@code open(incidentNumber)}. {@code callers}: whether the page has the callers' names (the
 * search has, a figure's list has not); {@code more}: where the incidents not shown are.
 */
export function incidentTable(page, catalogue, open, {callers, more} = {}) {
  ensureStyle();
  const columns = [['Number', i => i.incidentNumber], ['Status', i => label(catalogue, 'status', i.status)],
    ['Priority', i => label(catalogue, 'priority', i.priority)], ['Short description', i => i.shortDescription],
    callers ? ['Caller', i => i.callerName || ''] : null,
    ['Group', i => label(catalogue, 'assignmentGroup', i.assignmentGroup)], ['Reported', i => when(i.reportedAt)]]
    .filter(Boolean);
  return [
    h('p', {class: 'text-muted'}, page.total + ' incident' + (page.total === 1 ? '' : 's')
      + (page.total > page.items.length ? ', the newest ' + page.items.length + ' shown' + (more || '') : '')),
    h('table', {class: 'table table-hover ifw-results'},
      h('thead', {}, h('tr', {}, columns.map(([name]) => h('th', {}, name)))),
      h('tbody', {}, page.items.map(item => h('tr', {'data-incident': item.incidentNumber,
        onclick: () => open(item.incidentNumber)}, columns.map(([, value]) => h('td', {}, value(item)))))))];
}
