'use strict';

// My Groups in the browser: every action is a call to the service's own /mygroups API with the signed-in user's
// bearer token. The page keeps the token in memory only and writes data into the page as text, never as HTML.
(() => {
  const API = '/mygroups';
  const state = {
    token: null, userId: null, groups: [], groupsNext: null, joining: null,
    managing: null, members: [], membersNext: null, removals: new Set()
  };
  const byId = (id) => document.getElementById(id);

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  function announce(message) {
    byId('error').textContent = '';
    byId('status').textContent = message;
  }

  function showError(message) {
    byId('status').textContent = '';
    byId('error').textContent = message;
  }

  function reportFailure(failure) {
    if (failure instanceof ApiError) {
      showError(failure.message + ' (' + failure.code + ')');
      if (failure.status === 401) {
        signOut(false);
      }
    } else {
      showError('Something went wrong in this page: ' + failure.message);
    }
  }

  async function api(method, url, body) {
    const headers = { Authorization: 'Bearer ' + state.token, Accept: 'application/json' };
    const init = { method, headers, credentials: 'omit', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (e) {
      throw new ApiError(0, 'ServiceUnavailable', 'The My Groups service could not be reached.');
    }
    const text = await response.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch (e) {
        json = null;
      }
    }
    if (!response.ok) {
      const error = json && json.error ? json.error : {};
      throw new ApiError(response.status, error.code || 'HTTP ' + response.status,
        error.message || 'The request failed with status ' + response.status + '.');
    }
    return json;
  }

  /** The token's claims, for showing who is signed in (the service validates the token, not this page). */
  function claimsOf(token) {
    const part = token.split('.')[1];
    if (!part) {
      return null;
    }
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    try {
      const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      return null;
    }
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function button(text, label, onClick, className) {
    const node = element('button', text, className);
    node.type = 'button';
    if (label) {
      node.setAttribute('aria-label', label);
    }
    node.addEventListener('click', onClick);
    return node;
  }

  function badge(text) {
    return element('span', text, 'badge');
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString() : '';
  }

  function emptyItem(list, text) {
    list.replaceChildren(element('li', text, 'empty'));
  }

  /* Sign in and out */

  async function signIn(event) {
    event.preventDefault();
    const input = byId('token');
    const token = input.value.trim();
    if (!token) {
      input.setAttribute('aria-invalid', 'true');
      showError('Paste an access token to sign in.');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    state.token = token;
    const claims = claimsOf(token) || {};
    state.userId = claims.oid || null;
    try {
      await loadGroups(false);
    } catch (failure) {
      state.token = null;
      reportFailure(failure);
      input.focus();
      return;
    }
    input.value = '';
    byId('sign-in').hidden = true;
    byId('app').hidden = false;
    const who = claims.name || claims.upn || claims.preferred_username || 'an unnamed user';
    byId('signed-in-as').textContent = 'Signed in as ' + who
      + (claims.upn && claims.upn !== who ? ' (' + claims.upn + ')' : '');
    byId('signed-in-as').hidden = false;
    byId('sign-out').hidden = false;
    announce('Signed in as ' + who + '.');
    byId('group-filter').focus();
    await Promise.all([refresh(requestsList), refresh(approvalsList), refresh(memberOfList), refresh(ownedList)]);
  }

  function signOut(announceIt) {
    state.token = null;
    state.userId = null;
    state.groups = [];
    state.groupsNext = null;
    closeJoinPanel(false);
    closeMembersPanel(false);
    state.removals.clear();
    for (const id of ['group-list', 'request-list', 'approval-list', 'member-of-list', 'owned-list']) {
      byId(id).replaceChildren();
    }
    byId('app').hidden = true;
    byId('sign-in').hidden = false;
    byId('signed-in-as').hidden = true;
    byId('sign-out').hidden = true;
    if (announceIt) {
      announce('Signed out.');
    }
    byId('token').focus();
  }

  /* Groups: browse and join */

  async function loadGroups(more) {
    const url = more ? state.groupsNext : API + '/groups';
    const page = await api('GET', url);
    state.groups = more ? state.groups.concat(page.value) : page.value;
    state.groupsNext = page['@odata.nextLink'] || null;
    renderGroups();
  }

  function renderGroups() {
    const list = byId('group-list');
    const filter = byId('group-filter').value.trim().toLowerCase();
    const shown = state.groups.filter((g) => !filter || (g.displayName || '').toLowerCase().includes(filter));
    byId('more-groups').hidden = !state.groupsNext;
    if (shown.length === 0) {
      emptyItem(list, state.groups.length === 0 ? 'No groups are available in My Groups.'
        : 'No group name contains "' + filter + '".');
      return;
    }
    list.replaceChildren(...shown.map(groupItem));
  }

  const JOIN_POLICY_TEXT = {
    Open: 'Open: anyone joins at once',
    OwnerApproval: 'Owner approval',
    Closed: 'Closed: only owners add members'
  };

  function groupItem(group) {
    const item = element('li');
    item.dataset.groupId = group.id;
    const title = element('div', group.displayName, 'title');
    if (group.isOwner) {
      title.append(badge('Owner'));
    }
    if (group.isMember) {
      title.append(badge('Member'));
    }
    item.append(title);
    item.append(element('p', (group.kind || '') + ' · ' + (JOIN_POLICY_TEXT[group.joinPolicy] || group.joinPolicy),
      'meta'));
    if (group.canRequestToJoin) {
      const open = group.joinPolicy === 'Open';
      const text = open ? 'Join' : 'Request to join';
      item.append(button(text, text + ' ' + group.displayName, () => openJoinPanel(group), 'join'));
    }
    return item;
  }

  function openJoinPanel(group) {
    state.joining = group;
    const open = group.joinPolicy === 'Open';
    byId('join-heading').textContent = (open ? 'Join ' : 'Request to join ') + group.displayName;
    byId('join-submit').textContent = open ? 'Join now' : 'Send request';
    byId('justification').value = '';
    byId('join-panel').hidden = false;
    byId('justification').focus();
  }

  function closeJoinPanel(returnFocus) {
    const group = state.joining;
    state.joining = null;
    byId('join-panel').hidden = true;
    if (returnFocus && group) {
      const again = document.querySelector('#group-list li[data-group-id="' + CSS.escape(group.id) + '"] button');
      (again || byId('group-filter')).focus();
    }
  }

  async function submitJoin(event) {
    event.preventDefault();
    const group = state.joining;
    if (!group) {
      return;
    }
    const justification = byId('justification').value.trim();
    const body = { groupId: group.id };
    if (justification) {
      body.justification = justification;
    }
    const submit = byId('join-submit');
    submit.disabled = true;
    try {
      const request = await api('POST', API + '/requests', body);
      closeJoinPanel(false);
      announce(request.status === 'Pending'
        ? 'Your request to join ' + group.displayName + ' was sent to its owners.'
        : 'You are joining ' + group.displayName + ': the request is ' + request.status + '.');
      await loadGroups(false);
      await refresh(requestsList);
      byId('group-filter').focus();
    } catch (failure) {
      reportFailure(failure);
    } finally {
      submit.disabled = false;
    }
  }

  /* Lists of requests and memberships */

  function list(listId, moreId, path, render, emptyText) {
    return { listId, moreId, path, render, emptyText, next: null, items: [] };
  }

  const requestsList = list('request-list', 'more-requests', '/requests', requestItem, 'You have made no requests.');
  const approvalsList = list('approval-list', 'more-approvals', '/approvals', approvalItem,
    'No request is waiting for your decision.');
  const memberOfList = list('member-of-list', 'more-member-of', '/memberOf', memberOfItem,
    'You are not a member of any group.');

  async function refresh(view, more) {
    try {
      const page = await api('GET', more ? view.next : API + view.path);
      view.items = more ? view.items.concat(page.value) : page.value;
      view.next = page['@odata.nextLink'] || null;
      const target = byId(view.listId);
      byId(view.moreId).hidden = !view.next;
      if (view.items.length === 0) {
        emptyItem(target, view.emptyText);
      } else {
        target.replaceChildren(...view.items.map(view.render));
      }
    } catch (failure) {
      reportFailure(failure);
    }
  }

  function requestDetails(item, request) {
    if (request.justification) {
      item.append(element('p', 'Justification: ' + request.justification, 'meta'));
    }
    if (request.rejectionReason) {
      item.append(element('p', 'Reason for the rejection: ' + request.rejectionReason, 'meta'));
    }
    if (request.addError) {
      item.append(element('p', 'The directory did not add the member: ' + request.addError.message
        + ' (' + request.addError.code + ')', 'meta'));
    }
  }

  function requestItem(request) {
    const item = element('li');
    item.dataset.requestId = request.id;
    const title = element('div', request.groupDisplayName || request.groupId, 'title');
    const status = badge(request.status);
    status.classList.add('request-status');
    title.append(status);
    item.append(title);
    item.append(element('p', 'Requested ' + when(request.createdDateTime)
      + (request.status === 'Pending' && request.expirationDateTime
        ? ' · expires ' + when(request.expirationDateTime) : ''), 'meta'));
    requestDetails(item, request);
    if (request.status === 'Pending') {
      item.append(button('Cancel request', 'Cancel request to join ' + request.groupDisplayName,
        () => decide(request, 'cancel', {}, 'Your request to join ' + request.groupDisplayName + ' was cancelled.'),
        'secondary'));
    }
    return item;
  }

  function approvalItem(request) {
    const item = element('li');
    item.dataset.requestId = request.id;
    const who = request.requesterUserPrincipalName || request.requesterId;
    item.append(element('div', who + ' asks to join ' + request.groupDisplayName, 'title'));
    item.append(element('p', 'Requested ' + when(request.createdDateTime)
      + (request.expirationDateTime ? ' · expires ' + when(request.expirationDateTime) : ''), 'meta'));
    requestDetails(item, request);
    item.append(button('Approve', 'Approve ' + who + ' joining ' + request.groupDisplayName,
      () => decide(request, 'approve', {}, 'You approved ' + who + ' joining ' + request.groupDisplayName + '.')));
    const reasonId = 'reason-' + request.id;
    const label = element('label', 'Reason for rejecting ' + who + ' (required to reject)');
    label.htmlFor = reasonId;
    const reason = document.createElement('input');
    reason.id = reasonId;
    reason.type = 'text';
    reason.maxLength = 1000;
    reason.autocomplete = 'off';
    item.append(label, reason);
    item.append(button('Reject', 'Reject ' + who + ' joining ' + request.groupDisplayName, () => {
      const text = reason.value.trim();
      if (!text) {
        reason.setAttribute('aria-invalid', 'true');
        showError('Enter a reason to reject the request of ' + who + '.');
        reason.focus();
        return;
      }
      reason.removeAttribute('aria-invalid');
      decide(request, 'reject', { reason: text }, 'You rejected the request of ' + who + '.');
    }, 'danger'));
    return item;
  }

  async function decide(request, action, body, done) {
    try {
      await api('POST', API + '/requests/' + encodeURIComponent(request.id) + '/' + action, body);
      announce(done);
      await Promise.all([refresh(requestsList), refresh(approvalsList)]);
      await loadGroups(false);
    } catch (failure) {
      reportFailure(failure);
    }
  }

  function memberOfItem(group) {
    const item = element('li');
    item.dataset.groupId = group.id;
    const title = element('div', group.displayName, 'title');
    if (group.isOwner) {
      title.append(badge('Owner'));
    }
    item.append(title);
    item.append(element('p', group.kind || '', 'meta'));
    item.append(button('Leave', 'Leave ' + group.displayName, async () => {
      try {
        await api('POST', API + '/groups/' + encodeURIComponent(group.id) + '/leave', {});
        announce('You are leaving ' + group.displayName + ': the directory removes you shortly.');
        await refresh(memberOfList);
      } catch (failure) {
        reportFailure(failure);
      }
    }, 'secondary'));
    return item;
  }

  /* Groups I own: an owner's members */

  const ownedList = list('owned-list', 'more-owned', '/ownedGroups', ownedItem, 'You own no group.');

  function ownedItem(group) {
    const item = element('li');
    item.dataset.groupId = group.id;
    item.append(element('div', group.displayName, 'title'));
    item.append(element('p', (group.kind || '') + ' · ' + (JOIN_POLICY_TEXT[group.joinPolicy] || group.joinPolicy),
      'meta'));
    item.append(button('Manage members', 'Manage members of ' + group.displayName, () => openMembersPanel(group),
      'manage'));
    return item;
  }

  async function openMembersPanel(group) {
    state.managing = group;
    state.members = [];
    state.membersNext = null;
    byId('members-heading').textContent = 'Members of ' + group.displayName;
    byId('member-list').setAttribute('aria-label', 'Members of ' + group.displayName);
    byId('new-member-label').textContent = 'User id of the member to add to ' + group.displayName;
    byId('new-member-id').value = '';
    byId('new-member-id').removeAttribute('aria-invalid');
    byId('member-list').replaceChildren();
    byId('more-members').hidden = true;
    byId('members-panel').hidden = false;
    byId('new-member-id').focus();
    await loadMembers(false);
  }

  function closeMembersPanel(returnFocus) {
    const group = state.managing;
    state.managing = null;
    byId('members-panel').hidden = true;
    if (returnFocus && group) {
      const again = document.querySelector('#owned-list li[data-group-id="' + CSS.escape(group.id) + '"] button');
      (again || byId('refresh-owned')).focus();
    }
  }

  async function loadMembers(more) {
    const group = state.managing;
    if (!group) {
      return;
    }
    try {
      const page = await api('GET', more ? state.membersNext
        : API + '/groups/' + encodeURIComponent(group.id) + '/members');
      if (state.managing !== group) {
        return;
      }
      state.members = more ? state.members.concat(page.value) : page.value;
      state.membersNext = page['@odata.nextLink'] || null;
      renderMembers();
    } catch (failure) {
      reportFailure(failure);
    }
  }

  const MEMBER_TYPE_TEXT = {
    '#microsoft.graph.user': 'User',
    '#microsoft.graph.group': 'Group',
    '#microsoft.graph.directoryObject': 'Directory object'
  };

  function renderMembers() {
    const target = byId('member-list');
    byId('more-members').hidden = !state.membersNext;
    if (state.members.length === 0) {
      emptyItem(target, 'This group has no members.');
      return;
    }
    target.replaceChildren(...state.members.map(memberItem));
  }

  function memberItem(member) {
    const group = state.managing;
    const item = element('li');
    item.dataset.memberId = member.id;
    const name = member.displayName || member.userPrincipalName || member.id;
    item.append(element('div', name, 'title'));
    item.append(element('p', (MEMBER_TYPE_TEXT[member['@odata.type']] || 'Member')
      + (member.userPrincipalName ? ' · ' + member.userPrincipalName : '') + ' · ' + member.id, 'meta'));
    if (state.removals.has(group.id + '|' + member.id)) {
      item.append(badge('Removal requested'));
      return item;
    }
    item.append(button('Remove', 'Remove ' + name + ' from ' + group.displayName, async () => {
      try {
        await api('DELETE', API + '/groups/' + encodeURIComponent(group.id) + '/members/'
          + encodeURIComponent(member.id));
        state.removals.add(group.id + '|' + member.id);
        announce('Removing ' + name + ' from ' + group.displayName + ': the directory removes them shortly.');
        renderMembers();
        byId('new-member-id').focus();
      } catch (failure) {
        reportFailure(failure);
      }
    }, 'danger'));
    return item;
  }

  async function submitAddMember(event) {
    event.preventDefault();
    const group = state.managing;
    if (!group) {
      return;
    }
    const input = byId('new-member-id');
    const memberId = input.value.trim();
    if (!memberId) {
      input.setAttribute('aria-invalid', 'true');
      showError('Enter the user id of the member to add to ' + group.displayName + '.');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    const submit = byId('add-member-submit');
    submit.disabled = true;
    try {
      await api('POST', API + '/groups/' + encodeURIComponent(group.id) + '/members', { memberId });
      input.value = '';
      announce('Adding ' + memberId + ' to ' + group.displayName + ': the directory adds them shortly.');
      await loadMembers(false);
    } catch (failure) {
      reportFailure(failure);
    } finally {
      submit.disabled = false;
      input.focus();
    }
  }

  function wire() {
    byId('sign-in-form').addEventListener('submit', signIn);
    byId('sign-out').addEventListener('click', () => signOut(true));
    byId('group-filter').addEventListener('input', renderGroups);
    byId('more-groups').addEventListener('click', () => loadGroups(true).catch(reportFailure));
    byId('join-form').addEventListener('submit', submitJoin);
    byId('join-cancel').addEventListener('click', () => closeJoinPanel(true));
    byId('join-panel').addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        closeJoinPanel(true);
      }
    });
    byId('refresh-requests').addEventListener('click', () => refresh(requestsList));
    byId('refresh-approvals').addEventListener('click', () => refresh(approvalsList));
    byId('refresh-member-of').addEventListener('click', () => refresh(memberOfList));
    byId('more-requests').addEventListener('click', () => refresh(requestsList, true));
    byId('more-approvals').addEventListener('click', () => refresh(approvalsList, true));
    byId('more-member-of').addEventListener('click', () => refresh(memberOfList, true));
    byId('refresh-owned').addEventListener('click', () => refresh(ownedList));
    byId('more-owned').addEventListener('click', () => refresh(ownedList, true));
    byId('more-members').addEventListener('click', () => loadMembers(true));
    byId('add-member-form').addEventListener('submit', submitAddMember);
    byId('members-close').addEventListener('click', () => closeMembersPanel(true));
    byId('members-panel').addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        closeMembersPanel(true);
      }
    });
  }

  wire();
})();
