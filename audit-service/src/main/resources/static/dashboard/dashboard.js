// Steward audit dashboard: plain JavaScript against the audit service's own API, no libraries.
// The token is kept in sessionStorage (this tab only) and sent in the Authorization header; never in a URL.
'use strict';

(function () {
  const API = '/v1.0/auditLogs/directoryAudits';
  const TOKEN_KEY = 'steward.audit.token';
  const SVG = 'http://www.w3.org/2000/svg';
  const SWITCH = 'Change Source of Authority from AD to cloud';
  const ROLLBACK = 'Undo changes to Source of Authority from AD to cloud';
  const RECENT_TOP = 50;
  const SOA_PAGES = 10;
  const PALETTE = ['#1f5fbf', '#d9480f', '#2b8a3e', '#862e9c', '#e67700', '#0b7285', '#c2255c', '#5c940d',
    '#364fc7', '#a61e4d', '#087f5b', '#495057', '#9c36b5', '#e8590c', '#1864ab'];

  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem(TOKEN_KEY);
  let stream = null;
  let refreshTimer = null;
  let freshIds = new Set();

  // ---- API -------------------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(url) {
    const response = await fetch(url, {headers: {Authorization: 'Bearer ' + token, Accept: 'application/json'}});
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try {
        message = (await response.json()).error.message;
      } catch (ignored) {
        // not a Graph error body: keep the status line
      }
      throw new ApiError(response.status, message);
    }
    return response.json();
  }

  function query(options) {
    return Object.entries(options)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([name, value]) => name + '=' + encodeURIComponent(value))
      .join('&');
  }

  function literal(text) {
    return "'" + text.replace(/'/g, "''") + "'";
  }

  // ---- filters ---------------------------------------------------------------------------------------------------

  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  function localToIso(value) {
    return value ? new Date(value).toISOString() : '';
  }

  /** The filter form as $filter conditions (without the time range when withTime is false). */
  function conditions(withTime) {
    const parts = [];
    const activity = $('filter-activity').value.trim();
    const target = $('filter-target').value.trim();
    const initiator = $('filter-initiator').value.trim();
    if (activity) {
      parts.push('activityDisplayName eq ' + literal(activity));
    }
    if (target) {
      parts.push(GUID.test(target)
        ? 'targetResources/any(t: t/id eq ' + literal(target) + ')'
        : 'targetResources/any(t: startswith(t/displayName, ' + literal(target) + '))');
    }
    if (initiator) {
      parts.push('startswith(initiatedBy/user/userPrincipalName, ' + literal(initiator) + ')');
    }
    if (withTime) {
      const from = localToIso($('filter-from').value);
      const to = localToIso($('filter-to').value);
      if (from) {
        parts.push('activityDateTime ge ' + from);
      }
      if (to) {
        parts.push('activityDateTime le ' + to);
      }
    }
    return parts;
  }

  /** The chart's hours: the filter's range, else the last 24 hours, whole hours in UTC. */
  function chartRange() {
    const hour = 3600 * 1000;
    const to = $('filter-to').value ? new Date($('filter-to').value).getTime() : Date.now();
    const from = $('filter-from').value ? new Date($('filter-from').value).getTime() : to - 23 * hour;
    const first = Math.floor(from / hour) * hour;
    const last = Math.floor(to / hour) * hour;
    return {first: first, hours: Math.max(1, Math.min(14 * 24, Math.round((last - first) / hour) + 1))};
  }

  // ---- recent activity -------------------------------------------------------------------------------------------

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
  }

  function initiatorOf(entry) {
    const by = entry.initiatedBy || {};
    if (by.user && (by.user.userPrincipalName || by.user.displayName)) {
      return by.user.userPrincipalName || by.user.displayName;
    }
    if (by.app && (by.app.displayName || by.app.appId)) {
      return by.app.displayName || by.app.appId;
    }
    return '';
  }

  function targetsOf(entry) {
    return (entry.targetResources || []).map((t) => t.displayName || t.userPrincipalName || t.id).join(', ');
  }

  async function loadRecent() {
    const filter = conditions(true).join(' and ');
    const page = await api(API + '?' + query({'$filter': filter, '$top': RECENT_TOP}));
    const body = $('recent').querySelector('tbody');
    body.replaceChildren();
    for (const entry of page.value) {
      const row = document.createElement('tr');
      row.dataset.id = entry.id;
      if (freshIds.has(entry.id)) {
        row.className = 'fresh';
      }
      cell(row, entry.activityDateTime.replace('T', ' ').replace('Z', ''));
      cell(row, entry.activityDisplayName);
      cell(row, entry.result + (entry.resultReason ? ': ' + entry.resultReason : ''),
        entry.result === 'success' ? '' : 'failure');
      cell(row, initiatorOf(entry));
      cell(row, targetsOf(entry));
      body.appendChild(row);
    }
    $('recent-caption').textContent = page.value.length === 0
      ? 'No entry matches the filters'
      : 'The newest ' + page.value.length + ' entries that match the filters';
  }

  // ---- chart -----------------------------------------------------------------------------------------------------

  function svg(name, attributes) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) {
      element.setAttribute(key, value);
    }
    return element;
  }

  function colourOf(activities, activity) {
    return PALETTE[activities.indexOf(activity) % PALETTE.length];
  }

  async function loadChart() {
    const range = chartRange();
    const hour = 3600 * 1000;
    const parts = conditions(false);
    parts.push('activityDateTime ge ' + new Date(range.first).toISOString());
    parts.push('activityDateTime lt ' + new Date(range.first + range.hours * hour).toISOString());
    const summary = await api(API + '/summary?' + query({'$filter': parts.join(' and ')}));
    const activities = [...new Set(summary.value.map((c) => c.activityDisplayName))].sort();
    const totals = new Array(range.hours).fill(0);
    for (const c of summary.value) {
      const index = Math.round((Date.parse(c.periodStartDateTime) - range.first) / hour);
      if (index >= 0 && index < range.hours) {
        totals[index] += c.count;
      }
    }
    const max = Math.max(1, ...totals);
    const width = 720;
    const height = 220;
    const left = 36;
    const bottom = 24;
    const plot = height - bottom - 8;
    const slot = (width - left - 4) / range.hours;
    const chart = svg('svg', {viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': summary.value.reduce((sum, c) => sum + c.count, 0) + ' entries in ' + range.hours
        + ' hours from ' + new Date(range.first).toISOString()});
    chart.appendChild(svg('line', {class: 'axis', x1: left, y1: 8 + plot, x2: width - 4, y2: 8 + plot}));
    chart.appendChild(svg('line', {class: 'axis', x1: left, y1: 8, x2: left, y2: 8 + plot}));
    const maxLabel = svg('text', {x: left - 4, y: 14, 'text-anchor': 'end'});
    maxLabel.textContent = String(max);
    chart.appendChild(maxLabel);
    const stacked = new Array(range.hours).fill(0);
    for (const c of summary.value) {
      const index = Math.round((Date.parse(c.periodStartDateTime) - range.first) / hour);
      if (index < 0 || index >= range.hours) {
        continue;
      }
      const barHeight = Math.max(1, c.count / max * plot);
      stacked[index] += barHeight;
      const bar = svg('rect', {class: 'bar', x: (left + 2 + index * slot).toFixed(1),
        y: (8 + plot - stacked[index]).toFixed(1), width: Math.max(1, slot - 2).toFixed(1),
        height: barHeight.toFixed(1), fill: colourOf(activities, c.activityDisplayName),
        'data-activity': c.activityDisplayName, 'data-hour': c.periodStartDateTime, 'data-count': c.count});
      const title = svg('title', {});
      title.textContent = c.activityDisplayName + ', hour from ' + c.periodStartDateTime + ': ' + c.count;
      bar.appendChild(title);
      chart.appendChild(bar);
    }
    const labelEvery = Math.max(1, Math.ceil(range.hours / 12));
    for (let i = 0; i < range.hours; i += labelEvery) {
      const label = svg('text', {x: (left + 2 + i * slot + slot / 2).toFixed(1), y: height - 8,
        'text-anchor': 'middle'});
      label.textContent = new Date(range.first + i * hour).toISOString().substring(11, 13) + 'h';
      chart.appendChild(label);
    }
    $('chart').replaceChildren(chart);
    $('chart-range').textContent = 'UTC hours from ' + new Date(range.first).toISOString().substring(0, 16)
      + ' to ' + new Date(range.first + range.hours * hour).toISOString().substring(0, 16);
    const legend = $('chart-legend');
    legend.replaceChildren();
    for (const activity of activities) {
      const item = document.createElement('li');
      const swatch = svg('svg', {class: 'swatch', viewBox: '0 0 10 10', 'aria-hidden': 'true'});
      swatch.appendChild(svg('rect', {width: 10, height: 10, fill: colourOf(activities, activity)}));
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(activity));
      legend.appendChild(item);
    }
  }

  // ---- Source of Authority ---------------------------------------------------------------------------------------

  async function allEntries(filter) {
    const entries = [];
    let url = API + '?' + query({'$filter': filter, '$orderby': 'activityDateTime asc', '$top': 999});
    for (let page = 0; url && page < SOA_PAGES; page++) {
      const body = await api(url);
      entries.push(...body.value);
      url = body['@odata.nextLink'];
    }
    return entries;
  }

  function groupOf(entry) {
    return (entry.targetResources || []).find((t) => t.type === 'Group') || (entry.targetResources || [])[0] || {};
  }

  async function loadSourceOfAuthority() {
    const [switches, rollbacks] = await Promise.all([
      allEntries('activityDisplayName eq ' + literal(SWITCH) + " and result eq 'success'"),
      allEntries('activityDisplayName eq ' + literal(ROLLBACK) + " and result eq 'success'")]);
    const changes = switches.concat(rollbacks)
      .sort((a, b) => a.activityDateTime.localeCompare(b.activityDateTime) || a.id.localeCompare(b.id));
    const state = new Map();
    for (const change of changes) {
      const group = groupOf(change);
      state.set(group.id, {group: group, cloud: change.activityDisplayName === SWITCH, since: change.activityDateTime});
    }
    const cloud = [...state.values()].filter((s) => s.cloud)
      .sort((a, b) => (a.group.displayName || '').localeCompare(b.group.displayName || ''));
    const list = $('soa-cloud-managed');
    list.replaceChildren();
    for (const s of cloud) {
      const item = document.createElement('li');
      item.dataset.groupId = s.group.id;
      item.textContent = (s.group.displayName || s.group.id) + ' (since ' + s.since.replace('T', ' ') + ')';
      list.appendChild(item);
    }
    if (cloud.length === 0) {
      const item = document.createElement('li');
      item.textContent = 'None';
      list.appendChild(item);
    }
    const timeline = $('soa-timeline');
    timeline.replaceChildren();
    for (const change of changes.slice(-20).reverse()) {
      const item = document.createElement('li');
      const rollback = change.activityDisplayName === ROLLBACK;
      item.className = rollback ? 'rollback' : 'switch';
      item.textContent = change.activityDateTime.replace('T', ' ') + ' ' + (rollback ? 'rolled back' : 'switched to cloud')
        + ': ' + (groupOf(change).displayName || groupOf(change).id) + (initiatorOf(change) ? ' by ' + initiatorOf(change) : '');
      timeline.appendChild(item);
    }
  }

  // ---- refresh and live updates ----------------------------------------------------------------------------------

  async function refresh() {
    try {
      await Promise.all([loadRecent(), loadChart(), loadSourceOfAuthority()]);
      $('filter-error').textContent = '';
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        signOut('Your token was refused (' + e.message + '); sign in again.');
      } else {
        $('filter-error').textContent = e.message;
      }
    }
  }

  function refreshSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 300);
  }

  function status(text) {
    $('connection').textContent = text;
  }

  /** Reads Server-Sent Events from a fetch response body: EventSource cannot send the Authorization header. */
  async function listen() {
    const controller = new AbortController();
    stream = controller;
    while (stream === controller) {
      try {
        const response = await fetch(API + '/stream', {signal: controller.signal,
          headers: {Authorization: 'Bearer ' + token, Accept: 'text/event-stream'}});
        if (response.status === 401) {
          signOut('Your token was refused; sign in again.');
          return;
        }
        if (!response.ok) {
          throw new Error('live updates answered ' + response.status);
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const {value, done} = await reader.read();
          if (done) {
            break;
          }
          buffer += value.replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            onEvent(buffer.substring(0, end));
            buffer = buffer.substring(end + 2);
          }
        }
      } catch (e) {
        if (controller.signal.aborted) {
          return;
        }
      }
      status('Signed in; live updates reconnecting');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  function onEvent(block) {
    let name = 'message';
    let id = null;
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) {
        name = line.substring(6).trim();
      } else if (line.startsWith('id:')) {
        id = line.substring(3).trim();
      }
    }
    if (name === 'ready') {
      status('Signed in; live updates on');
      refreshSoon();
    } else if (name === 'directoryAudit') {
      if (id) {
        freshIds.add(id);
      }
      refreshSoon();
    }
  }

  // ---- sign-in ---------------------------------------------------------------------------------------------------

  function signIn(newToken) {
    token = newToken;
    sessionStorage.setItem(TOKEN_KEY, token);
    $('sign-in-panel').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
    status('Signed in; connecting live updates');
    refresh();
    listen();
  }

  function signOut(message) {
    if (stream) {
      stream.abort();
      stream = null;
    }
    token = null;
    freshIds = new Set();
    sessionStorage.removeItem(TOKEN_KEY);
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in-panel').hidden = false;
    $('sign-in-error').textContent = message || '';
    status('Not signed in');
    $('token').focus();
  }

  $('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('token').value.trim().replace(/^Bearer\s+/i, '');
    $('token').value = '';
    $('sign-in-error').textContent = '';
    signIn(value);
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    refresh();
  });
  $('filters').addEventListener('reset', () => setTimeout(refresh, 0));

  if (token) {
    signIn(token);
  }
}());
