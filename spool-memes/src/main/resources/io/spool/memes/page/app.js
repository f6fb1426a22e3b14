// The spool-memes page: a template gallery, caption fields, a live preview, a download link and a
// "render as job" toggle. Plain browser JavaScript, no build step; it talks to the service's JSON API.
'use strict';

(() => {
  const DEBOUNCE_MS = 250;
  const POLL_FIRST_MS = 200;
  const POLL_MAX_MS = 2000;
  const PLACES = ['top', 'middle', 'bottom'];
  const EXTENSIONS = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

  const $ = (id) => document.getElementById(id);
  const el = {
    form: $('form'), gallery: $('gallery'), galleryStatus: $('gallery-status'),
    color: $('color'), outline: $('outline'), noOutline: $('no-outline'),
    size: $('size'), sizePx: $('size-px'), font: $('font'), format: $('format'),
    asJob: $('as-job'), jobState: $('job-state'),
    preview: $('preview'), previewBox: $('preview-box'), loading: $('loading'),
    error: $('error'), download: $('download'), link: $('image-link'),
  };

  let template = null;      // the selected template's name
  let timer = 0;            // the pending debounce timer
  let inFlight = null;      // AbortController of the render in flight
  let generation = 0;       // bumped for each render; a stale one never touches the page
  let objectUrl = null;     // the blob URL the preview and download link show

  // ---- the request -------------------------------------------------------------------------------

  /** The caption request of the form, as flat string fields (the query form of GET /caption). */
  function fields() {
    const f = { template };
    for (const place of PLACES) {
      const text = $(place + '-text').value;
      if (text.trim() !== '') {
        f[place + '_text'] = text;
        f[place + '_align'] = $(place + '-align').value;
      }
    }
    f.color = el.color.value;
    f.outline = el.noOutline.checked ? 'none' : el.outline.value;
    f.size = el.size.value === 'px' ? String(el.sizePx.value || 48) : el.size.value;
    if (el.font.value) f.font = el.font.value;
    if (el.format.value) f.format = el.format.value;
    return f;
  }

  const captionUrl = (f) => '/caption?' + new URLSearchParams(f).toString();

  function fileName(f, contentType) {
    const words = PLACES.map((p) => f[p + '_text'] || '').join(' ')
      .toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48)
      .replace(/-+$/, '');
    const type = (contentType || '').split(';')[0].trim().toLowerCase();
    const ext = EXTENSIONS[type] || (f.format === 'jpeg' ? 'jpg' : f.format) || 'png';
    return (f.template || 'meme') + (words ? '-' + words : '') + '.' + ext;
  }

  // ---- page state --------------------------------------------------------------------------------

  function setBusy(busy) {
    el.previewBox.setAttribute('aria-busy', String(busy));
    el.previewBox.classList.toggle('is-loading', busy);
    el.loading.hidden = !busy;
  }

  function showError(message) {
    el.error.textContent = message;
    el.error.hidden = false;
    el.preview.classList.add('stale');
  }

  function clearError() {
    el.error.textContent = '';
    el.error.hidden = true;
  }

  function setJobState(state) {
    el.jobState.value = state;
    el.jobState.textContent = state;
    el.jobState.dataset.state = state;
  }

  function showImage(blob, f, url) {
    const previous = objectUrl;
    objectUrl = URL.createObjectURL(blob);
    el.preview.src = objectUrl;
    el.preview.dataset.request = url;
    el.preview.classList.remove('stale');
    el.download.href = objectUrl;
    el.download.download = fileName(f, blob.type);
    el.download.classList.remove('disabled');
    el.download.removeAttribute('aria-disabled');
    if (previous) {
      // let the new image replace the old one before the old bytes go
      setTimeout(() => URL.revokeObjectURL(previous), 1000);
    }
  }

  /** The message of an error answer: the JSON {"error": ...} the API gives, or the status line. */
  async function errorMessage(response) {
    let detail = '';
    try {
      const text = await response.text();
      try {
        const json = JSON.parse(text);
        detail = (json && json.error) || '';
      } catch (_) {
        detail = text.slice(0, 200);
      }
    } catch (_) { /* no body */ }
    return (detail || response.statusText || 'request failed') + ' (HTTP ' + response.status + ')';
  }

  function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      const t = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => { clearTimeout(t); reject(signal.reason); }, { once: true });
    });
  }

  // ---- rendering ---------------------------------------------------------------------------------

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(render, DEBOUNCE_MS);
  }

  async function render() {
    clearTimeout(timer);
    if (!template) return;
    if (inFlight) inFlight.abort();
    const controller = new AbortController();
    inFlight = controller;
    const mine = ++generation;
    const current = () => mine === generation;
    const f = fields();
    const url = captionUrl(f);
    el.link.href = url;
    setBusy(true);
    try {
      const blob = el.asJob.checked
        ? await renderJob(f, controller.signal, current)
        : await renderDirect(url, controller.signal);
      if (!current()) return;
      clearError();
      showImage(blob, f, url);
    } catch (e) {
      if (!current() || (e && e.name === 'AbortError')) return;
      showError(e instanceof Error ? e.message : String(e));
    } finally {
      if (current()) {
        setBusy(false);
        inFlight = null;
      }
    }
  }

  /** fetch, with a network failure (not an abort) told as such. */
  async function request(url, options) {
    try {
      return await fetch(url, options);
    } catch (e) {
      if (e && e.name === 'AbortError') throw e;
      throw new Error('Could not reach the server');
    }
  }

  async function renderDirect(url, signal) {
    const response = await request(url, { signal });
    if (!response.ok) throw new Error(await errorMessage(response));
    return response.blob();
  }

  async function renderJob(f, signal, current) {
    setJobState('submitting');
    const body = Object.assign({}, f);
    if (/^\d+$/.test(body.size)) body.size = Number(body.size);
    let response = await request('/jobs', {
      method: 'POST', signal,
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const message = await errorMessage(response);
      if (current()) setJobState('failed');
      throw new Error(message);
    }
    const job = await response.json();
    if (current()) setJobState(job.state || 'pending');
    const jobUrl = job.url || '/jobs/' + encodeURIComponent(job.id);
    let delay = POLL_FIRST_MS;
    for (;;) {
      await sleep(delay, signal);
      delay = Math.min(POLL_MAX_MS, Math.round(delay * 1.6));
      response = await request(jobUrl, { signal, headers: { 'Accept': 'image/*, application/json' } });
      const type = response.headers.get('Content-Type') || '';
      if (response.status === 202) {
        const status = await response.json();
        if (current()) setJobState(status.state || 'pending');
        continue;
      }
      if (response.ok && type.startsWith('image/')) {
        const blob = await response.blob();
        if (current()) setJobState('completed');
        return blob;
      }
      const message = await errorMessage(response);
      if (current()) setJobState('failed');
      throw new Error(message);
    }
  }

  // ---- the gallery -------------------------------------------------------------------------------

  function select(name, focus) {
    template = name;
    for (const button of el.gallery.querySelectorAll('button.thumb')) {
      const on = button.dataset.template === name;
      button.setAttribute('aria-pressed', String(on));
      if (on && focus) button.focus();
    }
    render();
  }

  function buildGallery(names) {
    el.gallery.textContent = '';
    for (const name of names) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'thumb';
      button.id = 'template-' + name;
      button.dataset.template = name;
      button.setAttribute('aria-pressed', 'false');
      const img = document.createElement('img');
      img.src = '/templates/' + encodeURIComponent(name);
      img.alt = '';
      img.loading = 'lazy';
      const label = document.createElement('span');
      label.textContent = name;
      button.append(img, label);
      button.addEventListener('click', () => select(name, false));
      el.gallery.append(button);
    }
    // arrow keys move between thumbnails; Enter and Space select (they are buttons)
    el.gallery.addEventListener('keydown', (event) => {
      const buttons = [...el.gallery.querySelectorAll('button.thumb')];
      const at = buttons.indexOf(document.activeElement);
      if (at < 0) return;
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (step) {
        event.preventDefault();
        buttons[(at + step + buttons.length) % buttons.length].focus();
      }
    });
  }

  async function loadTemplates() {
    try {
      const response = await fetch('/templates', { headers: { 'Accept': 'application/json' } });
      if (!response.ok) throw new Error(await errorMessage(response));
      const names = await response.json();
      if (!Array.isArray(names) || names.length === 0) {
        el.galleryStatus.textContent = 'No templates.';
        return;
      }
      buildGallery(names.map(String));
      const wanted = new URLSearchParams(location.search).get('template');
      select(names.includes(wanted) ? wanted : names[0], false);
    } catch (e) {
      el.galleryStatus.textContent = 'Could not load templates.';
      showError(e instanceof Error ? e.message : String(e));
    }
  }

  async function loadFonts() {
    try {
      const response = await fetch('/fonts', { headers: { 'Accept': 'application/json' } });
      if (!response.ok) return;
      const names = await response.json();
      for (const name of Array.isArray(names) ? names : []) {
        const option = document.createElement('option');
        option.value = option.textContent = String(name);
        el.font.append(option);
      }
    } catch (_) { /* the default font still works */ }
  }

  // ---- wiring ------------------------------------------------------------------------------------

  el.form.addEventListener('submit', (event) => { event.preventDefault(); render(); });
  el.form.addEventListener('input', (event) => {
    if (event.target === el.asJob) return;
    schedule();
  });
  el.form.addEventListener('change', (event) => {
    if (event.target === el.size) {
      el.sizePx.disabled = el.sizePx.hidden = el.size.value !== 'px';
    }
    if (event.target === el.asJob) {
      setJobState(el.asJob.checked ? 'idle' : '–');
      render();
      return;
    }
    if (event.target.tagName === 'SELECT' || event.target.type === 'checkbox') schedule();
  });
  el.download.addEventListener('click', (event) => {
    if (!objectUrl) event.preventDefault();
  });
  el.preview.addEventListener('error', () => {
    if (el.preview.getAttribute('src')) showError('The image could not be displayed');
  });

  loadFonts();
  loadTemplates();
})();
