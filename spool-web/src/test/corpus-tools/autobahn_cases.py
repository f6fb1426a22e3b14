"""Turns the Autobahn test suite's fuzzing-client case classes into data (corpus/autobahn/cases.json).

Usage: python3 autobahn_cases.py <autobahn-testsuite git dir> <commit> <out.json>

The suite is Python 2 (Twisted, Autobahn 0.10) and has no copy that runs here, so each case class is executed
under Python 3 against a recording stand-in for the fuzzing protocol: what onOpen (and the parts it schedules
with continueLater) sends becomes a list of steps, and the case's `expected` / `expectedClose` become the
expected outcome. The source is read as Latin-1, so a Python 2 byte-string literal keeps its exact bytes (one
char per byte), as the suite sent them. Section 6's UTF-8 table (case6_x_x.createUtf8TestSequences) runs as
written, with Python's strict UTF-8 decoder standing in for Autobahn's validator. Sections 9.x decide in their
own onMessage; their expectation (the echo of what was sent) is fed back to onMessage to confirm it is OK.
"""
import builtins, importlib.abc, importlib.util, json, re, subprocess, sys, types

CASE_DIR = 'autobahntestsuite/autobahntestsuite/case'
SKIPPED_MODULES = {  # not ported: what the server does not offer, or what the suite itself does not run
    'case9_9_1': 'not in the suite\'s case list (commented out in case/__init__.py)',
    'case12_x_x': 'permessage-deflate: spool-web does not offer the extension (RFC 7692)',
}


def git_show(repo, commit, path):
    return subprocess.check_output(['git', '-C', repo, 'show', f'{commit}:{path}'])


# ---- stand-ins for the parts of Autobahn|Python the case classes touch

class WebSocketProtocol:
    STATE_CLOSED, STATE_CONNECTING, STATE_CLOSING, STATE_OPEN = 0, 1, 2, 3
    MESSAGE_TYPE_TEXT, MESSAGE_TYPE_BINARY = 1, 2
    CLOSE_STATUS_CODE_NORMAL = 1000
    CLOSE_STATUS_CODE_GOING_AWAY = 1001
    CLOSE_STATUS_CODE_PROTOCOL_ERROR = 1002
    CLOSE_STATUS_CODE_INVALID_PAYLOAD = 1007


class Utf8Validator:
    """validate() answers (valid, ends on a code point boundary, ...) as Autobahn's does for a whole string."""
    def reset(self):
        pass

    def validate(self, s):
        try:
            s.encode('latin-1').decode('utf-8')
            return True, True, len(s), len(s)
        except UnicodeDecodeError:
            return False, False, 0, 0


def octets(s):
    return s.encode('utf-8') if isinstance(s, str) and any(ord(c) > 255 for c in s) else (
        s.encode('latin-1') if isinstance(s, str) else bytes(s))


def encoded(s):
    """Bytes as a Latin-1 string; a long periodic payload as {repeat, length}."""
    b = octets(s)
    if len(b) > 256:
        for period in range(1, 65):
            if b == (b[:period] * (len(b) // period + 1))[:len(b)]:
                return {'repeat': b[:period].decode('latin-1'), 'length': len(b)}
    return b.decode('latin-1')


class Recorder(WebSocketProtocol):
    """The fuzzing protocol as the case classes call it, writing down what they would send."""
    def __init__(self):
        self.steps = []
        self.then = None
        self.state = WebSocketProtocol.STATE_OPEN
        self.autoFragmentSize = 0
        self.createWirelog = True
        self.localCloseReason = None
        self.connectionWasOpen = True
        self.message_opcode = 1

    def sendFrame(self, opcode, payload=b'', fin=True, rsv=0, mask=None, payload_len=None, chopsize=None,
                  sync=False):
        data = octets(payload)
        if payload_len is not None:   # Autobahn repeats the payload to fill payload_len
            data = (data * (payload_len // len(data) + 1))[:payload_len]
        frame = {'opcode': opcode, 'fin': fin, 'payload': encoded(data)}
        if rsv: frame['rsv'] = rsv
        if chopsize: frame['chop'] = chopsize
        if sync: frame['sync'] = True
        self.steps.append({'frame': frame})

    def sendMessage(self, payload, isBinary=False, fragmentSize=None, sync=False, doNotCompress=False):
        message = {'payload': encoded(payload), 'binary': bool(isBinary)}
        size = fragmentSize if fragmentSize is not None else (self.autoFragmentSize or None)
        if size: message['fragmentSize'] = size
        if sync: message['sync'] = True
        self.steps.append({'message': message})

    def sendCloseFrame(self, code=None, reasonUtf8=None, isReply=False):
        data = (b'' if code is None else code.to_bytes(2, 'big')) + octets(reasonUtf8 or '')
        self.steps.append({'close': encoded(data)})

    def sendClose(self, code=None, reason=None):
        self.sendCloseFrame(code, reason.encode('utf-8') if isinstance(reason, str) and reason else reason)

    def beginMessage(self, isBinary=False, opcode=None, **kw):
        self.message_opcode = opcode or (2 if isBinary else 1)

    def beginMessageFrame(self, length):   # FIN clear: the streaming API ends a message with endMessage()
        self.steps.append({'head': {'opcode': self.message_opcode, 'length': length}})
        self.message_opcode = 0

    def sendMessageFrameData(self, data, sync=False):
        self.steps.append({'data': encoded(data)})

    def endMessage(self):
        self.sendFrame(0, b'', fin=True)

    def continueLater(self, delay, fun, tag=None):
        step = {'pause': delay}
        if tag is not None: step['tag'] = tag
        self.steps.append(step)
        fun()   # the connection is taken to be open; the harness stops sending once the server closed

    def killAfter(self, delay):
        self.then = {'kill': delay}

    def closeAfter(self, delay):
        self.then = {'close': delay}

    def enableWirelog(self, enabled):
        pass


def install_shims(case_module):
    for name in ('autobahn', 'autobahn.websocket'):
        sys.modules[name] = types.ModuleType(name)
    protocol = types.ModuleType('autobahn.websocket.protocol')
    protocol.WebSocketProtocol = WebSocketProtocol
    validator = types.ModuleType('autobahn.websocket.utf8validator')
    validator.Utf8Validator = Utf8Validator
    sys.modules.update({'autobahn.websocket.protocol': protocol, 'autobahn.websocket.utf8validator': validator,
                        'case': case_module})
    builtins.xrange, builtins.unichr, builtins.unicode, builtins.long = range, chr, str, int
    builtins._hex = lambda s: octets(s).hex()


def python3_source(text):
    """The few Python 2 spellings the case modules use, in Python 3."""
    text = text.replace('binascii.b2a_hex(', '_hex(')
    text = re.sub(r'\(object,\s*Case,\s*\)', '(Case,)', text)   # old-style Case: no MRO clash in Python 3
    return re.sub(r'^(\s*)print\b(?!\().*$', r'\1pass', text, flags=re.M)


class CaseFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, repo, commit):
        self.repo, self.commit = repo, commit

    def find_spec(self, name, path, target=None):
        if re.fullmatch(r'case\d+_\w+', name):
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        source = git_show(self.repo, self.commit, f'{CASE_DIR}/{module.__name__}.py').decode('latin-1')
        exec(compile(python3_source(source), module.__name__ + '.py', 'exec'), module.__dict__)


def case_id(cls):
    return cls.__name__[len('Case'):].replace('_', '.')


def case_list(repo, commit):
    """The classes the suite's case/__init__.py puts in `Cases`, in its order, less the skipped modules."""
    init = git_show(repo, commit, f'{CASE_DIR}/__init__.py').decode('latin-1')
    kept = [l for l in init.splitlines() if not any(m in l for m in SKIPPED_MODULES)
            and 'Case12_X_X' not in l and 'Case13_X_X' not in l]
    namespace = {'CaseSubCategories': {}}
    exec(python3_source('\n'.join(kept)), namespace)
    return namespace['Cases']


def ported(cls, Case):
    p = Recorder()
    case = cls(p)
    case.onOpen()
    expected, close = dict(case.expected), dict(case.expectedClose)
    if not expected and hasattr(cls, 'LEN') and hasattr(cls, 'COUNT'):   # 9.7.x / 9.8.x round trips
        frame = p.steps[0]['frame']
        p.steps = [{'roundTrips': {'count': cls.COUNT, 'frame': frame}}]
        expected = {'OK': [{'message': frame['payload'], 'binary': cls.BINARY, 'times': cls.COUNT}]}
    elif not expected:   # 9.x: the case judges in onMessage; confirm that the echo of what was sent is OK
        sent = p.steps[0].get('frame') or p.steps[0].get('message')
        binary = sent.get('binary', sent.get('opcode') == 2)
        data = sent['payload']
        raw = (data['repeat'] * (data['length'] // len(data['repeat']) + 1))[:data['length']] \
            if isinstance(data, dict) else data
        sent_before = len(p.steps)
        case.onMessage(raw, binary)
        del p.steps[sent_before:]   # its close after the echo is the harness's finishing close
        assert case.behavior == 'OK', (case_id(cls), case.result)
        expected = {'OK': [{'message': data, 'binary': binary}]}
    out = {
        'id': case_id(cls),
        'description': text(cls.DESCRIPTION),
        'expectation': text(cls.EXPECTATION),
        'steps': p.steps,
        'expected': {behavior: [event(e) for e in events] for behavior, events in expected.items()},
        'expectedClose': {'closedByMe': close['closedByMe'], 'closeCode': close['closeCode'],
                          'requireClean': close['requireClean']},
    }
    if p.then: out['then'] = p.then
    if close.get('closedByWrongEndpointIsFatal'): out['expectedClose']['closedByWrongEndpointIsFatal'] = True
    if case.suppressClose: out['suppressClose'] = True
    own = next(k.__dict__['onConnectionLost'] for k in cls.__mro__ if 'onConnectionLost' in k.__dict__)
    names = own.__code__.co_names if own is not Case.onConnectionLost else ()
    if 'WRONG_CODE' in names: out['wrongCodeIsFatal'] = True
    if 'INFORMATIONAL' in names: out['informational'] = True
    return out


def text(html):
    """A description as plain text: the source's UTF-8 bytes decoded, tags and runs of blanks dropped."""
    plain = re.sub(r'[ \t\r\n]+', ' ', re.sub(r'<[^>]+>', ' ', html)).strip()
    return plain.encode('latin-1', errors='replace').decode('utf-8', errors='replace')


def event(e):
    if isinstance(e, dict):
        return e
    kind = e[0]
    if kind == 'message':
        return {'message': encoded(e[1]), 'binary': bool(e[2])}
    return {kind: encoded(e[1]) if kind in ('pong', 'ping') else e[1]}


def skipped(repo, commit):
    src = git_show(repo, commit, f'{CASE_DIR}/case12_x_x.py').decode('latin-1')
    sizes = len(re.findall(r'^\s*\(\d+,\s*1000,', src, flags=re.M))
    keys = len(re.search(r'WS_COMPRESSION_TESTDATA_KEYS = \[(.*?)\]', src).group(1).split(','))
    params = len(re.findall(r'^\s*\(accept\d', src, flags=re.M))
    why = SKIPPED_MODULES['case12_x_x']
    return [
        {'ids': f'12.1.1-12.{keys}.{sizes}', 'count': keys * sizes, 'reason': why},
        {'ids': f'13.1.1-13.{params}.{sizes}', 'count': params * sizes, 'reason': why + ', nor its parameters'},
        {'ids': '9.9.1', 'count': 1, 'reason': SKIPPED_MODULES['case9_9_1']},
    ]


def main(repo, commit, out):
    case_module = types.ModuleType('case')
    sys.meta_path.insert(0, CaseFinder(repo, commit))
    install_shims(case_module)
    exec(python3_source(git_show(repo, commit, f'{CASE_DIR}/case.py').decode('latin-1')), case_module.__dict__)
    cases = [ported(cls, case_module.Case) for cls in case_list(repo, commit)]
    doc = {
        'source': 'crossbario/autobahn-testsuite ' + CASE_DIR + '/case*.py (Apache License 2.0)',
        'commit': commit,
        'payloads': 'a Latin-1 string, one char per byte, or {"repeat": unit, "length": n}',
        'cases': cases,
        'skipped': skipped(repo, commit),
    }
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=True, indent=None, separators=(',', ':'))
        f.write('\n')
    by_section = {}
    for c in cases:
        by_section[c['id'].split('.')[0]] = by_section.get(c['id'].split('.')[0], 0) + 1
    print(f'{len(cases)} cases', by_section, file=sys.stderr)


if __name__ == '__main__':
    main(*sys.argv[1:])
