// The moderation console: plain JavaScript over /console/api/v1 (the workbench API with this session and its
// CSRF token). Comment text and every other field are attacker-controlled: they only ever reach the page as text
// nodes (textContent, createTextNode), never as HTML.
'use strict';

const API = '/console/api/v1';
const POLL_MS = 5000;
const PAGE_SIZE = 50;

const state = {
  session: null,       // {name, roles, csrf: {headerName, token}}
  tab: 'pending',
  site: null,
  page: 0,
  items: [],           // the list shown: queue items, or decisions in the corrections view
  current: -1,
  selected: new Set(), // commentIds chosen for a bulk verdict
  known: new Set(),    // commentIds seen in the queue, to mark new arrivals
  sites: {},           // site -> held count from the last queue read (the corrections view lists these sites too)
  lookedUp: false,     // the corrections view shows an author's or a comment's decisions, not a site's
  drawerEmail: null,
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('data-')) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) {
    if (child == null) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function status(text, isError) {
  $('status').textContent = text || '';
  $('status').className = isError ? 'error' : '';
}

async function api(path, options) {
  const init = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
  init.headers.Accept = 'application/json';
  if (init.body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.headers[state.session.csrf.headerName] = state.session.csrf.token;
    init.body = JSON.stringify(init.body);
  }
  const response = await fetch(API + path, init);
  if (response.status === 401) {
    window.location.assign('/login');
    throw new Error('Logged out');
  }
  const body = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error((body && (body.detail || body.title)) || ('HTTP ' + response.status));
    error.status = response.status;
    throw error;
  }
  return body;
}

// ---- text with highlighted matches ----------------------------------------------------------------------------

// Match offsets are Unicode code points into the field as received; JavaScript strings are UTF-16, so the text is
// split into code points (Array.from) before slicing.
function highlighted(text, ranges) {
  const codePoints = Array.from(text || '');
  const merged = [];
  ranges.filter((r) => r.start < r.end)
    .sort((a, b) => a.start - b.start)
    .forEach((r) => {
      const last = merged[merged.length - 1];
      if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
      else merged.push({ start: r.start, end: r.end, title: r.title });
    });
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const r of merged) {
    const start = Math.min(r.start, codePoints.length);
    const end = Math.min(r.end, codePoints.length);
    if (start > at) fragment.append(document.createTextNode(codePoints.slice(at, start).join('')));
    if (end > start) fragment.append(el('mark', { title: r.title || '' }, codePoints.slice(start, end).join('')));
    at = Math.max(at, end);
  }
  if (at < codePoints.length) fragment.append(document.createTextNode(codePoints.slice(at).join('')));
  return fragment;
}

function contentRanges(decision) {
  const rules = (decision.reasons || [])
    .filter((reason) => reason.field === 'content' && reason.match)
    .map((reason) => ({ start: reason.match.start, end: reason.match.end,
      title: reason.code + ': ' + (reason.match.term || reason.match.pattern || '') }));
  return rules.concat(classifierRanges(decision));
}

// The spam classifier's strongest tokens that come from the content and lean to spam (same code point offsets as
// the rules' matches); ham-leaning tokens are not highlighted, they are not why a comment is held.
function classifierRanges(decision) {
  const tokens = (decision.classifier && decision.classifier.tokens) || [];
  return tokens
    .filter((token) => Number.isInteger(token.start) && Number.isInteger(token.end) && token.spamProbability > 0.5)
    .map((token) => ({ start: token.start, end: token.end,
      title: `SPAM_CLASSIFIER: ${token.token} (${Math.round(token.spamProbability * 100)} % spam)` }));
}

function classifierText(decision) {
  const classifier = decision.classifier;
  if (!classifier || typeof classifier.probability !== 'number') return '';
  return ` · spam probability ${Math.round(classifier.probability * 100)} %`
    + (decision.modelVersion ? ` (model ${decision.modelVersion})` : '');
}

// ---- list ---------------------------------------------------------------------------------------------------

async function load() {
  try {
    if (state.tab === 'pending') await loadQueue();
    else await loadDecided();
    status('');
  } catch (error) {
    status(error.status === 503 ? 'Being rebalanced or starting; retrying…' : error.message, error.status !== 503);
  }
}

// The corrections view: a site's recently approved (or rejected) comments, newest first, to take down (or rescue).
async function loadDecided() {
  const outcome = state.tab === 'approved' ? 'APPROVED' : 'REJECTED';
  const params = new URLSearchParams({ outcome, page: state.page, size: PAGE_SIZE });
  if (state.site) params.set('site', state.site);
  const page = await api('/decided?' + params);
  state.lookedUp = false;
  page.comments.forEach((c) => { if (!(c.siteId in state.sites)) state.sites[c.siteId] = null; });
  renderSites(state.sites);
  const currentId = currentItem() && currentItem().commentId;
  state.items = page.comments.map((c) => ({
    commentId: c.commentId, siteId: c.siteId, postId: c.postId, author: c.author, at: c.recordedAt,
    decision: c.decision, status: c.outcome,
  }));
  const keep = state.items.findIndex((item) => item.commentId === currentId);
  state.current = keep >= 0 ? keep : (state.items.length ? 0 : -1);
  $('page-info').textContent = page.comments.length === 0 ? 'Nothing decided recently'
    : `${page.page * page.size + 1}–${page.page * page.size + page.comments.length}${page.more ? ' (older follow)' : ''}`;
  $('prev').disabled = page.page === 0;
  $('next').disabled = !page.more;
  renderItems();
}

async function loadQueue() {
  const params = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
  if (state.site) params.set('site', state.site);
  const queue = await api('/queue?' + params);
  state.sites = Object.assign({}, queue.sites);
  renderSites(queue.sites);
  const total = Object.values(queue.sites).reduce((a, b) => a + b, 0);
  $('pending-count').textContent = String(total);
  const currentId = currentItem() && currentItem().commentId;
  const fresh = queue.comments.filter((c) => !state.known.has(c.commentId)).map((c) => c.commentId);
  queue.comments.forEach((c) => state.known.add(c.commentId));
  state.items = queue.comments.map((c) => ({
    commentId: c.commentId, siteId: c.siteId, postId: c.postId, author: c.author, at: c.heldAt,
    decision: c.decision, authorStatus: c.authorStatus, status: 'HELD',
  }));
  for (const id of Array.from(state.selected)) {
    if (!state.items.some((item) => item.commentId === id)) state.selected.delete(id);
  }
  const keep = state.items.findIndex((item) => item.commentId === currentId);
  state.current = keep >= 0 ? keep : Math.min(Math.max(state.current, 0), state.items.length - 1);
  $('page-info').textContent = queue.total === 0 ? 'Nothing held'
    : `${queue.page * queue.size + 1}–${queue.page * queue.size + queue.comments.length} of ${queue.total}`;
  $('prev').disabled = queue.page === 0;
  $('next').disabled = (queue.page + 1) * queue.size >= queue.total;
  renderItems(new Set(state.known.size === fresh.length ? [] : fresh));
}

function renderSites(sites) {
  const list = $('site-list');
  list.replaceChildren();
  const all = el('li', { class: state.site ? '' : 'active' }, el('span', {}, 'All sites'));
  all.addEventListener('click', () => { state.site = null; state.page = 0; load(); });
  list.append(all);
  for (const [site, count] of Object.entries(sites)) {
    const item = el('li', { class: state.site === site ? 'active' : '', 'data-site': site },
      el('span', {}, site), count == null ? null : el('span', { class: 'count' }, String(count)));
    item.addEventListener('click', () => { state.site = site; state.page = 0; load(); });
    list.append(item);
  }
}

function renderItems(fresh) {
  const list = $('items');
  list.replaceChildren();
  state.items.forEach((item, index) => {
    const content = (item.decision && item.decision.comment && item.decision.comment.content) || '';
    const checkbox = el('input', { type: 'checkbox', checked: state.selected.has(item.commentId), tabIndex: -1 });
    checkbox.addEventListener('click', (event) => { event.stopPropagation(); toggleSelected(index); });
    const row = el('li', {
      class: [index === state.current ? 'current' : '', state.selected.has(item.commentId) ? 'selected' : '',
        fresh && fresh.has(item.commentId) ? 'fresh' : ''].join(' ').trim(),
      'data-comment-id': item.commentId,
    }, checkbox, el('div', {},
      el('div', { class: 'item-meta' }, `${item.siteId || '?'} · ${item.postId || '?'} · ${when(item.at)}`,
        item.status !== 'HELD' ? el('span', { class: 'decision-' + item.status }, ' ' + item.status) : null),
      el('div', { class: 'excerpt' }, Array.from(content).slice(0, 140).join(''))));
    row.addEventListener('click', () => { state.current = index; renderItems(); showDetail(); });
    list.append(row);
  });
  const bulk = state.selected.size > 0;
  $('bulk').hidden = !bulk;
  $('bulk-count').textContent = `${state.selected.size} selected`;
  showDetail();
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

function currentItem() {
  return state.items[state.current];
}

function move(delta) {
  if (state.items.length === 0) return;
  state.current = Math.min(Math.max(state.current + delta, 0), state.items.length - 1);
  renderItems();
  const row = $('items').children[state.current];
  if (row) row.scrollIntoView({ block: 'nearest' });
}

function toggleSelected(index) {
  const item = state.items[index];
  if (!item) return;
  if (state.selected.has(item.commentId)) state.selected.delete(item.commentId);
  else state.selected.add(item.commentId);
  renderItems();
}

// ---- detail -------------------------------------------------------------------------------------------------

function showDetail() {
  const item = currentItem();
  $('detail-empty').hidden = !!item;
  $('detail-body').hidden = !item;
  if (!item) return;
  const decision = item.decision || {};
  const comment = decision.comment || {};
  const author = comment.author || {};
  $('d-site').textContent = item.siteId || '';
  $('d-post').textContent = item.postId || '';
  $('d-when').textContent = when(item.at);
  $('d-name').textContent = author.name || '';
  $('d-author').textContent = item.author || author.email || '';
  const standing = item.authorStatus;
  $('d-standing').textContent = standing ? standingText(standing) : '';
  $('d-content').replaceChildren(highlighted(comment.content || '', contentRanges(decision)));
  $('d-reasons').replaceChildren(...(decision.reasons || []).map((reason) => el('li', {},
    el('strong', {}, reason.code), ' ', reason.message,
    reason.match ? ` (${reason.match.term || reason.match.pattern})` : '')));
  const score = decision.score;
  $('d-score').textContent = (score ? `Score ${score.total}` + (score.holdAt != null ? ` · hold at ${score.holdAt}` : '')
    + (score.rejectAt != null ? ` · reject at ${score.rejectAt}` : '') : '') + classifierText(decision);
  const decided = item.status;
  // in the corrections view the same verdicts take an approved comment down or rescue a rejected one
  $('approve').firstChild.textContent = decided === 'REJECTED' ? 'Rescue: approve ' : 'Approve ';
  $('reject-spam').firstChild.textContent = decided === 'APPROVED' ? 'Take down: spam ' : 'Reject: spam ';
  $('reject').firstChild.textContent = decided === 'APPROVED' ? 'Take down: not spam ' : 'Reject: not spam ';
  $('approve').disabled = decided === 'APPROVED';
  $('reject').disabled = false;
  $('reject-spam').disabled = false;
}

function standingText(standing) {
  const parts = [`${standing.approved} approved`];
  if (standing.trusted) parts.push('trusted');
  if (standing.spamRejected) parts.push('spam before');
  if (standing.action) parts.push(standing.action.action);
  return parts.join(' · ');
}

// ---- verdicts -----------------------------------------------------------------------------------------------

async function verdict(kind) {
  const ids = state.selected.size > 0 ? Array.from(state.selected)
    : (currentItem() ? [currentItem().commentId] : []);
  if (ids.length === 0) return;
  const body = kind === 'APPROVED' ? { decision: 'APPROVED' }
    : { decision: 'REJECTED', spam: kind === 'SPAM' };
  const note = $('note').value.trim();
  if (note) body.note = note;
  try {
    if (ids.length === 1) await api('/comments/' + encodeURIComponent(ids[0]) + '/verdict', { method: 'POST', body });
    else await api('/verdicts', { method: 'POST', body: Object.assign({ commentIds: ids }, body) });
    status(`${ids.length} verdict${ids.length > 1 ? 's' : ''} sent: ${kind === 'APPROVED' ? 'approved'
      : kind === 'SPAM' ? 'rejected (spam)' : 'rejected (not spam)'}`);
    $('note').value = '';
    state.selected.clear();
    if (state.tab === 'pending') {
      // the stream decides in a moment: drop them now, the next poll confirms
      state.items = state.items.filter((item) => !ids.includes(item.commentId));
      state.current = Math.min(state.current, state.items.length - 1);
      renderItems();
    } else {
      state.items.filter((item) => ids.includes(item.commentId))
        .forEach((item) => { item.status = kind === 'APPROVED' ? 'APPROVED' : 'REJECTED'; });
      renderItems();
    }
  } catch (error) {
    status('Not sent: ' + error.message, true);
  }
}

// ---- corrections view (recently approved / rejected) ------------------------------------------------------

async function lookup(event) {
  if (event) event.preventDefault();
  const email = $('lookup-author').value.trim();
  const commentId = $('lookup-comment').value.trim();
  const wanted = state.tab === 'approved' ? 'APPROVED' : 'REJECTED';
  try {
    if (email) {
      const history = await api('/authors/' + encodeURIComponent(email));
      state.items = (history.recent || []).filter((c) => c.decision === wanted).map((c) => ({
        commentId: c.commentId, siteId: c.siteId, postId: c.postId, author: history.author, at: c.at,
        status: c.decision, authorStatus: history.status, decision: null,
      }));
    } else if (commentId) {
      const c = await api('/comments/' + encodeURIComponent(commentId));
      state.items = [{ commentId: c.commentId, siteId: c.siteId, postId: c.postId, author: c.author,
        status: c.decision, decision: c.revisions[c.revisions.length - 1], at: null }];
    } else {
      await loadDecided();
      status('');
      return;
    }
    state.lookedUp = true;
    state.current = state.items.length ? 0 : -1;
    await fillDecisions();
    renderItems();
    status(state.items.length ? '' : 'Nothing found');
  } catch (error) {
    state.items = [];
    renderItems();
    status(error.status === 404 ? 'Nothing known of that' : error.message, error.status !== 404);
  }
}

// an author's history lists decisions without their text: fetch each comment's latest revision
async function fillDecisions() {
  await Promise.all(state.items.filter((item) => !item.decision).slice(0, 50).map(async (item) => {
    try {
      const c = await api('/comments/' + encodeURIComponent(item.commentId));
      item.decision = c.revisions[c.revisions.length - 1];
    } catch (error) {
      item.decision = null;
    }
  }));
}

function switchTab(tab) {
  state.tab = tab;
  document.querySelectorAll('#tabs button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === tab)));
  $('lookup').hidden = tab === 'pending';
  state.items = [];
  state.selected.clear();
  state.current = -1;
  state.page = 0;
  renderItems();
  if (tab !== 'pending' && ($('lookup-author').value || $('lookup-comment').value)) lookup();
  else load();
}

// ---- author drawer ----------------------------------------------------------------------------------------

async function openDrawer(email) {
  if (!email) return;
  state.drawerEmail = email;
  $('drawer').hidden = false;
  $('drawer-email').textContent = email;
  $('drawer-standing').replaceChildren();
  $('drawer-history').replaceChildren(el('li', {}, 'Loading…'));
  try {
    const history = await api('/authors/' + encodeURIComponent(email));
    const s = history.status;
    const rows = [['Approved', String(s.approved)], ['Trusted', s.trusted ? 'yes' : 'no'],
      ['Rejected as spam', s.spamRejected ? 'yes' : 'no']];
    if (s.action) {
      rows.push(['Action', s.action.action + (s.action.until ? ' until ' + when(s.action.until) : '')]);
      rows.push(['By', (s.action.moderator || '') + (s.action.note ? ' — ' + s.action.note : '')]);
    }
    $('drawer-standing').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    $('drawer-history').replaceChildren(...history.recent.map((c) => el('li', {},
      el('span', { class: 'decision-' + c.decision }, c.decision), ` ${c.siteId || ''} · ${c.postId || ''} · `,
      el('code', {}, c.commentId), ' ', when(c.at))));
  } catch (error) {
    $('drawer-history').replaceChildren(el('li', {}, error.status === 404 ? 'Nothing known of this author' : error.message));
  }
}

async function authorAction(action) {
  const body = { action };
  if (action === 'BAN' && $('ban-until').value) body.until = new Date($('ban-until').value).toISOString();
  const note = $('action-note').value.trim();
  if (note) body.note = note;
  try {
    await api('/authors/' + encodeURIComponent(state.drawerEmail) + '/actions', { method: 'POST', body });
    status(`${action} sent for the author`);
    $('action-note').value = '';
    setTimeout(() => openDrawer(state.drawerEmail), 1000);
  } catch (error) {
    status('Not sent: ' + error.message, true);
  }
}

function closeDrawer() {
  $('drawer').hidden = true;
  state.drawerEmail = null;
}

// ---- wiring -------------------------------------------------------------------------------------------------

function onKey(event) {
  if (event.target.matches('input, textarea') || event.ctrlKey || event.metaKey || event.altKey) {
    if (event.key === 'Escape') event.target.blur();
    return;
  }
  const actions = {
    j: () => move(1), k: () => move(-1), x: () => toggleSelected(state.current),
    a: () => verdict('APPROVED'), s: () => verdict('SPAM'), r: () => verdict('REJECTED'),
    Escape: () => (!$('drawer').hidden ? closeDrawer() : back()),
  };
  const action = actions[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
}

function back() {
  state.current = -1;
  renderItems();
}

async function start() {
  state.session = await api('/session');
  $('user').textContent = `${state.session.name} (${state.session.roles.join(', ')})`;
  $('logout-csrf').value = state.session.csrf.token;
  const moderator = state.session.roles.includes('MODERATOR');
  document.querySelectorAll('.actions button:not(#back), #bulk button[data-bulk]:not([data-bulk="CLEAR"]), .author-actions button')
    .forEach((b) => { b.hidden = !moderator; });
  document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => switchTab(b.dataset.tab)));
  $('approve').addEventListener('click', () => verdict('APPROVED'));
  $('reject-spam').addEventListener('click', () => verdict('SPAM'));
  $('reject').addEventListener('click', () => verdict('REJECTED'));
  $('back').addEventListener('click', back);
  $('d-author').addEventListener('click', () => openDrawer(currentItem() && currentItem().author));
  $('drawer-close').addEventListener('click', closeDrawer);
  document.querySelectorAll('.author-actions button').forEach((b) => b.addEventListener('click', () => authorAction(b.dataset.action)));
  document.querySelectorAll('#bulk button').forEach((b) => b.addEventListener('click', () => {
    if (b.dataset.bulk === 'CLEAR') { state.selected.clear(); renderItems(); } else verdict(b.dataset.bulk);
  }));
  $('lookup-form').addEventListener('submit', lookup);
  $('lookup-clear').addEventListener('click', () => {
    $('lookup-author').value = '';
    $('lookup-comment').value = '';
    state.page = 0;
    load();
  });
  $('prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); load(); });
  $('next').addEventListener('click', () => { state.page += 1; load(); });
  document.addEventListener('keydown', onKey);
  await load();
  // live updates: newly held comments appear (highlighted) without a reload
  // (the corrections view is read on demand: a list that moved under the moderator's keys would mislead)
  setInterval(() => { if (state.tab === 'pending' && !document.hidden) load(); }, POLL_MS);
}

start().catch((error) => status(error.message, true));
