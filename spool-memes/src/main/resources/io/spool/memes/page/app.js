// The spool-memes page: a searchable template gallery (with each template's text boxes drawn over the preview
// and its styles), caption fields, a live preview, a download link, a "render as job" toggle, captioning a
// picture of your own, and saving it as a template when the server has an admin token. Plain browser
// JavaScript, no build step; it talks to the service's JSON API.
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
    search: $('template-search'), info: $('template-info'), style: $('style'), styleRow: $('style-row'),
    boxes: $('boxes'), showBoxes: $('show-boxes'), own: $('own-image'), ownClear: $('own-image-clear'),
    upload: $('upload'), uploadName: $('upload-name'), uploadKeywords: $('upload-keywords'),
    uploadToken: $('upload-token'), uploadSubmit: $('upload-submit'), uploadStatus: $('upload-status'),
  };
  // fields that steer the page rather than the caption: they do not re-render on input
  const NOT_CAPTION = new Set(['template-search', 'own-image', 'upload-name', 'upload-keywords', 'upload-token',
    'show-boxes', 'as-job']);

  let template = null;      // the selected template's name
  let timer = 0;            // the pending debounce timer
  let inFlight = null;      // AbortController of the render in flight
  let generation = 0;       // bumped for each render; a stale one never touches the page
  let objectUrl = null;     // the blob URL the preview and download link show
  let details = {};         // template name → its metadata from GET /templates?details
  let ownImage = null;      // a picture of the user's (a File), captioned instead of the template
  let searchTimer = 0;

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
    if (el.style.value && !ownImage) f.style = el.style.value;
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
    if (ownImage) delete f.template;
    const url = captionUrl(f);
    el.link.href = ownImage ? '' : url;
    setBusy(true);
    try {
      const blob = ownImage ? await renderOwn(f, controller.signal)
        : el.asJob.checked
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

  /** The user's picture with the captions: a multipart POST /caption, the picture as its file part. */
  async function renderOwn(f, signal) {
    const form = new FormData();
    for (const [k, v] of Object.entries(f)) form.append(k, v);
    form.append('image', ownImage, ownImage.name || 'image');
    const response = await request('/caption', { method: 'POST', body: form, signal });
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

  function select(name, focus, rerender = true) {
    template = name;
    for (const button of el.gallery.querySelectorAll('button.thumb')) {
      const on = button.dataset.template === name;
      button.setAttribute('aria-pressed', String(on));
      if (on && focus) button.focus();
    }
    describe();
    if (rerender) render();
  }

  /** The selected template's size, boxes and styles under the gallery, and its boxes over the preview. */
  function describe() {
    const d = details[template];
    el.style.textContent = '';
    el.style.append(new Option('Default', '', true, true));
    for (const style of (d && d.styles) || []) el.style.append(new Option(style, style));
    el.styleRow.hidden = !d || !d.styles || d.styles.length === 0;
    if (!d) {
      el.info.textContent = '';
    } else {
      const boxes = d.boxes.length;
      el.info.textContent = (d.title || d.name) + ': ' + d.width + '×' + d.height
        + (d.frames > 1 ? ', ' + d.frames + ' frames' : '')
        + (boxes ? ', ' + boxes + ' text box' + (boxes === 1 ? '' : 'es') : ', top/middle/bottom captions')
        + (d.keywords.length ? ' · ' + d.keywords.join(', ') : '');
    }
    drawBoxes();
  }

  /** One outline per text box, placed as the service places captions (fractions of the picture, turned). */
  function drawBoxes() {
    el.boxes.textContent = '';
    const d = details[template];
    el.boxes.hidden = !el.showBoxes.checked || ownImage !== null || !d;
    if (!d) return;
    d.boxes.forEach((b, i) => {
      const box = document.createElement('div');
      box.className = 'box';
      box.id = 'box-' + i;
      box.style.left = (b.anchor_x * 100) + '%';
      box.style.top = (b.anchor_y * 100) + '%';
      box.style.width = (b.scale_x * 100) + '%';
      box.style.height = (b.scale_y * 100) + '%';
      if (b.angle) box.style.transform = 'rotate(' + (-b.angle) + 'deg)';
      const label = document.createElement('span');
      label.textContent = String(i + 1);
      box.append(label);
      el.boxes.append(box);
    });
  }

  function buildGallery(names) {
    el.gallery.textContent = '';
    if (names.length === 0) {
      const none = document.createElement('p');
      none.className = 'muted';
      none.id = 'gallery-status';
      none.textContent = 'No template matches.';
      el.gallery.append(none);
    }
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
  }

  function wireGalleryKeys() {
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

  /** The gallery of the templates matching the search; keeps the selection when it still matches. */
  async function loadTemplates(wanted) {
    try {
      const filter = el.search.value.trim();
      const response = await fetch('/templates?details' + (filter ? '&filter=' + encodeURIComponent(filter) : ''),
        { headers: { 'Accept': 'application/json' } });
      if (!response.ok) throw new Error(await errorMessage(response));
      const list = await response.json();
      if (!Array.isArray(list)) throw new Error('unexpected answer from /templates');
      details = {};
      for (const d of list) details[d.name] = d;
      const names = list.map((d) => String(d.name));
      buildGallery(names);
      if (names.length === 0) {
        describe();
        return;
      }
      const choice = wanted || template || new URLSearchParams(location.search).get('template');
      const next = names.includes(choice) ? choice : names[0];
      select(next, false, next !== template || !el.preview.getAttribute('src'));
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

  // ---- your own picture, and saving it as a template ----------------------------------------------

  function useOwnImage(file) {
    ownImage = file || null;
    el.ownClear.disabled = ownImage === null;
    if (ownImage && !el.uploadName.value) {
      el.uploadName.value = (ownImage.name || '').toLowerCase().replace(/\.[a-z0-9]+$/, '')
        .replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+/, '').slice(0, 64);
    }
    drawBoxes();
    render();
  }

  async function saveTemplate() {
    const say = (text, state) => { el.uploadStatus.value = text; el.uploadStatus.textContent = text;
      el.uploadStatus.dataset.state = state; };
    if (!ownImage) { say('Choose a picture first.', 'error'); return; }
    const name = el.uploadName.value.trim();
    const form = new FormData();
    form.append('name', name);
    if (el.uploadKeywords.value.trim()) form.append('keywords', el.uploadKeywords.value.trim());
    form.append('image', ownImage, ownImage.name || 'image');
    say('Saving…', 'busy');
    try {
      const response = await request('/templates', { method: 'POST', body: form,
        headers: { 'Authorization': 'Bearer ' + el.uploadToken.value } });
      if (!response.ok) { say(await errorMessage(response), 'error'); return; }
      say('Saved as ' + name + '.', 'saved');
      el.own.value = '';
      ownImage = null;
      el.ownClear.disabled = true;
      el.search.value = '';
      await loadTemplates(name);
    } catch (e) {
      say(e instanceof Error ? e.message : String(e), 'error');
    }
  }

  async function loadFeatures() {
    try {
      const response = await fetch('/features', { headers: { 'Accept': 'application/json' } });
      if (!response.ok) return;
      const features = await response.json();
      el.upload.hidden = !features.uploads;
    } catch (_) { /* no uploads then */ }
  }

  // ---- wiring ------------------------------------------------------------------------------------

  el.form.addEventListener('submit', (event) => { event.preventDefault(); render(); });
  el.form.addEventListener('input', (event) => {
    if (NOT_CAPTION.has(event.target.id)) return;
    schedule();
  });
  el.search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => loadTemplates(), DEBOUNCE_MS);
  });
  el.own.addEventListener('change', () => useOwnImage(el.own.files && el.own.files[0]));
  el.ownClear.addEventListener('click', () => { el.own.value = ''; useOwnImage(null); });
  el.uploadSubmit.addEventListener('click', saveTemplate);
  el.showBoxes.addEventListener('change', drawBoxes);
  el.form.addEventListener('change', (event) => {
    if (event.target === el.size) {
      el.sizePx.disabled = el.sizePx.hidden = el.size.value !== 'px';
    }
    if (event.target === el.asJob) {
      setJobState(el.asJob.checked ? 'idle' : '–');
      render();
      return;
    }
    if (NOT_CAPTION.has(event.target.id)) return;
    if (event.target.tagName === 'SELECT' || event.target.type === 'checkbox') schedule();
  });
  el.download.addEventListener('click', (event) => {
    if (!objectUrl) event.preventDefault();
  });
  el.preview.addEventListener('error', () => {
    if (el.preview.getAttribute('src')) showError('The image could not be displayed');
  });

  wireGalleryKeys();
  loadFeatures();
  loadFonts();
  loadTemplates();
})();
