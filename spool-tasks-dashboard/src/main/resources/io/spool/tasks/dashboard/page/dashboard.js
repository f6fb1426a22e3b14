// The spool-tasks dashboard: polls the JSON API under the mount path and draws queues, charts, tasks and a
// task's detail. Every value from the server goes into the page as text (textContent, attributes), never as markup.
'use strict';
(function () {
  const base = document.body.dataset.base;
  const SVG = 'http://www.w3.org/2000/svg';
  const depthSamples = {};   // queue -> [available + scheduled] sampled at each refresh since the page opened
  let before = null;         // the last task id listed, for "more"

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  function problem(text) {
    document.getElementById('problem').textContent = text || '';
  }

  async function api(path, options) {
    const res = await fetch(base + '/api/' + path, Object.assign({ credentials: 'same-origin' }, options));
    const body = await res.json().catch(() => ({}));
    if (res.status === 401) { location.href = base + '/login'; throw new Error('not logged in'); }
    if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
    return body;
  }

  function post(path, body) {
    return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
  }

  function seconds(s) {
    if (!s) return '–';
    if (s < 1) return Math.round(s * 1000) + ' ms';
    if (s < 120) return s.toFixed(1) + ' s';
    if (s < 7200) return Math.round(s / 60) + ' min';
    return (s / 3600).toFixed(1) + ' h';
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString() : '';
  }

  // ---------------------------------------------------------------- queues

  function sparkline(values) {
    const w = 120, h = 24, max = Math.max(1, ...values);
    const pts = values.map((v, i) => (values.length < 2 ? 0 : i * w / (values.length - 1)).toFixed(1) + ','
      + (h - 2 - v * (h - 4) / max).toFixed(1)).join(' ');
    return svg('svg', { width: w, height: h, viewBox: `0 0 ${w} ${h}` }, svg('polyline', { class: 'depth', points: pts }));
  }

  async function queueAction(queue, verb) {
    try {
      await post('queues/' + verb, { queue });
      await refresh();
    } catch (e) { problem(e.message); }
  }

  function drawQueues(queues) {
    const body = document.querySelector('#queues tbody');
    const select = document.querySelector('#filters select[name=queue]');
    const chosen = select.value;
    body.replaceChildren();
    select.replaceChildren(el('option', { value: '' }, 'any queue'));
    for (const q of queues) {
      const samples = depthSamples[q.queue] = (depthSamples[q.queue] || []).concat([q.available + q.scheduled]).slice(-120);
      body.append(el('tr', { 'data-queue': q.queue },
        el('td', {}, q.queue),
        el('td', { class: q.paused ? 'paused' : '' }, q.paused ? 'paused' : 'active'),
        el('td', { class: 'n' }, q.available),
        el('td', { class: 'n' }, q.scheduled),
        el('td', { class: 'n' }, q.running),
        el('td', { class: 'n' }, seconds(q.oldestWaitSeconds)),
        el('td', { class: 'n' }, q.tasks.pending),
        el('td', { class: 'n' }, q.tasks.completed),
        el('td', { class: 'n' }, q.tasks.dead),
        el('td', { class: 'n' }, q.tasks.cancelled),
        el('td', {}, sparkline(samples)),
        el('td', {}, el('button', { 'data-action': q.paused ? 'resume' : 'pause',
          onclick: () => queueAction(q.queue, q.paused ? 'resume' : 'pause') }, q.paused ? 'Resume' : 'Pause'))));
      select.append(el('option', { value: q.queue, selected: q.queue === chosen }, q.queue));
    }
  }

  // ---------------------------------------------------------------- charts

  function drawSeries(data) {
    const only = document.querySelector('#filters select[name=queue]').value;   // the task filter's queue, if any
    const minutes = data.minutes, end = Math.floor(data.now / 60) * 60, start = end - (minutes - 1) * 60;
    const done = new Array(minutes).fill(0), failed = new Array(minutes).fill(0);
    for (const p of data.points) {
      if (only && p.queue !== only) continue;
      const i = (p.minute - start) / 60;
      if (i >= 0 && i < minutes) { done[i] += p.completed; failed[i] += p.failed; }
    }
    const w = 480, h = 140, pad = 28, bw = (w - pad) / minutes;
    const max = Math.max(1, ...done.map((d, i) => d + failed[i]));
    const bars = svg('svg', { width: w, height: h + 14, viewBox: `0 0 ${w} ${h + 14}`, 'data-chart': 'throughput' });
    bars.append(svg('line', { class: 'axis', x1: pad, y1: h, x2: w, y2: h }), svg('text', { x: 0, y: 10 }, max),
      svg('text', { x: pad, y: h + 12 }, `-${minutes} min`), svg('text', { x: w - 24, y: h + 12 }, 'now'));
    done.forEach((d, i) => {
      const x = pad + i * bw, hd = d * (h - 4) / max, hf = failed[i] * (h - 4) / max;
      if (d) bars.append(svg('rect', { class: 'completed', x, y: h - hd, width: Math.max(1, bw - 1), height: hd },
        svg('title', {}, `${d} completed`)));
      if (failed[i]) bars.append(svg('rect', { class: 'failed', x, y: h - hd - hf, width: Math.max(1, bw - 1), height: hf },
        svg('title', {}, `${failed[i]} failed`)));
    });
    document.getElementById('throughput').replaceChildren(bars);
    const rate = done.map((d, i) => (d + failed[i]) ? failed[i] / (d + failed[i]) : 0);
    const pts = rate.map((r, i) => (pad + i * bw + bw / 2).toFixed(1) + ',' + (h - r * (h - 4)).toFixed(1)).join(' ');
    const line = svg('svg', { width: w, height: h + 14, viewBox: `0 0 ${w} ${h + 14}`, 'data-chart': 'failures' },
      svg('line', { class: 'axis', x1: pad, y1: h, x2: w, y2: h }), svg('text', { x: 0, y: 10 }, '100%'),
      svg('text', { x: 0, y: h }, '0%'), svg('polyline', { class: 'rate', points: pts }));
    document.getElementById('failures').replaceChildren(line);
  }

  // ---------------------------------------------------------------- tasks

  function filterQuery() {
    const form = new FormData(document.getElementById('filters'));
    const params = new URLSearchParams();
    for (const [k, v] of form) if (v) params.set(k, v);
    return params;
  }

  async function loadTasks(more) {
    const params = filterQuery();
    if (more && before) params.set('before', before);
    const data = await api('tasks?' + params);
    const body = document.querySelector('#tasks tbody');
    if (!more) body.replaceChildren();
    for (const t of data.tasks) {
      body.append(el('tr', { class: 'clickable', 'data-task-id': t.taskId, onclick: () => { location.hash = 'task=' + t.taskId; } },
        el('td', { class: 'n' }, t.taskId), el('td', {}, t.name), el('td', {}, t.queue),
        el('td', { class: 'state-' + t.state }, t.state), el('td', { class: 'n' }, t.attempt + '/' + t.maxAttempts),
        el('td', {}, time(t.createdAt)), el('td', { class: 'state-dead' }, t.error ? t.error.split('\n')[0] : '')));
      before = t.taskId;
    }
    document.getElementById('more').hidden = !data.more;
  }

  // ---------------------------------------------------------------- a task

  function payload(p) {
    if (!p) return el('span', { class: 'muted' }, 'none');
    let text = p.text;
    if (text !== null && text !== undefined) {
      try { text = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON: as it is */ }
      return el('pre', {}, text);
    }
    return el('pre', {}, 'base64 (' + p.bytes + ' bytes): ' + p.base64);
  }

  async function taskAction(id, verb) {
    if (verb === 'delete' && !confirm('Delete task ' + id + ' with its runs and steps?')) return;
    try {
      await post('tasks/' + id + '/' + verb, {});
      if (verb === 'delete') { location.hash = ''; } else { await showTask(id); }
      await refresh();
    } catch (e) { problem(e.message); }
  }

  async function showTask(id) {
    const box = document.getElementById('detail');
    let t;
    try { t = await api('tasks/' + encodeURIComponent(id)); } catch (e) { problem(e.message); box.hidden = true; return; }
    if (location.hash !== '#task=' + id) return;   // another task was chosen while this one loaded
    const final = ['completed', 'dead', 'cancelled'].includes(t.state);
    const actions = el('p', {},
      final ? el('button', { 'data-action': 'retry', onclick: () => taskAction(t.taskId, 'retry') }, 'Retry') : null, ' ',
      final ? null : el('button', { 'data-action': 'cancel', onclick: () => taskAction(t.taskId, 'cancel') }, 'Cancel'), ' ',
      final ? el('button', { 'data-action': 'delete', onclick: () => taskAction(t.taskId, 'delete') }, 'Delete') : null, ' ',
      el('button', { onclick: () => { location.hash = ''; } }, 'Close'));
    const facts = el('dl', {});
    for (const [k, v] of [['state', t.state], ['queue', t.queue], ['priority', t.priority],
      ['attempt', t.attempt + ' of ' + t.maxAttempts], ['idempotency key', t.idempotencyKey],
      ['headers', Object.keys(t.headers || {}).length ? JSON.stringify(t.headers) : null],
      ['created', time(t.createdAt)], ['finished', time(t.finishedAt)]]) {
      if (v !== null && v !== undefined && v !== '') facts.append(el('dt', {}, k), el('dd', { 'data-field': k }, v));
    }
    const runs = el('table', { class: 'runs' }, el('thead', {}, el('tr', {}, ...['run', 'attempt', 'state', 'worker',
      'available', 'claimed', 'finished', 'error'].map(h => el('th', {}, h)))));
    const runBody = el('tbody', {});
    for (const r of t.runs) {
      runBody.append(el('tr', {}, el('td', { class: 'n' }, r.runId), el('td', { class: 'n' }, r.attempt),
        el('td', { class: 'state-' + r.state }, r.state), el('td', {}, r.workerId || ''), el('td', {}, time(r.availableAt)),
        el('td', {}, time(r.claimedAt)), el('td', {}, time(r.finishedAt)), el('td', {}, r.error ? el('pre', {}, r.error) : '')));
    }
    runs.append(runBody);
    const steps = el('table', { class: 'steps' }, el('thead', {}, el('tr', {}, el('th', {}, 'step'), el('th', {}, 'run'),
      el('th', {}, 'stored'), el('th', {}, 'value'))));
    const stepBody = el('tbody', {});
    for (const s of t.steps) {
      stepBody.append(el('tr', {}, el('td', {}, s.name), el('td', { class: 'n' }, s.runId), el('td', {}, time(s.createdAt)),
        el('td', {}, payload(s.value))));
    }
    steps.append(stepBody);
    box.replaceChildren(...[el('h2', {}, 'Task ' + t.taskId + ': ' + t.name), actions, facts,
      el('h3', {}, 'Params'), el('div', { 'data-part': 'params' }, payload(t.params)),
      el('h3', {}, 'Result'), el('div', { 'data-part': 'result' }, payload(t.result)),
      t.error ? el('h3', {}, 'Last error') : null, t.error ? el('pre', { 'data-part': 'error' }, t.error) : null,
      el('h3', {}, 'Runs'), runs, el('h3', {}, 'Steps'), t.steps.length ? steps : el('p', { class: 'muted' }, 'no steps stored')]
      .filter(c => c !== null));
    box.hidden = false;
    box.dataset.taskId = t.taskId;
  }

  // ---------------------------------------------------------------- refresh

  async function refresh() {
    try {
      const [queues, series] = await Promise.all([api('queues'), api('series?minutes=60')]);
      drawQueues(queues.queues);
      drawSeries(series);
      await loadTasks(false);
      document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
      problem('');
    } catch (e) { problem(e.message); }
  }

  function route() {
    const m = /^#task=(\d+)$/.exec(location.hash);
    if (m) showTask(m[1]); else document.getElementById('detail').hidden = true;
  }

  document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); before = null; loadTasks(false).catch(x => problem(x.message)); });
  document.getElementById('more').addEventListener('click', () => loadTasks(true).catch(x => problem(x.message)));
  window.addEventListener('hashchange', route);
  setInterval(() => { if (document.getElementById('live').checked) refresh(); }, 3000);
  refresh();
  route();
})();
