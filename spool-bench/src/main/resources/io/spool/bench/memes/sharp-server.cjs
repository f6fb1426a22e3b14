'use strict';
// The sharp contender of `./spool bench memes`: an HTTP server answering
//   GET /caption?template=NAME&format=png|jpeg|gif&top_text=...&bottom_text=...
// with the template captioned as sharp's users caption: the text laid out here (opentype.js measures it in the
// font file), drawn as an SVG overlay (librsvg, through fontconfig, in that same font), composited by libvips.
// Layout rules are spool-memes' defaults ("fit"): a third of the height inside 3% margins per place, words
// wrapped to the width, the size shrunk by 0.9 from min(h/7, w/5) until the block fits; outline width
// max(1.5, size/8), drawn under the white fill. Usage (FONTCONFIG_FILE names the font's folder):
//   node sharp-server.cjs PORT WORKERS FONT_FILE JPEG_QUALITY PNG_LEVEL NAME=FILE...
// WORKERS > 1 runs that many cluster workers sharing the port; prints "listening PORT VERSIONS" once all listen.
const cluster = require('node:cluster');
const http = require('node:http');
const fs = require('node:fs');

const [port, workers, fontFile, jpegQuality, pngLevel, ...templateArgs] = process.argv.slice(2);

if (cluster.isPrimary && Number(workers) > 1) {
  let listening = 0;
  for (let i = 0; i < Number(workers); i++) {
    cluster.fork().on('message', (m) => {
      if (++listening === Number(workers)) console.log(`listening ${m.port} ${m.about}, cluster of ${workers} workers`);
    });
  }
  cluster.on('exit', (w, code) => { console.error('worker exited with ' + code); process.exit(1); });
  process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers)) w.kill(); process.exit(0); });
} else {
  serve();
}

function serve() {
  const sharp = require('sharp');
  const opentype = require('opentype.js');
  const font = opentype.loadSync(fontFile);
  const family = font.names.fontFamily.en;
  const templates = {};
  for (const arg of templateArgs) {
    const [name, file] = arg.split('=');
    templates[name] = {file, bytes: fs.readFileSync(file)};
  }
  // stills are decoded once, to sRGB pixels (as the other contenders keep decoded templates); animations are
  // read from their file's bytes on each request, all frames (sharp has no input for raw animations)
  const ready = Object.values(templates).map(async (t) => {
    const m = await sharp(t.bytes, {animated: true}).metadata();
    t.width = m.width;
    t.height = m.pageHeight || m.height;
    if (!m.pages || m.pages === 1) {
      const {data, info} = await sharp(t.bytes).toColourspace('srgb').raw().toBuffer({resolveWithObject: true});
      t.raw = {data, options: {raw: {width: info.width, height: info.height, channels: info.channels}}};
    }
  });

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname !== '/caption') throw status(404, 'no such path');
      const t = templates[url.searchParams.get('template')];
      if (!t) throw status(404, 'no such template');
      const format = url.searchParams.get('format');
      const svg = overlay(t.width, t.height,
          [url.searchParams.get('top_text') || '', url.searchParams.get('bottom_text') || '']);
      const image = (t.raw ? sharp(t.raw.data, t.raw.options) : sharp(t.bytes, {animated: true}))
          .composite([{input: Buffer.from(svg), tile: true, gravity: 'northwest'}]);
      const out = await encode(image, format).toBuffer();
      res.writeHead(200, {'content-type': 'image/' + format, 'content-length': out.length});
      res.end(out);
    } catch (e) {
      res.writeHead(e.status || 500, {'content-type': 'text/plain'});
      res.end(String(e.message));
    }
  });

  // idle connections outlive the JDK client's own 30 s keep-alive: the client, not a race with it, closes them
  server.keepAliveTimeout = 60000;

  function encode(image, format) {
    switch (format) {
      // the service's settings: baseline JPEG, standard Huffman tables, 4:2:0; zlib level as its PNG encoder's
      case 'jpeg': return image.jpeg({quality: Number(jpegQuality), optimiseCoding: false, chromaSubsampling: '4:2:0'});
      case 'png': return image.png({compressionLevel: Number(pngLevel), adaptiveFiltering: false});
      case 'gif': return image.gif();
      default: throw status(400, 'format must be png, jpeg or gif');
    }
  }

  /** The captions (top, bottom) of a W x H frame as SVG text, placed by spool-memes' rules. */
  function overlay(w, h, captions) {
    const margin = Math.max(4, Math.min(w, h) * 0.03);
    const region = (h - 2 * margin) / 3;
    const scale = 1 / font.unitsPerEm;
    let texts = '';
    captions.forEach((text, place) => {
      if (!text.trim()) return;
      const block = fit(text, w - 2 * margin, region, Math.max(8, Math.min(h / 7, w / 5)));
      const lineHeight = (font.ascender - font.descender) * scale * block.size;
      let y = place === 0 ? margin : h - margin - lineHeight * block.lines.length;
      let lines = '';
      for (const line of block.lines) {
        lines += `<text x="${w / 2}" y="${(y + font.ascender * scale * block.size).toFixed(2)}">${escape(line)}</text>`;
        y += lineHeight;
      }
      texts += `<g font-size="${block.size.toFixed(2)}" stroke-width="${Math.max(1.5, block.size / 8).toFixed(2)}">`
          + lines + '</g>';
    });
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><g font-family="${family}" `
        + 'fill="#ffffff" stroke="#000000" stroke-linejoin="round" stroke-linecap="round" paint-order="stroke" '
        + `text-anchor="middle">${texts}</g></svg>`;
  }

  function fit(text, width, height, start) {
    const lineHeight = (font.ascender - font.descender) / font.unitsPerEm;
    for (let size = start; size > 8; size *= 0.9) {
      const lines = wrap(text, size, width);
      if (lines && lines.length * lineHeight * size <= height) return {size, lines};
    }
    return {size: 8, lines: wrap(text, 8, Infinity)};
  }

  /** Words wrapped greedily to {@code width}; null when one word alone is wider. */
  function wrap(text, size, width) {
    const lines = [];
    let line = '';
    for (const word of text.trim().split(/\s+/)) {
      const candidate = line ? line + ' ' + word : word;
      if (font.getAdvanceWidth(candidate, size) <= width) {
        line = candidate;
      } else if (font.getAdvanceWidth(word, size) > width) {
        return null;
      } else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
    return lines;
  }

  Promise.all(ready).then(() => server.listen(Number(port), '127.0.0.1', () => {
    const bound = server.address().port;
    const about = `sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, Node ${process.version}, `
        + `sharp.concurrency ${sharp.concurrency()}, libuv threads ${process.env.UV_THREADPOOL_SIZE || 4}`;
    if (cluster.isWorker) process.send({port: bound, about}); else console.log(`listening ${bound} ${about}, one process`);
  }));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

function status(code, message) {
  const e = new Error(message);
  e.status = code;
  return e;
}

function escape(s) {
  return s.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'}[c]));
}
