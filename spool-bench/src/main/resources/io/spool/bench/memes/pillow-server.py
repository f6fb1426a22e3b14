"""The Pillow contender of `./spool bench memes`: an HTTP server answering
  GET /caption?template=NAME&format=png|jpeg|gif&top_text=...&bottom_text=...
with the template captioned as memegen's renderer does it: ImageDraw.text with stroke_width/stroke_fill in the
font file, on every frame of an animation, saved by Pillow. Layout rules are spool-memes' defaults ("fit"): a
third of the height inside 3% margins per place, words wrapped to the width, the size shrunk by 0.9 from
min(h/7, w/5) until the block fits; an outline of max(1.5, size/8) centred on the glyph edge, so
size/16 outside it, which is Pillow's stroke_width. Usage:
  python3 pillow-server.py PORT PROCESSES FONT_FILE JPEG_QUALITY PNG_LEVEL NAME=FILE...
The socket is bound once, then PROCESSES processes (forked) each serve it with a thread per connection, so
the GIL of one does not hold the others. Prints "listening PORT VERSIONS" once they all serve."""
import functools
import io
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import PIL
from PIL import Image, ImageDraw, ImageFont, ImageSequence

PORT, PROCESSES, FONT_FILE, JPEG_QUALITY, PNG_LEVEL = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
FORMATS = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF"}


class Template:
    """A template decoded once: its RGB frames (one for a still), their durations and the loop count."""

    def __init__(self, path):
        with Image.open(path) as image:
            self.frames = [frame.convert("RGB") for frame in ImageSequence.Iterator(image)]
            self.durations = [frame.info.get("duration", 100) for frame in ImageSequence.Iterator(image)]
            self.loop = image.info.get("loop", 0)
        self.width, self.height = self.frames[0].size


TEMPLATES = {name: Template(path) for name, path in (arg.split("=", 1) for arg in sys.argv[6:])}


@functools.lru_cache(maxsize=256)
def font(size):
    return ImageFont.truetype(FONT_FILE, size)


def wrap(text, face, width):
    """Words wrapped greedily to width; None when one word alone is wider."""
    lines, line = [], ""
    for word in text.split():
        candidate = line + " " + word if line else word
        if face.getlength(candidate) <= width:
            line = candidate
        elif face.getlength(word) > width:
            return None
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def fit(text, width, height, start):
    size = start
    while size > 8:
        face = font(round(size))
        ascent, descent = face.getmetrics()
        lines = wrap(text, face, width)
        if lines is not None and len(lines) * (ascent + descent) <= height:
            return face, size, lines
        size *= 0.9
    face = font(8)
    return face, 8, wrap(text, face, float("inf"))


def caption(template, captions, fmt):
    w, h = template.width, template.height
    margin = max(4, min(w, h) * 0.03)
    region = (h - 2 * margin) / 3
    placed = []
    for place, text in enumerate(captions):
        if not text.strip():
            continue
        face, size, lines = fit(text, w - 2 * margin, region, max(8, min(h / 7, w / 5)))
        ascent, descent = face.getmetrics()
        y = margin if place == 0 else h - margin - (ascent + descent) * len(lines)
        for line in lines:
            placed.append((line, face, y + ascent, max(1, round(max(1.5, size / 8) / 2))))
            y += ascent + descent
    frames = []
    for frame in template.frames:
        frame = frame.copy()
        draw = ImageDraw.Draw(frame)
        for line, face, baseline, stroke in placed:
            draw.text((w / 2, baseline), line, font=face, fill="white", anchor="ms",
                      stroke_width=stroke, stroke_fill="black")
        frames.append(frame)
    out = io.BytesIO()
    if fmt == "gif":
        frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=template.durations,
                       loop=template.loop)
    elif fmt == "jpeg":
        frames[0].save(out, "JPEG", quality=JPEG_QUALITY)
    else:
        frames[0].save(out, "PNG", compress_level=PNG_LEVEL)
    return out.getvalue()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive, as the other contenders

    def do_GET(self):
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        template = TEMPLATES.get(query.get("template"))
        fmt = query.get("format")
        if url.path != "/caption" or template is None or fmt not in FORMATS:
            return self.answer(404, "text/plain", b"no such template or format")
        try:
            body = caption(template, [query.get("top_text", ""), query.get("bottom_text", "")], fmt)
        except Exception as e:  # the bench reports the message
            return self.answer(500, "text/plain", repr(e).encode())
        self.answer(200, "image/" + fmt, body)

    def answer(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's backlog of 5 drops connections when 64 clients connect at once; their SYNs are then resent
    # after 1, 2, 4... seconds, which would be measured as Pillow's latency
    request_queue_size = 1024


def main():
    server = Server(("127.0.0.1", int(PORT)), Handler)
    children = []
    for _ in range(PROCESSES - 1):
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            server.serve_forever()
            os._exit(0)
        children.append(pid)

    def stop(*_):
        for pid in children:
            os.kill(pid, signal.SIGTERM)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    print("listening", server.server_address[1], "Pillow", PIL.__version__, "Python", sys.version.split()[0], "processes",
          PROCESSES, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
