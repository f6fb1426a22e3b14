import re, json, sys
def parse(text):
    """Yields (heading_path, line, meta, http, log) like mdgator: tests are headings with an http block."""
    lines = text.split('\n')
    tests = []; heads = []; cur = None; meta = None
    i = 0
    def flush():
        if cur and 'http' in cur: tests.append(cur)
    while i < len(lines):
        l = lines[i]
        m = re.match(r'^(#+)\s+(.*)$', l)
        setext = i + 1 < len(lines) and re.match(r'^(=+|-+)\s*$', lines[i+1]) and l.strip() and not l.startswith('```')
        if m or setext:
            flush()
            if m: lvl, name = len(m.group(1)), m.group(2).strip()
            else: lvl, name = (1 if lines[i+1].startswith('=') else 2), l.strip(); i += 1
            heads = heads[:lvl-1] + [''] * max(0, lvl-1-len(heads)) + [name]
            cur = {'path': [h for h in heads if h], 'line': i + 1}
            i += 1; continue
        mm = re.match(r'^<!--\s*meta=(\{.*\})\s*-->', l)
        if mm: meta = json.loads(mm.group(1)); i += 1; continue
        fm = re.match(r'^```(\w*)\s*$', l)
        if fm:
            lang = fm.group(1); body = []; i += 1
            while not lines[i].startswith('```'): body.append(lines[i]); i += 1
            val = '\n'.join(body) + '\n'
            if cur is not None:
                if lang == 'http': cur['http'] = val; cur['meta'] = meta; meta = None
                elif lang == 'log': cur['log'] = val
            i += 1; continue
        i += 1
    flush()
    return tests

def to_bytes(inp):
    s = re.sub(r'\n\Z', '', inp, count=1)
    s = re.sub(r'\\(\r\n|\r|\n)', '', s)
    s = re.sub(r'\r\n|\r|\n', '\r\n', s)
    s = s.replace('\\r', '\r').replace('\\n', '\n').replace('\\t', '\t').replace('\\f', '\f')
    s = re.sub(r'\\x([0-9a-fA-F]+)', lambda m: chr(int(m.group(1), 16)), s)
    s = re.sub(r'\\([0-7]{1,3})', lambda m: chr(int(m.group(1), 8)), s)
    if '${' in s: raise ValueError('inline js: ' + s)
    return s.encode('utf-8')  # the fixture hands llhttp the UTF-8 of the JS string (see 'Extended Characters')
