// Incident Flow in Cockpit: two plugins on Camunda's own plugin points.
//  - cockpit.dashboard "Incidents": the service's health for a period and filters the manager picks (open
//    backlog by group and priority and its age, incidents at risk of breaching, times to acknowledge and to
//    resolve, SLA compliance against the KpiTargets decision, first-contact and reopen rates, volume by
//    channel, service and category, the daily trend), each figure and the incidents behind it as CSV, and
//    "Find incident": any incident, open or closed, with its record;
//  - cockpit.processDefinition.diagram.plugin: on IncidentManagementProcess, at each user task, how many
//    incidents wait there now and for how long on average.
// The figures come from the application's API (/api/dashboard/*), called with the Cockpit login's session;
// it answers 403 to anybody but incident-managers, managers and administrators, and then both plugins show
// nothing. Charts are SVG drawn here: Cockpit loads nothing from elsewhere.

import {addStyle, duration, get, h, incidentTable, label, labels, renderRecord, showSearch, when}
  from '../../../incident-flow/incident-record.js';

const PERIODS = [['today', 'Today'], ['7d', '7 days'], ['30d', '30 days'], ['custom', 'Custom']];
const PRIORITIES = [1, 2, 3, 4, 5];
const FILTERS = [['group', 'assignmentGroup', 'All groups'], ['priority', 'priority', 'All priorities'],
  ['service', 'affectedService', 'All services'], ['channel', 'channel', 'All channels']];
const AGE_LABELS = {'0-1d': '0–1 d', '1-3d': '1–3 d', '3-7d': '3–7 d', '7d+': 'over 7 d'};
const RISK_LABELS = {'50-75': '50–75 % used', '75-90': '75–90 % used', '90-100': 'over 90 % used', breached: 'Breached'};
const RISK_CLASSES = {'50-75': 'ifd-risk-low', '75-90': 'ifd-risk-mid', '90-100': 'ifd-risk-high', breached: 'ifd-risk-late'};
const BLUE = '#3c6eb4';
const GREEN = '#5cb85c';

const STYLE = `
.ifd { padding: 0 15px 20px; }
.ifd h2 { font-size: 22px; margin: 10px 0 12px; }
.ifd-controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 6px; }
.ifd-controls select, .ifd-controls input { width: auto; display: inline-block; }
.ifd-controls .ifd-find-form { margin-left: auto; display: flex; gap: 6px; }
.ifd-controls .ifd-find-form input { width: 240px; }
.ifd-period { color: #666; margin-bottom: 12px; }
.ifd-grid { display: flex; flex-wrap: wrap; gap: 15px; }
.ifd-grid > .ifd-column { flex: 1 1 520px; display: flex; flex-direction: column; gap: 15px; min-width: 0; }
.ifd-grid > .ifd-card { flex: 1 1 100%; }
.ifd-card { border: 1px solid #ddd; border-radius: 3px; background: #fff; padding: 10px 14px 14px; min-width: 0; }
.ifd-head { display: flex; align-items: baseline; gap: 8px; border-bottom: 1px solid #eee;
  margin-bottom: 10px; padding-bottom: 6px; }
.ifd-head h3 { font-size: 16px; margin: 0; flex: 1; }
.ifd-head .ifd-note { color: #888; font-size: 12px; }
.ifd-chart { max-height: 180px; }
.ifd-trend { display: block; }
.ifd-card h4 { font-size: 13px; font-weight: bold; margin: 12px 0 6px; }
.ifd-heat td, .ifd-heat th { text-align: center; }
.ifd-heat th:first-child, .ifd-heat td:first-child { text-align: left; }
.ifd-heat td.ifd-cell { cursor: pointer; font-weight: bold; }
.ifd-heat td.ifd-cell:hover, .ifd-clickable:hover { outline: 2px solid ${BLUE}; }
.ifd-clickable { cursor: pointer; }
.ifd-total { font-size: 28px; font-weight: bold; line-height: 1; }
.ifd-risk { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; }
.ifd-risk > div { border-top: 4px solid #ccc; padding-top: 4px; min-width: 0; }
.ifd-risk .ifd-count { font-size: 24px; font-weight: bold; }
.ifd-risk ul { list-style: none; padding: 0; margin: 4px 0 0; font-size: 12px; }
.ifd-risk li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ifd-risk-low { border-color: #f0d54e !important; }
.ifd-risk-mid { border-color: #f0ad4e !important; }
.ifd-risk-high { border-color: #e8743b !important; }
.ifd-risk-late { border-color: #d9534f !important; }
.ifd-sla td.ifd-on { color: #2b7a2b; background: #dff0d8; }
.ifd-sla td.ifd-off { color: #a94442; background: #f2dede; }
.ifd-sla td { white-space: nowrap; }
.ifd-tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; }
.ifd-tile { border: 1px solid #eee; border-radius: 3px; padding: 8px; }
.ifd-tile .ifd-value { font-size: 24px; font-weight: bold; }
.ifd-tile .ifd-name { color: #666; font-size: 12px; }
.ifd-columns { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
.ifd svg text { font-size: 11px; fill: #333; }
.ifd svg .ifd-axis { stroke: #ccc; }
.ifd-legend span { display: inline-block; margin-right: 12px; font-size: 12px; }
.ifd-legend i { display: inline-block; width: 12px; height: 3px; vertical-align: middle; margin-right: 4px; }
.ifd-panel { border: 1px solid #bbb; border-radius: 3px; background: #fff; margin-bottom: 15px; }
.ifd-panel .ifd-head { margin: 0; padding: 8px 14px; background: #f5f5f5;
  border-bottom: 1px solid #ddd; }
.ifd-panel .ifd-panel-body { padding: 8px 14px; }
.ifd-step { background: ${BLUE}; color: #fff; border-radius: 3px; padding: 1px 6px; font-size: 11px; line-height: 1.3;
  white-space: nowrap; box-shadow: 0 1px 2px rgba(0, 0, 0, .3); transform: translateY(-100%); }
.ifd-step strong { display: block; }
`;

// ---- small helpers ----------------------------------------------------------------------------------------

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element: like {@code h}, in the SVG namespace (charts). */
function s(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'onclick') {
      element.addEventListener('click', value);
    } else if (value !== null && value !== undefined) {
      element.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => element.appendChild(
    child instanceof Node ? child : document.createTextNode(String(child))));
  return element;
}

/** The query string of the period and filters, plus {@code extra} (a figure's own parameters). */
function query(state, extra) {
  const params = new URLSearchParams();
  params.set('period', state.period);
  if (state.period === 'custom') {
    params.set('from', state.from);
    params.set('to', state.to);
  }
  FILTERS.forEach(([name]) => {
    if (state[name]) {
      params.set(name, state[name]);
    }
  });
  Object.entries(extra || {}).forEach(([name, value]) => params.set(name, value));
  return params.toString();
}

function csvLink(path, title) {
  return h('a', {class: 'btn btn-default btn-xs', href: '/api/dashboard/' + path, download: '',
    title: title || 'Download as CSV', 'data-csv': path.split('?')[0]},
  h('span', {class: 'glyphicon glyphicon-download-alt'}), ' CSV');
}

function card(id, title, note, csv, ...content) {
  return h('div', {class: 'ifd-card', 'data-figure': id},
    h('div', {class: 'ifd-head'}, h('h3', {}, title), note ? h('span', {class: 'ifd-note'}, note) : null, csv), content);
}

function percent(value) {
  return value === null || value === undefined ? '—' : (Math.round(value * 10) / 10) + ' %';
}

/** A duration as people read it: "< 1 min", "25 min", "2 h", "3 h 20 min", "1 d 4 h". */
function seconds(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  return value < 60 ? '< 1 min' : duration(value).replace(/ 0 (min|h)$/, '');
}

function priorityName(catalogue, priority) {
  return label(catalogue, 'priority', priority);
}

// ---- charts -------------------------------------------------------------------------------------------------

/** One bar: its value and name beside it, the whole name and value as tooltip; a click calls {@code open(item)}. */
function barGroup(item, open, bar, valueAt, nameAt, name) {
  return s('g', {class: 'ifd-clickable', 'data-bar': item.key, onclick: () => open(item)},
    s('title', {}, item.label + ': ' + item.value),
    s('rect', Object.assign({fill: BLUE, rx: 2}, bar)),
    s('text', Object.assign({class: 'ifd-bar-value'}, valueAt), item.value),
    s('text', nameAt, name));
}

/** Vertical bars, one per item, its value above it; a click on a bar calls {@code open(item)}. */
function columnChart(items, open) {
  const width = 480;
  const height = 170;
  const top = 18;
  const bottom = 22;
  const max = Math.max(1, ...items.map(i => i.value));
  const slot = width / Math.max(1, items.length);
  const bar = Math.min(70, slot * 0.6);
  return s('svg', {class: 'ifd-chart', viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img'},
    s('line', {class: 'ifd-axis', x1: 0, x2: width, y1: height - bottom, y2: height - bottom}),
    items.map((item, index) => {
      const barHeight = (height - top - bottom) * item.value / max;
      const x = index * slot + (slot - bar) / 2;
      const y = height - bottom - barHeight;
      return barGroup(item, open, {x, y, width: bar, height: Math.max(barHeight, 1)},
        {x: x + bar / 2, y: y - 4, 'text-anchor': 'middle', 'font-weight': 'bold'},
        {x: x + bar / 2, y: height - 6, 'text-anchor': 'middle'}, item.label);
    }));
}

/** Horizontal bars with their names at the left; a click on a bar calls {@code open(item)}. */
function barList(items, open) {
  if (!items.length) {
    return h('p', {class: 'text-muted'}, 'None in this period.');
  }
  const width = 380;
  const row = 20;
  const name = 135;
  const max = Math.max(1, ...items.map(i => i.value));
  const chart = {class: 'ifd-bars', viewBox: `0 0 ${width} ${items.length * row}`, width, style: 'max-width: 100%'};
  return s('svg', chart,
    items.map((item, index) => {
      const y = index * row;
      const length = (width - name - 34) * item.value / max;
      return barGroup(item, open, {x: name, y: y + 4, width: Math.max(length, 1), height: row - 8},
        {x: name + length + 4, y: y + 14}, {x: 0, y: y + 14},
        item.label.length > 20 ? item.label.substring(0, 19) + '…' : item.label);
    }));
}

/** Reported and resolved per day as two lines; a click on a day lists the incidents reported that day. */
function trendChart(trend, open) {
  if (!trend.length) {
    return h('p', {class: 'text-muted'}, 'No days in this period.');
  }
  const width = 1000;
  const height = 160;
  const left = 30;
  const bottom = 22;
  const top = 12;
  const max = Math.max(1, ...trend.map(d => Math.max(d.reported, d.resolved)));
  // Room at the right for the last day's name, centred under its point.
  const step = trend.length > 1 ? (width - left - 50) / (trend.length - 1) : 0;
  const x = index => left + 10 + index * step;
  const y = value => height - bottom - (height - top - bottom) * value / max;
  const line = (key, color) => s('polyline', {fill: 'none', stroke: color, 'stroke-width': 2,
    points: trend.map((d, i) => x(i) + ',' + y(d[key])).join(' ')});
  const labelEvery = Math.ceil(trend.length / 12);
  return [h('div', {class: 'ifd-legend'}, h('span', {}, h('i', {style: 'background:' + BLUE}), 'Reported'),
    h('span', {}, h('i', {style: 'background:' + GREEN}), 'Resolved')),
  s('svg', {class: 'ifd-trend', viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img'},
    s('line', {class: 'ifd-axis', x1: left, x2: width, y1: height - bottom, y2: height - bottom}),
    s('text', {x: 0, y: top + 4}, max), s('text', {x: 0, y: height - bottom}, 0),
    line('reported', BLUE), line('resolved', GREEN),
    trend.map((d, i) => s('g', {class: 'ifd-clickable', 'data-day': d.day, onclick: () => open(d)},
      s('title', {}, d.day + ': ' + d.reported + ' reported, ' + d.resolved + ' resolved'),
      s('circle', {cx: x(i), cy: y(d.reported), r: 4, fill: BLUE}),
      s('circle', {cx: x(i), cy: y(d.resolved), r: 3, fill: GREEN}),
      i % labelEvery === 0 ? s('text', {x: x(i), y: height - 6, 'text-anchor': 'middle'}, d.day.substring(5)) : null)))];
}

// ---- the figures --------------------------------------------------------------------------------------------

function backlogCard(backlog, catalogue, state, show) {
  const groups = [...new Set(backlog.cells.map(c => c.group))].sort();
  const count = (group, priority) => {
    const cell = backlog.cells.find(c => c.group === group && c.priority === priority);
    return cell ? cell.count : 0;
  };
  const max = Math.max(1, ...backlog.cells.map(c => c.count));
  const cell = (group, priority) => {
    const n = count(group, priority);
    const shade = n ? 0.15 + 0.65 * n / max : 0;
    return h('td', {class: n ? 'ifd-cell' : 'text-muted', 'data-group': group, 'data-priority': priority,
      style: n ? `background: rgba(217, 83, 79, ${shade.toFixed(2)}); color: ${shade > 0.5 ? '#fff' : '#333'}` : null,
      onclick: n ? () => show('backlog', {group, priority},
        'Open: ' + label(catalogue, 'assignmentGroup', group) + ', ' + priorityName(catalogue, priority)) : null},
    n || '·');
  };
  return card('backlog', 'Open backlog', 'open now, whatever the period', csvLink('backlog.csv?' + query(state)),
    h('div', {class: 'ifd-clickable', onclick: () => show('backlog', {}, 'Open incidents')},
      h('span', {class: 'ifd-total', 'data-total': ''}, backlog.total), ' open incidents'),
    groups.length ? h('table', {class: 'table table-condensed ifd-heat'},
      h('thead', {}, h('tr', {}, h('th', {}, 'Group'), PRIORITIES.map(p => h('th', {}, 'P' + p)))),
      h('tbody', {}, groups.map(group => h('tr', {},
        h('td', {}, label(catalogue, 'assignmentGroup', group)), PRIORITIES.map(p => cell(group, p))))))
      : h('p', {class: 'text-muted'}, 'Nothing open.'),
    h('h4', {}, 'Age of the open incidents'),
    columnChart(backlog.ages.map(a => ({key: a.bucket, label: AGE_LABELS[a.bucket] || a.bucket, value: a.count})),
      item => show('backlog', {age: item.key}, 'Open for ' + item.label)));
}

function atRiskCard(atRisk, catalogue, state, show, open) {
  return card('at-risk', 'At risk now', 'share of the resolution time used', csvLink('at-risk.csv?' + query(state)),
    h('div', {class: 'ifd-risk'}, atRisk.buckets.map(bucket => h('div', {class: RISK_CLASSES[bucket.bucket],
      'data-bucket': bucket.bucket},
    h('div', {class: 'ifd-clickable', onclick: () => show('at-risk', {bucket: bucket.bucket},
      'At risk: ' + RISK_LABELS[bucket.bucket])},
    h('div', {class: 'ifd-count'}, bucket.count), h('div', {class: 'text-muted'}, RISK_LABELS[bucket.bucket])),
    h('ul', {}, bucket.incidents.map(incident => h('li', {},
      h('a', {href: '#', 'data-incident': incident.incidentNumber,
        title: incident.shortDescription + ' · due ' + when(incident.resolutionDue),
        onclick: e => { e.preventDefault(); open(incident.incidentNumber); }}, incident.incidentNumber),
      ' P' + incident.priority + ' ' + label(catalogue, 'assignmentGroup', incident.assignmentGroup))))))));
}

function timesCard(times, catalogue, state, show) {
  const listLink = (figure, title, text) => h('a', {href: '#', 'data-list-link': figure,
    onclick: e => { e.preventDefault(); show(figure, {}, title); }}, text);
  const cells = figures => ['acknowledge', 'resolve'].map(kind => {
    const f = figures[kind] || {};
    return [h('td', {}, seconds(f.meanSeconds)), h('td', {}, seconds(f.p90Seconds)),
      h('td', {class: 'text-muted'}, f.count || 0)];
  });
  const head = first => h('thead', {},
    h('tr', {}, h('th', {rowspan: 2}, first), h('th', {colspan: 3}, 'Time to acknowledge'),
      h('th', {colspan: 3}, 'Time to resolve')),
    h('tr', {}, ['mean', '90 %', 'count', 'mean', '90 %', 'count'].map(c => h('th', {}, c))));
  const overall = times.overall || {};
  return card('times', 'Time to acknowledge and to resolve', 'working time in the SLA calendar, on hold excluded',
    csvLink('times.csv?' + query(state)),
    h('table', {class: 'table table-condensed ifd-times', 'data-by': 'priority'}, head('Priority'),
      h('tbody', {}, times.byPriority.map(row => h('tr', {'data-priority': row.priority},
        h('td', {}, priorityName(catalogue, row.priority)), cells(row))),
      h('tr', {'data-overall': ''}, h('th', {}, 'All'), cells(overall)))),
    times.byGroup.length === 0 ? null
      : h('table', {class: 'table table-condensed ifd-times', 'data-by': 'group'}, head('Group'),
        h('tbody', {}, times.byGroup.map(row => h('tr', {'data-group': row.group},
          h('td', {}, label(catalogue, 'assignmentGroup', row.group)), cells(row))))),
    h('p', {}, 'List the incidents ', listLink('acknowledged', 'Acknowledged in the period', 'acknowledged'), ' or ',
      listLink('resolved', 'Resolved in the period', 'resolved'), ' in the period'));
}

function slaCard(sla, catalogue, state, show) {
  const outcome = (o, breachFigure, what) => {
    if (!o || !o.count) {
      return h('td', {class: 'text-muted'}, '—');
    }
    // Without a target (the overall row: targets are per priority and group) the share stands uncoloured.
    const standing = o.onTarget === null || o.onTarget === undefined ? '' : o.onTarget ? 'ifd-on' : 'ifd-off';
    return h('td', {class: 'ifd-clickable ' + standing, 'data-on-target': String(o.onTarget),
      title: o.met + ' of ' + o.count + ' met' + (o.target === null ? '' : '; target ' + percent(o.target))
        + '. Click: the breached ones.',
      onclick: () => show(breachFigure.figure, breachFigure.params, what)},
    percent(o.percent), o.target === null ? null : h('small', {}, ' / ' + percent(o.target)));
  };
  const row = (cell, name, params) => h('tr', {'data-group': cell.group || '', 'data-priority': cell.priority || ''},
    h('td', {}, name),
    outcome(cell.response, {figure: 'response-breached', params}, 'Response breached: ' + name),
    h('td', {class: 'text-muted'}, cell.response ? cell.response.met + '/' + cell.response.count : ''),
    outcome(cell.resolution, {figure: 'resolution-breached', params}, 'Resolution breached: ' + name),
    h('td', {class: 'text-muted'}, cell.resolution ? cell.resolution.met + '/' + cell.resolution.count : ''));
  const cells = sla.cells.slice().sort((a, b) => a.group.localeCompare(b.group) || a.priority - b.priority);
  return card('sla', 'SLA compliance', 'met / target, green on target (targets: KpiTargets decision)',
    csvLink('sla.csv?' + query(state)),
    h('table', {class: 'table table-condensed ifd-sla'},
      h('thead', {}, h('tr', {}, ['Group, priority', 'Response', '', 'Resolution', ''].map(c => h('th', {}, c)))),
      h('tbody', {}, cells.map(cell => row(cell, label(catalogue, 'assignmentGroup', cell.group) + ', P' + cell.priority,
        {group: cell.group, priority: cell.priority})),
      sla.overall ? row(sla.overall, 'All', {}) : null)));
}

function qualityCard(quality, state, show) {
  const tile = (name, value, figure, what) => h('div', {class: 'ifd-tile' + (figure ? ' ifd-clickable' : ''),
    'data-tile': name, onclick: figure ? () => show(figure, {}, what) : null},
  h('div', {class: 'ifd-value'}, value), h('div', {class: 'ifd-name'}, name));
  return card('quality', 'Quality of the resolutions', 'incidents resolved in the period',
    csvLink('quality.csv?' + query(state)),
    h('div', {class: 'ifd-tiles'},
      tile('Resolved', quality.resolved, 'resolved', 'Resolved in the period'),
      tile('First-contact resolution', percent(quality.firstContactRate), 'first-contact', 'Resolved at first contact'),
      tile('Reopened', percent(quality.reopenRate), 'reopened', 'Reopened'),
      tile('Mean reassignments', quality.meanReassignments === null || quality.meanReassignments === undefined
        ? '—' : (Math.round(quality.meanReassignments * 100) / 100).toString())));
}

function volumeCard(volume, catalogue, state, show) {
  const reported = (params, what) => show('reported', params, 'Reported: ' + what);
  // Each entry is {value, count}; a click lists the incidents reported with that value of the filter {@code key}.
  const bars = (items, field, key) => barList(items.map(i => ({key: i.value, label: label(catalogue, field, i.value),
    value: i.count})), item => reported({[key]: item.key}, item.label));
  return card('volume', 'Volume', 'incidents reported in the period', csvLink('volume.csv?' + query(state)),
    h('div', {class: 'ifd-clickable', onclick: () => reported({}, 'all')},
      h('span', {class: 'ifd-total', 'data-reported': ''}, volume.reported), ' reported'),
    h('div', {class: 'ifd-columns'},
      h('div', {}, h('h4', {}, 'Per channel'), bars(volume.channels, 'channel', 'channel')),
      h('div', {}, h('h4', {}, 'Top services'), bars(volume.services, 'affectedService', 'service')),
      h('div', {}, h('h4', {}, 'Top categories'), bars(volume.categories, 'category', 'category'))));
}

function problemsCard(problems, catalogue, state, show) {
  const linkedShare = problems.reported ? percent(problems.linked * 100 / problems.reported) : '—';
  return card('problems', 'Problems behind the incidents', 'incidents reported in the period',
    csvLink('problems.csv?' + query(state)),
    h('div', {class: 'ifd-tiles'},
      h('div', {class: 'ifd-tile', 'data-tile': 'Linked to a problem'},
        h('div', {class: 'ifd-value'}, String(problems.linked)), h('div', {class: 'ifd-name'}, 'Linked to a problem')),
      h('div', {class: 'ifd-tile', 'data-tile': 'Share linked'},
        h('div', {class: 'ifd-value'}, linkedShare), h('div', {class: 'ifd-name'}, 'Share linked'))),
    h('h4', {}, 'Recurring services'),
    problems.recurring.length === 0 ? h('p', {class: 'text-muted'}, 'No service and category recurred.')
      : h('table', {class: 'table table-condensed ifd-recurring'},
        h('thead', {}, h('tr', {}, ['Service', 'Category', 'Incidents', 'Linked', 'Open problem']
          .map(c => h('th', {}, c)))),
        h('tbody', {}, problems.recurring.map(r => h('tr', {class: 'ifd-clickable', 'data-service': r.service,
          onclick: () => show('reported', {service: r.service, category: r.category},
            'Reported: ' + label(catalogue, 'affectedService', r.service) + ', '
              + label(catalogue, 'category', r.category))},
        h('td', {}, label(catalogue, 'affectedService', r.service)), h('td', {}, label(catalogue, 'category', r.category)),
        h('td', {}, String(r.incidents)), h('td', {}, String(r.linked)), h('td', {}, r.openProblem ? 'yes' : 'no'))))));
}

function trendCard(volume, state, show) {
  return card('trend', 'Reported and resolved per day', null, csvLink('volume.csv?' + query(state)),
    trendChart(volume.trend, day => show('reported', {day: day.day}, 'Reported on ' + day.day)));
}

// ---- the incident list behind a figure, and the record ------------------------------------------------------

function incidentList(panel, state, catalogue, figure, params, title, open) {
  const parameters = query(state, Object.assign({figure}, params));
  const body = h('div', {class: 'ifd-panel-body'}, 'Loading…');
  panel.replaceChildren(h('div', {class: 'ifd-panel', 'data-list': figure},
    h('div', {class: 'ifd-head'}, h('h3', {}, title), csvLink('incidents.csv?' + parameters, 'All of these incidents as CSV'),
      h('button', {class: 'btn btn-default btn-xs', onclick: () => panel.replaceChildren()}, 'Close')),
    body));
  panel.scrollIntoView({behavior: 'smooth', block: 'start'});
  get('/dashboard/incidents?size=100&' + parameters)
    .then(page => body.replaceChildren(...incidentTable(page, catalogue, open, {more: ' (all in the CSV)'})))
    .catch(e => body.replaceChildren(h('div', {class: 'ifw-error'}, e.message)));
}

/** The link from a running incident's record to its process instance in Cockpit. */
function cockpitLink(api) {
  return incident => {
    if (['CLOSED', 'CANCELED'].includes(incident.status)) {
      return null;
    }
    const holder = h('span', {class: 'ifd-instance'});
    fetch(api.engineApi + '/process-instance?processDefinitionKey=IncidentManagementProcess&businessKey='
      + encodeURIComponent(incident.incidentNumber), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(response => (response.ok ? response.json() : []))
      .then(instances => {
        if (instances.length) {
          holder.replaceChildren(' · ', h('a', {href: '#/process-instance/' + instances[0].id + '/runtime',
            'data-process-instance': instances[0].id}, 'Process instance in Cockpit'));
        }
      });
    return holder;
  };
}

function findPanel(panel, text, api) {
  const body = h('div', {class: 'ifd-panel-body'}, 'Searching…');
  panel.replaceChildren(h('div', {class: 'ifd-panel', 'data-find': ''},
    h('div', {class: 'ifd-head'}, h('h3', {}, 'Find incident: ' + (text.trim() || 'the newest')),
      h('button', {class: 'btn btn-default btn-xs', onclick: () => panel.replaceChildren()}, 'Close')),
    body));
  panel.scrollIntoView({behavior: 'smooth', block: 'start'});
  showSearch(body, text, api, cockpitLink(api));
}

function recordPanel(panel, number, api) {
  const body = h('div', {class: 'ifd-panel-body'}, 'Loading…');
  panel.replaceChildren(h('div', {class: 'ifd-panel', 'data-record': number},
    h('div', {class: 'ifd-head'}, h('h3', {}, 'Incident ' + number),
      h('button', {class: 'btn btn-default btn-xs', onclick: () => panel.replaceChildren()}, 'Close')),
    body));
  panel.scrollIntoView({behavior: 'smooth', block: 'start'});
  renderRecord(body, number, api, cockpitLink(api));
}

// ---- the dashboard ------------------------------------------------------------------------------------------

function controls(state, catalogue, reload, find) {
  const select = (name, options, value) => h('select', {class: 'form-control input-sm', name: 'ifd-' + name,
    onchange: e => { state[name] = e.target.value; reload(); }},
  options.map(([v, text]) => {
    const option = h('option', {value: v}, text);
    option.selected = String(v) === String(value);
    return option;
  }));
  const date = name => h('input', {class: 'form-control input-sm', type: 'date', name: 'ifd-' + name, value: state[name],
    onchange: e => { state[name] = e.target.value; if (state.from && state.to) { reload(); } }});
  const text = h('input', {class: 'form-control input-sm', type: 'search', name: 'ifd-query', maxlength: '254',
    placeholder: 'Find incident: number, caller, text'});
  return h('div', {class: 'ifd-controls'},
    select('period', PERIODS, state.period),
    state.period === 'custom' ? [date('from'), '–', date('to')] : null,
    FILTERS.map(([name, field, all]) => select(name, [['', all]].concat(name === 'priority'
      ? PRIORITIES.map(p => [p, priorityName(catalogue, p)])
      : Object.entries(catalogue[field] || {})), state[name])),
    h('form', {class: 'ifd-find-form', onsubmit: e => { e.preventDefault(); find(text.value); }}, text,
      h('button', {class: 'btn btn-primary btn-sm', type: 'submit', name: 'ifd-find'},
        h('span', {class: 'glyphicon glyphicon-search'}), ' Find')));
}

function periodLine(period) {
  if (!period) {
    return '';
  }
  const day = iso => new Date(iso).toLocaleDateString(undefined, {day: 'numeric', month: 'short', year: 'numeric',
    timeZone: period.zone});
  return day(period.from) + ' – ' + day(new Date(new Date(period.to).getTime() - 1).toISOString())
    + ' (' + period.zone + ')';
}

/** Hides the dashboard, and Cockpit's "Custom Plugins" section when it holds nothing else. */
function hide(node) {
  node.replaceChildren();
  const view = node.closest('.deprecate-dashboard-view');
  const section = node.closest('section');
  if (view) {
    view.style.display = 'none';
  }
  if (section && [...section.querySelectorAll('.deprecate-dashboard-view')].every(v => v.style.display === 'none')) {
    section.style.display = 'none';
  }
}

/**
 * Puts Cockpit's "Custom Plugins" section, which holds the dashboard, first on Cockpit's dashboard: a manager
 * opens Cockpit for the incidents, not for the engine's counts.
 */
function moveToTop(node) {
  const section = node.closest('section');
  if (section && section.parentNode.firstElementChild !== section) {
    section.parentNode.insertBefore(section, section.parentNode.firstElementChild);
  }
}

function renderDashboard(node, api) {
  addStyle('ifd-style', STYLE);
  const today = new Date().toISOString().substring(0, 10);
  const state = {period: '7d', from: today, to: today, group: '', priority: '', service: '', channel: ''};
  const root = h('div', {class: 'ifd col-xs-12'});
  node.replaceChildren(root);
  let generation = 0;
  const load = async () => {
    const mine = ++generation;
    const q = query(state);
    const [catalogue, ...figures] = await Promise.all([labels(),
      ...['backlog', 'at-risk', 'times', 'sla', 'quality', 'volume', 'problems'].map(f => get('/dashboard/' + f + '?' + q)
        .catch(e => ({error: e})))]);
    if (mine !== generation) {
      return;
    }
    const refused = figures.find(f => f.error && (f.error.status === 403 || f.error.status === 401));
    if (refused) {
      hide(node);
      return;
    }
    moveToTop(node);
    const [backlog, atRisk, times, sla, quality, volume, problems] = figures;
    const panel = h('div', {class: 'ifd-panel-holder'});
    const open = number => recordPanel(panel, number, api);
    const show = (figure, params, title) => incidentList(panel, state, catalogue, figure, params, title, open);
    const failed = figures.find(f => f.error);
    const safely = (figure, draw) => (figure.error
      ? card('error', 'Not available', null, null, h('p', {class: 'ifw-error'}, figure.error.message)) : draw());
    root.replaceChildren(
      h('h2', {}, 'Incidents'),
      controls(state, catalogue, load, text => findPanel(panel, text, api)),
      h('div', {class: 'ifd-period', 'data-period': ''},
        failed ? '' : periodLine((volume.period || times.period)), ' · click a figure for its incidents'),
      panel,
      h('div', {class: 'ifd-grid'},
        h('div', {class: 'ifd-column'},
          safely(backlog, () => backlogCard(backlog, catalogue, state, show)),
          safely(sla, () => slaCard(sla, catalogue, state, show))),
        h('div', {class: 'ifd-column'},
          safely(atRisk, () => atRiskCard(atRisk, catalogue, state, show, open)),
          safely(quality, () => qualityCard(quality, state, show)),
          safely(times, () => timesCard(times, catalogue, state, show))),
        safely(volume, () => volumeCard(volume, catalogue, state, show)),
        safely(volume, () => trendCard(volume, state, show)),
        safely(problems, () => problemsCard(problems, catalogue, state, show))));
    // Says which period and filters the figures on the screen are for (a test waits for it).
    root.setAttribute('data-loaded', q);
  };
  root.replaceChildren(h('p', {class: 'text-muted'}, 'Loading the incident figures…'));
  load();
}

const incidentDashboard = {
  id: 'incident-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  properties: {label: 'Incidents'},
  render: (node, {api}) => renderDashboard(node, api)
};

// ---- the diagram overlay --------------------------------------------------------------------------------------

const waitingAtSteps = {
  id: 'incident-waiting-at-steps',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 100,
  render: (viewer, {processDefinitionId}) => {
    if (!String(processDefinitionId || '').startsWith('IncidentManagementProcess:')) {
      return;
    }
    addStyle('ifd-style', STYLE);
    const overlays = viewer.get('overlays');
    const elements = viewer.get('elementRegistry');
    get('/dashboard/steps').then(answer => answer.steps
      .filter(step => step.waiting > 0 && elements.get(step.activityId))
      .forEach(step => overlays.add(step.activityId, 'incident-waiting', {
        // Just above the task (the badge moves itself up by its own height, whatever the zoom).
        position: {top: -3, left: 0},
        // Readable however far Cockpit zooms out to fit the whole process.
        scale: {min: 0.8},
        html: h('div', {class: 'ifd-step', 'data-step': step.activityId,
          title: step.waiting + ' incident' + (step.waiting === 1 ? '' : 's') + ' wait here now, on average for '
            + seconds(step.meanWaitSeconds)},
        h('strong', {}, step.waiting + ' waiting'), '⌀ ' + seconds(step.meanWaitSeconds))
      })))
      .catch(() => {
        // 403 for whoever may not read the figures: the diagram stays as Cockpit draws it.
      });
  }
};

export default [incidentDashboard, waitingAtSteps];
