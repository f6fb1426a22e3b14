"""Renders defparam/smuggler's configs/*.py mutations into the tool's CL.TE and TE.CL probes (corpus/smuggler)."""
import json, re, sys, os, subprocess

RN = '\r\n'
TCHAR = set(b"!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

class Payload:  # the tool's template fields; only .header is set by configs
    header = None

def load_mutations(source):
    mutations = {}
    exec(source, {'Payload': Payload, 'mutations': mutations})
    return {name: p.header for name, p in mutations.items()}

def gadget_of(header):
    lines = header.split(RN)
    return RN.join(lines[1:-5])  # request line before, Host/UA/Content-type/Content-Length/'' after

def head(gadget, cl):
    # the tool's template with its placeholders filled as smuggler.py fills them; User-Agent left out
    return (f'POST /?cb=1 HTTP/1.1{RN}{gadget}{RN}Host: smuggler.test{RN}'
            f'Content-type: application/x-www-form-urlencoded; charset=UTF-8{RN}Content-Length: {cl}{RN}{RN}')

PROBES = {  # smuggler.py _check_clte / _check_tecl with ptype=0, the lengths that time out a desynced pair
    'CL.TE': (4, '1\r\nZ\r\n0\r\n\r\n'),
    'TE.CL': (6, '0\r\n\r\nX'),
}

def rfc9112_verdict(gadget_bytes):
    """Strict RFC 9112 reading of the gadget lines: 'reject' (why) or 'frame-by-CL' when no Transfer-Encoding."""
    if re.search(rb'\r(?!\n)', gadget_bytes): return 'reject', 'bare CR in the header section (RFC 9112 2.2)'
    if re.search(rb'(?<!\r)\n', gadget_bytes): return 'reject', 'bare LF in the header section: invalid, or read as a line break that adds Transfer-Encoding beside Content-Length'
    for line in gadget_bytes.split(b'\r\n'):
        if line[:1] in (b' ', b'\t'): return 'reject', 'whitespace-preceded line / obs-fold (RFC 9112 2.2, 5.2)'
        name, colon, value = line.partition(b':')
        if not colon or not name or any(c not in TCHAR for c in name): return 'reject', 'field name is not a token (RFC 9110 5.1, RFC 9112 5.1)'
        value = value.strip(b' \t')
        if any(c < 0x20 and c != 0x09 or c == 0x7f for c in value): return 'reject', 'control character in the field value (RFC 9110 5.5)'
        if name.lower() == b'transfer-encoding':
            kind = 'chunked' if value.lower() == b'chunked' else 'a value other than chunked'
            return 'reject', f'Transfer-Encoding ({kind}) with Content-Length (RFC 9112 6.3, 6.1)'
    return 'accept', 'no Transfer-Encoding field: the body is framed by Content-Length (RFC 9112 6.3)'

def main(repo, commit, out):
    seen = {}
    for config in ('default', 'doubles', 'exhaustive'):
        src = subprocess.check_output(['git', '-C', repo, 'show', f'{commit}:configs/{config}.py']).decode()
        for name, header in load_mutations(src).items():
            gadget = gadget_of(header)
            entry = seen.setdefault(gadget, {'mutation': f'{config}:{name}', 'also': []})
            if entry['mutation'] != f'{config}:{name}': entry['also'].append(f'{config}:{name}')
    cases = []
    for gadget, entry in seen.items():
        outcome, why = rfc9112_verdict(gadget.encode('utf-8'))
        for probe, (cl, body) in PROBES.items():
            case = {'name': f"{entry['mutation']} {probe}", 'mutation': entry['mutation'], 'probe': probe,
                    'outcome': outcome, 'why': why}
            if entry['also']: case['sameAs'] = entry['also']
            if outcome == 'accept':
                case['requests'] = 1
                case['bodyLength'] = cl
                case['leftover'] = len(body) > cl  # bytes after the framed body: a second, malformed request
            case['raw'] = (head(gadget, cl) + body).encode('utf-8').decode('latin-1')  # the tool sends str.encode()
            cases.append(case)
    doc = {'source': 'https://github.com/defparam/smuggler (configs/default.py, doubles.py, exhaustive.py)',
           'commit': commit, 'licence': 'MIT', 'cases': cases}
    with open(out, 'w', encoding='utf-8') as fh:
        fh.write('{"source": %s, "commit": %s, "licence": "MIT", "cases": [\n' % (json.dumps(doc['source']), json.dumps(commit)))
        fh.write(',\n'.join(json.dumps(c, ensure_ascii=True) for c in cases))
        fh.write('\n]}\n')
    from collections import Counter
    print(len(seen), 'distinct mutations', len(cases), 'cases', Counter(c['outcome'] for c in cases))
    print(Counter(c['why'] for c in cases if c['probe'] == 'CL.TE'))
    for c in cases:
        if c['outcome'] == 'accept' and c['probe'] == 'CL.TE': print('  accept:', c['mutation'], repr(c['raw'].split('\r\n')[1]))

if __name__ == '__main__':
    main(*sys.argv[1:])
