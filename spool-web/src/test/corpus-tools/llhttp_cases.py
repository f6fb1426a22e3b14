"""Converts nodejs/llhttp's test/request/*.md into spool-web corpus cases (see corpus/llhttp/README.md)."""
import json, re, sys, os, glob
sys.path.insert(0, os.path.dirname(__file__))
import mdparse

UPGRADE_PAUSE = 'Pause on CONNECT/Upgrade'
SKIP_TYPES = {'request-finish': 'llhttp_finish() return codes (C API, EOF bookkeeping)'}
# llhttp is a parser and lets the caller judge these; an HTTP/1.1 origin server has an RFC answer.
EITHER_TARGETS = {  # request-targets outside RFC 3986/9112 grammar: 400 is allowed (RFC 9112 3.2), so is serving
    'Quotes in URI': 'a double quote is not a pchar',
    'Query URL with vertical bar character': '| is not a query char',
    'Fragment in URI': 'a request-target has no fragment',
    '`host:port` and basic auth': 'userinfo in an http URI SHOULD be treated as an error (RFC 9110 4.2.4)',
    'M-SEARCH request': 'the asterisk-form is only for OPTIONS (RFC 9112 3.2.4)',
    'No HTTP version': 'an HTTP/0.9 request line: no version to answer in',
}
METHOD_ONLY = {  # a method token llhttp does not know: a server refuses it with 405/501, framing is not in doubt
    'Invalid method', 'HTTP protocol and ANNOUNCE method',
}
UNIMPLEMENTED_CODING = {  # llhttp frames these as chunked; a server that does not implement deflate says 501
    'POST with `chunked` as last transfer-encoding',
    'POST with `chunked` as last transfer-encoding (multiple headers)',
}

def messages(log):
    """Splits llhttp's log into messages: version, protocol, method, url, host seen, headers done, completed."""
    msgs = []; error = None; pause = None
    for line in log.split('\n'):
        m = re.match(r'off=(\d+|NULL) (.*)$', line)
        if not m: continue
        off, ev = m.group(1), m.group(2)
        if ev == 'message begin': msgs.append({'begin': int(off), 'fields': [], 'done': False, 'complete': False}); continue
        cur = msgs[-1] if msgs else None
        sm = re.match(r'len=\d+ span\[(\w+)\]="(.*)"$', ev)
        if sm and cur is not None:
            kind, val = sm.groups()
            if kind == 'header_field': cur['fields'].append(val.lower())
            elif kind in ('protocol', 'url', 'method', 'version'): cur.setdefault(kind, val)
            if kind == 'version': pass
        if ev.startswith('version complete') and cur is not None: cur['versionEnd'] = int(off)
        if ev.startswith('headers complete'): cur['done'] = True; cur['v'] = re.search(r'v=(\d/\d)', ev).group(1)
        if ev == 'message complete': cur['complete'] = True
        em = re.match(r'error code=(\d+) reason="(.*)"$', ev)
        if em:
            if em.group(2).startswith('Pause on'): pause = em.group(2)
            else: error = em.group(2)
    return msgs, error, pause

def add_hosts(raw, msgs):
    """HTTP/1.1 needs Host (RFC 9112 3.2); llhttp does not check it, so give each parsed 1.1 message one."""
    added = 0
    for msg in reversed(msgs):
        if not msg['done'] or msg.get('v') != '1/1' or 'host' in msg['fields']: continue
        url = msg.get('url', '')
        am = re.match(r'^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^/?#@]*@)?([^/?# ]+)', url)
        host = am.group(1) if am else 'llhttp.test'
        eol = raw.index(b'\n', msg['versionEnd']) + 1
        raw = raw[:eol] + b'Host: ' + host.encode() + b'\r\n' + raw[eol:]
        added += 1
    return raw, added

def convert(md_path):
    src = 'test/request/' + os.path.basename(md_path)
    cases, skipped = [], []
    for t in mdparse.parse(open(md_path, encoding='utf-8').read()):
        name = ' / '.join(t['path'][1:]) or t['path'][0]
        meta = t['meta'] or {}
        ty = meta.get('type')
        where = f"{src}:{t['line']}"
        def skip(why): skipped.append({'name': name, 'source': where, 'reason': why})
        if ty != 'request':
            skip(SKIP_TYPES.get(ty, f'lenient flag ({ty})')); continue
        if 'pause' in meta: skip('pauses the parser in a callback (' + meta['pause'] + ')'); continue
        if meta.get('skipBody'): skip('on_headers_complete asks the parser to skip the body'); continue
        raw = mdparse.to_bytes(t['http'])
        msgs, error, pause = messages(t['log'])
        if pause == UPGRADE_PAUSE: skip('CONNECT/Upgrade: llhttp hands the rest of the stream to another protocol'); continue
        completed = sum(1 for m in msgs if m['complete'])
        llhttp = f'error: {error}' if error else (f'pause: {pause}' if pause else f'parsed {completed}')
        notes = []
        if error == 'Data after `Connection: close`':
            outcome = 'accept'; notes.append('the server answers the Connection: close request, then closes and ignores the rest')
        elif error:
            outcome = 'reject'
        elif pause:  # PRI * HTTP/2.0: the HTTP/2 preface
            outcome = 'reject'; notes.append('HTTP/2.0 on an HTTP/1.1 connection: 505 (RFC 9110 15.6.6)')
        else:
            outcome = 'accept'
            bad = [m['protocol'] for m in msgs if m.get('protocol', 'HTTP') != 'HTTP']
            if bad:
                outcome = 'reject'; notes.append(f'{bad[0]}/x.x is not HTTP: llhttp parses it, an HTTP server rejects it')
        if name in UNIMPLEMENTED_CODING and outcome == 'accept':
            outcome = 'reject'; completed = 0
            notes.append('deflate is a transfer coding the server does not implement: 501 (RFC 9112 6.1)')
        if outcome == 'reject' and not error: completed = 0
        if name in EITHER_TARGETS and outcome == 'accept':
            outcome = 'either'; notes.append(EITHER_TARGETS[name])
        if error and b'\r\n\r\n' not in raw[msgs[-1]['begin']:]:
            # llhttp stops at the bad byte; a server may wait for the end of the head before judging it, so the
            # head is ended after llhttp's error (which the added bytes cannot change)
            raw += b'\r\n' if raw.endswith(b'\r\n') else b'\r\n\r\n'
            notes.append('CRLF added after the error offset to end the head')
        raw, hosts = add_hosts(raw, msgs)
        if hosts: notes.append(f'Host added to {hosts} HTTP/1.1 request(s) llhttp parsed without one')
        case = {'name': name, 'source': where, 'outcome': outcome, 'requests': completed, 'llhttp': llhttp}
        if name in METHOD_ONLY:
            case['mayStayOpen'] = True
            notes.append('an unknown method gets 405/501 and the connection may stay open')
        if notes: case['note'] = '; '.join(notes)
        case['raw'] = raw.decode('latin-1')
        cases.append(case)
    return src, cases, skipped

if __name__ == '__main__':
    mddir, out = sys.argv[1], sys.argv[2]
    allc, alls = [], []
    for f in sorted(glob.glob(os.path.join(mddir, '*.md'))):
        src, cases, skipped = convert(f)
        allc += cases; alls += skipped
    doc = {'source': 'https://github.com/nodejs/llhttp (test/request/*.md)', 'commit': sys.argv[3], 'licence': 'MIT',
           'cases': allc, 'skipped': alls}
    with open(out, 'w', encoding='utf-8') as fh:
        json.dump(doc, fh, indent=1, ensure_ascii=True); fh.write('\n')
    from collections import Counter
    print(len(allc), 'cases', Counter(c['outcome'] for c in allc), len(alls), 'skipped')
    for r, n in Counter(s['reason'].split(' (')[0] for s in alls).items(): print(' ', n, r)
