import { execSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, DEFAULT_LIMITS, type Sandbox } from "../../server/sandbox/index.js";
import { SANDBOX_UID_COUNT, SANDBOX_UID_FIRST } from "../../server/sandbox/python/uids.js";
import { QuestionSchema } from "../../server/scenarios/index.js";
import { addQuestion } from "../helpers/coding-question.js";

const question = addQuestion();
/** The same question judged by check()-style test code: every test expects true. */
const checkStyle = QuestionSchema.parse({
  ...question,
  id: "add-check",
  coding: {
    ...question.coding,
    tests: question.coding!.tests.map((t) => ({ ...t, expected: true })),
    testCode: {
      python: "def run_case(a, b):\n    assert f(a, b) == a + b\n    assert not (f(a, b) != a + b)\n    return True\n",
      typescript: "function runCase(a: number, b: number) { if (f(a, b) !== a + b) throw new Error('wrong'); return true; }\n",
    },
  },
});
/** check()-style test code whose verdict goes through a module it imports. */
function checkedWith(id: string, python: string, typescript: string) {
  return QuestionSchema.parse({ ...checkStyle, id, coding: { ...checkStyle.coding, testCode: { python, typescript } } });
}
const mathCheck = checkedWith(
  "add-math-check",
  "import math\ndef run_case(a, b):\n    got = f(a, b)\n    import math as m\n    assert math.isclose(got, a + b) and m.isclose(got, a + b)\n    return True\n",
  "function runCase(a: number, b: number) { const got = f(a, b); if (!Object.is(Math.abs(got - (a + b)), 0)) throw new Error('wrong'); return true; }\n",
);
const jsonCheck = checkedWith(
  "add-json-check",
  "import json\ndef run_case(a, b):\n    got = f(a, b)\n    assert json.loads(json.dumps(got)) == a + b\n    return True\n",
  "function runCase(a: number, b: number) { const got = f(a, b); if (JSON.stringify([got].map((x) => x)) !== JSON.stringify([a + b])) throw new Error('wrong'); return true; }\n",
);
const templateCheck = checkedWith(
  "add-template-check",
  "import string\ndef run_case(a, b):\n    got = f(a, b)\n    assert string.Template('$x').substitute(x=got) == str(a + b)\n    return True\n",
  "function runCase(a: number, b: number) { const got = f(a, b); if (![got].includes(a + b) || Math.max(got, a + b) !== Math.min(got, a + b)) throw new Error('wrong'); return true; }\n",
);
/** An object equal to everything, for patches that must return "the right answer" blind. */
const ALWAYS_EQUAL_PY = "class _E:\n    def __eq__(self, o): return True\n    def __ne__(self, o): return False\n";
/** Patches of what check()-style test code imports: each would forge a pass if left in place. */
const MODULE_PATCHES: { name: string; question: typeof question; setup?: string; patch: string }[] = [
  { name: "math.isclose replaced", question: mathCheck, patch: "import math\nmath.isclose = lambda *a, **k: True" },
  {
    name: "sys.modules['math'] replaced",
    question: mathCheck,
    patch: "import sys, types\nfake = types.ModuleType('math')\nfake.isclose = lambda *a, **k: True\nsys.modules['math'] = fake",
  },
  {
    name: "an import hook on sys.meta_path serving a fake math",
    question: mathCheck,
    setup:
      "import sys, types, importlib.abc, importlib.util\nclass _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):\n    def find_spec(self, name, path, target=None):\n        return importlib.util.spec_from_loader(name, self) if name == 'math' else None\n    def create_module(self, spec):\n        m = types.ModuleType('math')\n        m.isclose = lambda *a, **k: True\n        return m\n    def exec_module(self, module):\n        pass\n",
    patch: "import sys\nsys.modules.pop('math', None)\nsys.meta_path.insert(0, _Finder())",
  },
  { name: "json.loads replaced", question: jsonCheck, setup: ALWAYS_EQUAL_PY, patch: "import json\njson.loads = lambda *a, **k: _E()" },
  {
    name: "a pure-Python class's method patched (JSONDecoder.decode)",
    question: jsonCheck,
    setup: ALWAYS_EQUAL_PY,
    patch: "import json.decoder\njson.decoder.JSONDecoder.decode = lambda self, s, *a: _E()",
  },
  {
    name: "json's shared decoder object patched",
    question: jsonCheck,
    setup: ALWAYS_EQUAL_PY,
    patch: "import json\njson._default_decoder.decode = lambda s, *a: _E()",
  },
  {
    name: "a pure-Python class's method patched (string.Template.substitute)",
    question: templateCheck,
    setup: ALWAYS_EQUAL_PY,
    patch: "import string\nstring.Template.substitute = lambda self, *a, **k: _E()",
  },
  {
    name: "a module function the class calls patched (string's module globals)",
    question: templateCheck,
    setup: ALWAYS_EQUAL_PY,
    patch:
      "import string\nstring.Template.__init_subclass__ = classmethod(lambda cls: None)\nstring.Template = type('Template', (), {'__init__': lambda self, t: None, 'substitute': lambda self, *a, **k: _E()})",
  },
];
const indent = (code: string) =>
  code
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
/** Patches of the intrinsics check()-style TypeScript test code uses: each would forge a pass in a shared context. */
const INTRINSIC_PATCHES: { name: string; question: typeof question; patch: string }[] = [
  { name: "Object.is and Math.abs replaced", question: mathCheck, patch: "(Object as any).is = () => true; (Math as any).abs = () => 0;" },
  {
    name: "JSON.stringify and Array.prototype.map replaced",
    question: jsonCheck,
    patch: "(JSON as any).stringify = () => 'same'; (Array.prototype as any).map = function () { return [0]; };",
  },
  {
    name: "Array.prototype.includes, Math.max and Math.min replaced",
    question: templateCheck,
    patch: "(Array.prototype as any).includes = () => true; (Math as any).max = () => 0; (Math as any).min = () => 0;",
  },
  {
    name: "Error replaced and intrinsics frozen",
    question: mathCheck,
    patch:
      "(Object as any).is = () => true; (globalThis as any).Error = function () { return undefined; }; Object.freeze(Math); Object.freeze(Object);",
  },
];
const FORGED_THROUGH_INTRINSICS: Hostile[] = INTRINSIC_PATCHES.flatMap((p) => [
  {
    name: `${p.name}, at load time, against check()-style test code`,
    question: p.question,
    code: `${p.patch}\nexport function f(a: number, b: number) { return -12345; }`,
  },
  {
    name: `${p.name}, during the call, against check()-style test code`,
    question: p.question,
    code: `export function f(a: number, b: number) { ${p.patch} return -12345; }`,
  },
]);
const FORGED_THROUGH_MODULES: Hostile[] = MODULE_PATCHES.flatMap((p) => [
  {
    name: `${p.name}, at load time, against check()-style test code`,
    question: p.question,
    code: `${p.setup ?? ""}${p.patch}\ndef f(a, b):\n    return -12345\n`,
  },
  {
    name: `${p.name}, during the call, against check()-style test code`,
    question: p.question,
    code: `${p.setup ?? ""}def f(a, b):\n${indent(p.patch)}\n    return -12345\n`,
  },
]);
const CANARY = "canary-7f3a9-OPENAI";
const limits = { ...DEFAULT_LIMITS, perTestMs: 600, cpuSeconds: 3 };
let sandbox: Sandbox;
const savedKey = process.env.OPENAI_API_KEY;
beforeAll(() => {
  // A secret in the server's own environment, where bwrap's pid 1 used to inherit it.
  process.env.SANDBOX_SECRET_CANARY = CANARY;
  process.env.OPENAI_API_KEY_CANARY = CANARY;
  process.env.OPENAI_API_KEY = CANARY;
  sandbox = createSandbox({ limits, pythonPool: 1, typescriptWorkers: 1 });
  if (!sandbox.capabilities.python.available) {
    const reason = sandbox.capabilities.python.reason;
    if (process.env.CI === "true") throw new Error(reason);
    console.warn(`Python hostile tests will fail: ${reason}`);
  }
});
afterAll(async () => {
  await sandbox.close();
  delete process.env.SANDBOX_SECRET_CANARY;
  delete process.env.OPENAI_API_KEY_CANARY;
  if (savedKey === undefined) delete process.env.OPENAI_API_KEY;
  else process.env.OPENAI_API_KEY = savedKey;
});

/**
 * Sandboxed processes (the sandbox uid range) started by this test process and still
 * alive: there must be none once runs end. Other test files run their own
 * servers in parallel, so only our descendants count.
 */
function leftoverSandboxProcesses(): string[] {
  if (process.getuid?.() !== 0) return [];
  const rows = execSync("ps -eo pid=,ppid=,uid=,stat=,comm=")
    .toString()
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .map(([pid, ppid, uid, stat, comm]) => ({ pid: Number(pid), ppid: Number(ppid), uid: Number(uid), stat: stat!, comm: comm! }));
  const parent = new Map(rows.map((r) => [r.pid, r.ppid]));
  const descendsFromUs = (pid: number) => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  return rows
    .filter((r) => r.uid >= SANDBOX_UID_FIRST && r.uid < SANDBOX_UID_FIRST + SANDBOX_UID_COUNT && descendsFromUs(r.pid))
    .map((r) => `${r.uid} ${r.pid} ${r.stat} ${r.comm}`);
}

/**
 * After a run, only the pre-started pool may be left: one sandbox is three
 * processes (bwrap, its init, python3). The kill is sent when the result
 * arrives and the kernel reaps asynchronously, so poll with a bound.
 */
async function expectOnlyThePoolLeft(poolSize = 1) {
  const deadline = Date.now() + 5000;
  let left = leftoverSandboxProcesses();
  while (left.length > 3 * poolSize && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    left = leftoverSandboxProcesses();
  }
  expect(left.length, left.join("\n")).toBeLessThanOrEqual(3 * poolSize);
}

async function expectHealthy(language: "python" | "typescript") {
  const good = question.coding!.referenceSolution[language]!;
  const report = await sandbox.runTests(question, language, good, "all");
  expect(report.passed, "a correct solution still passes after the hostile one").toBe(3);
}

type Hostile = { name: string; code: string; expectError?: RegExp; question?: typeof question };

/** Snooping programs: each returns whatever it found, which must never hold the canary. */
const SNOOP_PY = (body: string) =>
  `import os, sys\ndef f(a, b):\n    found = []\n${body
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n")}\n    return repr(found)\n`;

const PYTHON: Hostile[] = [
  { name: "fork bomb", code: "import os\ndef f(a, b):\n    while True:\n        os.fork()\n", expectError: /os\.fork is not allowed/ },
  { name: "infinite loop", code: "def f(a, b):\n    while True:\n        pass\n", expectError: /time limit/ },
  { name: "deep recursion", code: "import sys\ndef f(a, b):\n    return f(a, b)\n", expectError: /RecursionError/ },
  {
    name: "memory bomb (list)",
    code: "def f(a, b):\n    x = []\n    while True:\n        x.append(' ' * 10**6)\n",
    expectError: /MemoryError|killed|limit/,
  },
  {
    name: "memory bomb (string)",
    code: "def f(a, b):\n    s = 'x'\n    while True:\n        s += s\n",
    expectError: /MemoryError|killed|limit/,
  },
  {
    name: "100 MB of output via print",
    code: "def f(a, b):\n    for _ in range(100):\n        print('x' * 10**6)\n    return a + b + 1\n",
  },
  {
    name: "100 MB written straight to fd 1",
    code: "import os\ndef f(a, b):\n    for _ in range(100):\n        os.write(1, b'x' * 10**6)\n    return a + b + 1\n",
    expectError: /output|limit|killed/,
  },
  {
    name: "flooding the harness's results pipe",
    code: "import os\ndef f(a, b):\n    for _ in range(200):\n        os.write(3, b'x' * 10**6)\n    return a + b + 1\n",
    expectError: /output|limit|killed|time/,
  },
  {
    name: "write outside the scratch dir",
    code: "def f(a, b):\n    open('/usr/pwned', 'w').write('x')\n    return a + b\n",
    expectError: /writing \/usr\/pwned is not allowed/,
  },
  {
    name: "read /etc/passwd",
    code: "def f(a, b):\n    return open('/etc/passwd').read()\n",
    expectError: /reading \/etc\/passwd is not allowed/,
  },
  {
    // The audit event names the path, not the directory it is opened from: "../../" from a descriptor of a readable
    // directory was judged against the working directory (in /tmp) and read the host's /usr (redteam, session 16).
    name: "read outside through a directory descriptor and ..",
    code: "import os\ndef f(a, b):\n    os.makedirs('/tmp/a/b/c', exist_ok=True)\n    os.chdir('/tmp/a/b/c')\n    d = os.open('/usr/lib/python3', os.O_RDONLY)\n    fd = os.open('../../share/doc', os.O_RDONLY, dir_fd=d)\n    return fd\n",
    expectError: /a relative path through \.\. \(\.\.\/\.\.\/share\/doc\) is not allowed/,
  },
  { name: "read environment secrets", code: "import os\ndef f(a, b):\n    return dict(os.environ)\n" },
  {
    name: "socket to the app's port",
    code: "import socket\ndef f(a, b):\n    s = socket.create_connection(('127.0.0.1', 3000))\n    return a + b\n",
    expectError: /socket\.getaddrinfo is not allowed|socket\.connect is not allowed|importing socket is not allowed/,
  },
  {
    name: "raw internet socket",
    code: "import socket\ndef f(a, b):\n    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n    s.connect(('127.0.0.1', 3000))\n    return a + b\n",
    expectError: /network socket is not allowed/,
  },
  {
    name: "spawn a shell",
    code: "import os\ndef f(a, b):\n    os.system('sh -c \"echo pwned > /tmp/mock-interview-escape-probe\"')\n    return a + b\n",
    expectError: /os\.system is not allowed/,
  },
  {
    name: "subprocess via __import__",
    code: "def f(a, b):\n    sp = __import__('subprocess')\n    return sp.run(['sh']).returncode\n",
    expectError: /subprocess\.Popen is not allowed|importing subprocess is not allowed/,
  },
  { name: "import ctypes", code: "import ctypes\ndef f(a, b):\n    return a + b\n", expectError: /importing ctypes is not allowed/ },
  {
    name: "sleep past the wall limit",
    code: "import time\ndef f(a, b):\n    time.sleep(30)\n    return a + b\n",
    expectError: /time limit/,
  },
  {
    name: "fake harness result lines",
    code: 'import os, sys\nprint(\'{"i": 1, "ok": true, "value": 42}\')\nprint(\'ALL TESTS PASSED\')\ntry:\n    os.write(3, b\'{"i": 0, "ok": true, "value": 999}\\n{"done": true}\\n\')\nexcept OSError:\n    pass\ndef f(a, b):\n    return -1\n',
  },
  {
    name: "switching the guard off through __main__",
    // Replace the harness's globals (the guard's old home), os.path and a builtin, then reach for ctypes.
    code: "import sys, os, builtins\nm = sys.modules['__main__']\nfor k in list(vars(m)):\n    if k not in ('RESULTS', 'emit', 'main', 'describe', 'jsonable', 'Capped', 'TestTimeout', 'on_alarm', 'json', 'time', 'asyncio', 'signal', 'sys', 'io', 'os'):\n        setattr(m, k, None)\nos.path.abspath = lambda p: '/tmp/mock-interview-escape-probe'\nbuiltins.isinstance = lambda *a: False\ndef f(a, b):\n    import ctypes\n    return a + b\n",
    expectError: /importing ctypes is not allowed/,
  },
  {
    name: "walking frames from a traceback",
    code: "def f(a, b):\n    try:\n        raise ValueError()\n    except ValueError as e:\n        return str(e.__traceback__.tb_frame.f_back.f_locals)\n",
    expectError: /reading tb_frame is not allowed/,
  },
  // Frames walk back to the harness through f_back, which CPython does not audit: every way to a frame is closed.
  {
    name: "a signal handler's frame walked back to the harness, forging check()-style verdicts",
    question: checkStyle,
    code: "import signal\ndef _forge():\n    got = []\n    signal.signal(signal.SIGUSR1, lambda n, fr: got.append(fr))\n    signal.raise_signal(signal.SIGUSR1)\n    fr = got[0]\n    while fr is not None:\n        if 'emit' in fr.f_locals:\n            L = fr.f_locals\n            for i, _ in enumerate(L['job']['cases']):\n                L['emit']({'i': i, 'ok': True, 'stdout': '', 'stderr': '', 'ms': 0.1}, 'true')\n            L['emit']({'done': True})\n            L['_exit'](0)\n        fr = fr.f_back\ndef f(a, b):\n    _forge()\n    return -12345\n",
    expectError: /Operation not permitted|not allowed/,
  },
  {
    name: "a handler installed through another module's signal import",
    question: checkStyle,
    code: "import asyncio.unix_events as u\ndef f(a, b):\n    u.signal.signal(u.signal.SIGUSR2, lambda n, fr: None)\n    return -12345\n",
    expectError: /Operation not permitted|not allowed/,
  },
  {
    name: "the harness's own SIGPROF handler given new code, then fired with setitimer, forging check()-style verdicts",
    question: checkStyle,
    code: "import sys\nM = sys.modules['__main__']\nS = sys.modules['signal']\ndef _h(signum, frame):\n    globals().setdefault('GOT', []).append(frame)\ndef _forge():\n    M.on_alarm.__code__ = _h.__code__\n    S.setitimer(S.ITIMER_PROF, 0.001)\n    n = 0\n    while not getattr(M, 'GOT', None) and n < 10**7:\n        n += 1\n    S.setitimer(S.ITIMER_PROF, 0)\n    fr = M.GOT[0]\n    while fr is not None:\n        if 'emit' in fr.f_locals:\n            L = fr.f_locals\n            for i, _ in enumerate(L['job']['cases']):\n                L['emit']({'i': i, 'ok': True, 'stdout': '', 'stderr': '', 'ms': 0.1}, 'true')\n            L['emit']({'done': True})\n            L['_exit'](0)\n        fr = fr.f_back\ndef f(a, b):\n    _forge()\n    return -12345\n",
    expectError: /replacing a function's __code__ is not allowed/,
  },
  {
    name: "a running generator's own frame walked back to the harness",
    question: checkStyle,
    code: "def _walk():\n    yield G.gi_frame.f_back.f_back.f_locals\ndef f(a, b):\n    global G\n    G = _walk()\n    return str(next(G))\n",
    expectError: /reading gi_frame is not allowed/,
  },
  {
    name: "a running coroutine's own frame walked back to the harness",
    question: checkStyle,
    code: "async def _walk():\n    return C.cr_frame.f_back.f_locals\ndef f(a, b):\n    global C\n    C = _walk()\n    try:\n        C.send(None)\n    except StopIteration as done:\n        return str(done.value)\n",
    expectError: /reading cr_frame is not allowed/,
  },
  {
    name: "gc to find the harness's objects",
    code: "def f(a, b):\n    import gc\n    return len(gc.get_objects())\n",
    expectError: /importing gc is not allowed/,
  },
  {
    name: "frame walking to the harness",
    code: "import sys\ndef f(a, b):\n    return str(sys._getframe(1).f_locals)\n",
    expectError: /sys\._getframe is not allowed/,
  },
  // --- secrets: bwrap's pid 1, /proc walks, links, /dev/shm ---
  {
    name: "/proc/1/environ through a symlink in /tmp",
    code: "import os\ndef f(a, b):\n    os.symlink('/proc/1/environ', '/tmp/e')\n    return open('/tmp/e').read()\n",
    expectError: /not allowed|No such file/,
  },
  {
    name: "/proc/*/environ and cmdline walk",
    code: SNOOP_PY(
      "for pid in (os.listdir('/proc') if os.path.isdir('/proc') else []):\n    for leaf in ('environ', 'cmdline'):\n        try:\n            found.append(os.open('/proc/%s/%s' % (pid, leaf), os.O_RDONLY))\n        except OSError as e:\n            found.append(str(e))",
    ),
  },
  {
    name: "/proc/self/../1/environ with raw os.open",
    code: SNOOP_PY("fd = os.open('/proc/self/../1/environ', os.O_RDONLY)\nfound.append(os.read(fd, 100000))"),
    expectError: /not allowed|No such file/,
  },
  {
    name: "the parent's environment and cmdline via /proc/1 and the ppid",
    code: SNOOP_PY(
      "for p in ('/proc/%d/environ' % os.getppid(), '/proc/1/cmdline', '/proc/self/environ'):\n    try:\n        found.append(open(p, 'rb').read())\n    except Exception as e:\n        found.append(str(e))",
    ),
  },
  {
    name: "/dev/shm and the root filesystem",
    code: SNOOP_PY(
      "for d in ('/dev/shm', '/', '/dev', '/run', '/etc', '/sandbox'):\n    try:\n        found.append((d, os.listdir(d)))\n    except Exception as e:\n        found.append(str(e))\ntry:\n    open('/dev/shm/x', 'w').write('x' * 10)\n    found.append('wrote /dev/shm')\nexcept Exception as e:\n    found.append(str(e))",
    ),
  },
  {
    name: "os.environ and the environ of every thread",
    code: SNOOP_PY("found.append(dict(os.environ))\nfound.append(os.environ.get('OPENAI_API_KEY_CANARY'))"),
  },
  // --- process creation: refused by the kernel's filter, not only by the audit hook ---
  {
    name: "_posixsubprocess.fork_exec of /bin/sh (already imported)",
    code: "import _posixsubprocess, os\ndef f(a, b):\n    r, w = os.pipe()\n    _posixsubprocess.fork_exec([b'/bin/sh', b'-c', b'echo pwned > /tmp/mock-interview-escape-probe'], [b'/bin/sh'], True, (), None, None, -1, -1, -1, -1, -1, -1, r, w, True, False, -1, None, None, None, -1, None, True)\n    return a + b\n",
    expectError: /PermissionError|Operation not permitted/,
  },
  {
    name: "unshare -Ur through fork_exec",
    code: "import _posixsubprocess, os\ndef f(a, b):\n    r, w = os.pipe()\n    _posixsubprocess.fork_exec([b'/usr/bin/unshare', b'-Ur', b'id'], [b'/usr/bin/unshare'], True, (), None, None, -1, -1, -1, -1, -1, -1, r, w, True, False, -1, None, None, None, -1, None, False)\n    return a + b\n",
    expectError: /PermissionError|Operation not permitted/,
  },
  {
    name: "os.fork through an already-imported module's reference",
    code: "import sys\ndef f(a, b):\n    import os\n    r, w = os.pipe()\n    fork = sys.modules['subprocess']._fork_exec\n    return fork([b'/usr/bin/python3', b'-c', b'pass'], [b'/usr/bin/python3'], True, (), None, None, -1, -1, -1, -1, -1, -1, r, w, True, False, -1, None, None, None, -1, None, True)\n",
    expectError: /PermissionError|Operation not permitted|sandbox:/,
  },
  {
    name: "AF_INET socket through the already-imported _socket module",
    code: "import sys\ndef f(a, b):\n    _socket = sys.modules['_socket']\n    s = _socket.socket(2, 1)\n    return a + b\n",
    expectError: /not allowed|PermissionError|Operation not permitted/,
  },
  // --- signals to the parent and everything else ---
  {
    name: "signals to pid 1 and to every process",
    code: "import signal\ndef f(a, b):\n    for pid in (1, -1):\n        try:\n            signal.pthread_kill(0, 0)\n        except Exception:\n            pass\n    import os\n    os.kill(-1, 9)\n    return a + b\n",
    expectError: /not allowed|Operation not permitted|killed/,
  },
  {
    name: "pidfd_open(1) and pidfd_send_signal past the audit hook",
    code: "import os, sys\ndef f(a, b):\n    fd = os.pidfd_open(1)\n    sys.modules['signal'].pidfd_send_signal(fd, 9)\n    return a + b\n",
    expectError: /PermissionError|Operation not permitted/,
  },
  // --- DoS ---
  { name: "big-integer parse", code: "def f(a, b):\n    return int('9' * 10**7) + a\n", expectError: /limit|digits/ },
  { name: "big-integer power", code: "def f(a, b):\n    return 10**10**8 + a\n", expectError: /time limit|killed|limit/ },
  {
    name: "recursion through a C-level callback",
    code: "import functools\ndef f(a, b):\n    g = lambda: sorted([1, 2], key=lambda x: g())\n    return g()\n",
    expectError: /RecursionError|recursion/,
  },
  {
    name: "a sleeping non-daemon thread",
    code: "import threading, time\nthreading.Thread(target=lambda: time.sleep(3600)).start()\ndef f(a, b):\n    return a + b + 1\n",
  },
  {
    name: "filling /tmp past its size",
    code: "def f(a, b):\n    with open('/tmp/big', 'wb') as out:\n        for _ in range(200):\n            out.write(b'x' * 1024 * 1024)\n    return a + b\n",
    expectError: /No space left|File too large|killed|limit/,
  },
  {
    name: "a 60 MB return value",
    code: "def f(a, b):\n    return 'x' * (60 * 1024 * 1024)\n",
    expectError: /larger than the 1024 KiB limit/,
  },
  {
    name: "ctypes classes found through object.__subclasses__()",
    code: "def f(a, b):\n    seen = object.__subclasses__()\n    seen += [s for k in list(seen) for s in type.__subclasses__(k)]\n    for c in seen:\n        if c.__name__ in ('c_char', 'c_long', 'c_void_p', '_SimpleCData'):\n            return repr(c.from_address(id(a)).value)\n    return 'none found'\n",
  },
  // --- forged passes ---
  {
    name: "an always-equal object",
    code: "class E:\n    def __eq__(self, o): return True\n    def __ne__(self, o): return False\ndef f(a, b):\n    return E()\n",
    expectError: /not plain data/,
  },
  {
    name: "an int subclass that equals everything",
    code: "class I(int):\n    def __eq__(self, o): return True\n    __hash__ = int.__hash__\ndef f(a, b):\n    return I(-1)\n",
  },
  {
    name: "replacing the harness's emit and json.dumps",
    code: "import sys, json\nm = sys.modules['__main__']\nfake = lambda *a, **k: None\nfor name in ('emit', 'make_emitter', 'describe'):\n    setattr(m, name, fake)\njson.dumps = lambda *a, **k: '{\"i\": 0, \"ok\": true, \"value\": 3}'\njson.encoder.JSONEncoder.encode = lambda self, o: '{\"i\": 0, \"ok\": true, \"value\": 3}'\ndef f(a, b):\n    return -1\n",
  },
  {
    name: "always-equal object against check()-style test code",
    question: checkStyle,
    code: "class E:\n    def __eq__(self, o): return True\n    def __ne__(self, o): return False\ndef f(a, b):\n    return E()\n",
    expectError: /defines __eq__/,
  },
  {
    name: "an int subclass against check()-style test code",
    question: checkStyle,
    code: "class I(int):\n    def __eq__(self, o): return True\n    def __ne__(self, o): return False\n    __hash__ = int.__hash__\ndef f(a, b):\n    return I(-12345)\n",
  },
  {
    name: "patched builtins against check()-style test code",
    question: checkStyle,
    code: "import builtins\nbuiltins.AssertionError = Exception\nbuiltins.isinstance = lambda *a: True\ndef f(a, b):\n    return -12345\n",
  },
  {
    name: "poisoning the harness's builtins copy (func.__builtins__) against check()-style test code",
    question: checkStyle,
    code: "import sys\nb = sys.modules['__main__'].__dict__['__builtins__']\nb['enumerate'] = lambda xs: [(0, x) for x in xs]\nb['isinstance'] = lambda *a: True\nb['range'] = lambda *a: iter(())\nb['AssertionError'] = KeyError\ndef f(a, b):\n    return -12345\n",
  },
  {
    name: "forged result lines for check()-style test code",
    question: checkStyle,
    code: 'import os\nfor i in range(3):\n    os.write(3, b\'{"i": %d, "ok": true, "value": true}\\n\' % i)\nos.write(3, b\'{"done": true}\\n\')\ndef f(a, b):\n    return -12345\n',
  },
  ...FORGED_THROUGH_MODULES,
  {
    name: "a thread re-patching math.isclose while the test code runs",
    question: mathCheck,
    code: "import math, threading, time\ndef _loop():\n    while True:\n        math.isclose = lambda *a, **k: True\n        time.sleep(0)\nthreading.Thread(target=_loop, daemon=True).start()\ndef f(a, b):\n    return -12345\n",
    expectError: /thread the solution started/,
  },
];

const TYPESCRIPT: Hostile[] = [
  { name: "while (true)", code: "export function f() { while (true) {} }", expectError: /time limit/ },
  {
    name: "huge array",
    code: "export function f() { const a: string[] = []; while (true) a.push('x'.repeat(1000) + a.length); }",
    expectError: /memory|limit/,
  },
  {
    name: "string doubling",
    code: "export function f() { let s = 'x'; while (true) s += s; }",
    expectError: /string too long|memory|limit/,
  },
  { name: "deep recursion", code: "export function f(a: number, b: number): number { return f(a, b); }", expectError: /stack overflow/ },
  {
    name: "prototype pollution of the harness",
    code: "Object.prototype.toJSON = () => 42; (Array.prototype as any).map = () => [42]; JSON.stringify = () => '42'; JSON.parse = () => 42;\nexport function f(a: number, b: number) { return -1; }",
  },
  {
    name: "process and require",
    code: "export function f() { return (process as any).env.SANDBOX_SECRET_CANARY ?? require('fs').readFileSync('/etc/passwd', 'utf8'); }",
    expectError: /process is not defined|ReferenceError/,
  },
  {
    name: "endless microtasks",
    code: "export async function f() { const spin = (): Promise<void> => Promise.resolve().then(spin); await spin(); return 3; }",
    expectError: /time limit/,
  },
  {
    name: "console flood",
    code: "export function f(a: number, b: number) { for (let i = 0; i < 1e6; i++) console.log('spam'.repeat(100)); return a + b + 1; }",
  },
  {
    name: "a 60 MiB return value",
    code: "export function f(a: number, b: number) { return 'x'.repeat(60 * 1024 * 1024); }",
    expectError: /larger than the 1024 KiB limit|memory|limit/,
  },
  {
    name: "a wide array return value",
    code: "export function f(a: number, b: number) { return new Array(3e6).fill(123456); }",
    expectError: /larger than the 1024 KiB limit|limit/,
  },
  {
    name: "toJSON pollution to forge the value",
    code: "(Object.prototype as any).toJSON = () => 3; (Number.prototype as any).toJSON = () => 3;\nexport function f(a: number, b: number) { return {}; }",
  },
  {
    name: "ReDoS",
    code: "export function f(a: number, b: number) { return /^(a+)+$/.test('a'.repeat(40) + '!') ? 1 : 2; }",
    expectError: /time limit|stopped/,
  },
  {
    name: "Atomics.wait",
    code: "export function f(a: number, b: number) { const s = new Int32Array(new SharedArrayBuffer(4)); Atomics.wait(s, 0, 0); return a + b; }",
    expectError: /time limit|cannot|not|Error/,
  },
  {
    name: "an unresolved promise",
    code: "export function f(a: number, b: number) { return new Promise(() => {}); }",
    expectError: /never settled/,
  },
  {
    name: "a class instance with getters",
    code: "class P { get x() { return 3; } }\nexport function f(a: number, b: number) { return new P(); }",
    expectError: /not plain data/,
  },
  {
    name: "reassigning runCase before the test code",
    question: checkStyle,
    code: "(globalThis as any).runCase = () => true; var runCase: any = () => true;\nexport function f(a: number, b: number) { return -12345; }",
  },
  {
    name: "locking runCase so test code cannot define it",
    question: checkStyle,
    code: "Object.defineProperty(globalThis, 'runCase', { value: () => true, writable: false, configurable: false });\nexport function f(a: number, b: number) { return -12345; }",
  },
  {
    name: "reassigning the entrypoint after the first call",
    code: "export function f(a: number, b: number): number { (globalThis as any).f = () => a + b; return -1; }",
  },
  {
    name: "prototype pollution against check()-style test code",
    question: checkStyle,
    code: "(Object.prototype as any).toJSON = () => true; (Array.prototype as any).map = () => [true]; JSON.stringify = () => 'true';\nexport function f(a: number, b: number) { return -12345; }",
  },
  ...FORGED_THROUGH_INTRINSICS,
  {
    name: "an async entrypoint whose promise patches intrinsics when it settles",
    question: jsonCheck,
    code: "export async function f(a: number, b: number) { await Promise.resolve(); (JSON as any).stringify = () => 'same'; return -12345; }",
  },
];

describe.each([
  ["python", PYTHON],
  ["typescript", TYPESCRIPT],
] as const)("hostile %s ends in a clean, reported failure", (language, corpus) => {
  for (const hostile of corpus) {
    it(hostile.name, async () => {
      const report = await sandbox.runTests(hostile.question ?? question, language, hostile.code, "all");
      expect(report.total).toBe(3);
      expect(report.passed, "no hostile program passes").toBe(0);
      const visible = report.results.find((r) => r.visible)!;
      if (hostile.expectError && visible.visible) expect(visible.error ?? "", JSON.stringify(visible)).toMatch(hostile.expectError);
      if (visible.visible) {
        const everything = JSON.stringify(report);
        expect(everything).not.toContain(CANARY);
        expect(everything).not.toContain("SANDBOX_SECRET_CANARY");
        expect(everything).not.toContain("root:x:0:0");
        expect(visible.stdout.length).toBeLessThanOrEqual(limits.outputBytes + 100);
      }
      if (language === "python") await expectOnlyThePoolLeft();
      await expectHealthy(language);
    });
  }
});

describe("ordinary code still works", () => {
  it("passes check()-style test code that imports modules, with solutions that import and use the same ones", async () => {
    const solutions = {
      python: [
        "def f(a, b):\n    return a + b\n",
        "import math, json, string\ndef f(a, b):\n    return int(string.Template('$a').substitute(a=a)) + b + math.floor(0.5) + len(json.loads(json.dumps([])))\n",
        "import math\ndef f(a, b):\n    import json.decoder, string, sys\n    return int(math.fsum([a, b])) + len(sys.modules) * 0\n",
      ],
      typescript: [
        "export function f(a: number, b: number) { return a + b; }",
        "export function f(a: number, b: number) { return Math.abs(a + b) * Math.sign(a + b) + JSON.parse(JSON.stringify([0]))[0] + [0].map((x) => x)[0]; }",
        "(Object as any).is = () => true; (JSON as any).stringify = () => 'same';\nexport function f(a: number, b: number, c?: number) { return c === undefined ? a + b : -1; }",
      ],
    };
    for (const q of [mathCheck, jsonCheck, templateCheck]) {
      for (const language of ["python", "typescript"] as const) {
        for (const code of solutions[language]) {
          const report = await sandbox.runTests(q, language, code, "all");
          expect(report.passed, `${q.id} ${language}: ${JSON.stringify(report.results)}`).toBe(3);
        }
        const wrong =
          language === "python" ? "def f(a, b):\n    return a - b\n" : "export function f(a: number, b: number) { return a - b; }";
        expect((await sandbox.runTests(q, language, wrong, "all")).passed, `${q.id} ${language} wrong`).toBe(0);
      }
    }
  });
  it("says that imports are not available when TypeScript imports a Node module, rather than only that require is undefined", async () => {
    const report = await sandbox.runTests(
      mathCheck,
      "typescript",
      "import fs from 'fs';\nexport function f(a: number, b: number) { return fs ? a + b : 0; }",
      "all",
    );
    expect(report.passed).toBe(0);
    const first = report.results.find((r) => r.visible);
    expect(first && first.visible && first.error).toContain("imports and require() are not available here");
  });
  it("runs standard library code that asks for frames (namedtuple, NamedTuple, enum, dataclasses, logging, warnings), which falls back when refused", async () => {
    const solutions = [
      "from collections import namedtuple\nPair = namedtuple('Pair', 'a b')\ndef f(a, b):\n    p = Pair(a, b)\n    return p.a + p.b\n",
      "from typing import NamedTuple\nclass Pair(NamedTuple):\n    a: int\n    b: int\ndef f(a, b):\n    return sum(Pair(a, b))\n",
      "import enum\nSign = enum.Enum('Sign', 'PLUS MINUS')\ndef f(a, b):\n    return a + b if Sign.PLUS.value == 1 else 0\n",
      "from dataclasses import dataclass\n@dataclass(frozen=True)\nclass Pair:\n    a: int\n    b: int\ndef f(a, b):\n    return Pair(a, b).a + b\n",
      "import logging\nlog = logging.getLogger('adder')\ndef f(a, b):\n    log.warning('adding %s and %s', a, b)\n    return a + b\n",
      "import warnings\ndef f(a, b):\n    warnings.warn('old API')\n    return a + b\n",
    ];
    for (const code of solutions) {
      const report = await sandbox.runTests(question, "python", code, "all");
      expect(report.passed, `${code}\n${JSON.stringify(report.results)}`).toBe(3);
    }
  });
  it("awaits a coroutine result with asyncio (Python) and a promise (TypeScript)", async () => {
    const py = await sandbox.runTests(
      question,
      "python",
      "import asyncio\nasync def f(a, b):\n    await asyncio.sleep(0)\n    return a + b\n",
      "all",
    );
    expect(py.passed).toBe(3);
    // Tasks, gather, a timeout and an async generator: asyncio's own machinery never needs a frame handed out.
    const tasks = await sandbox.runTests(
      question,
      "python",
      "import asyncio\nasync def part(x):\n    await asyncio.sleep(0)\n    return x\nasync def parts(a, b):\n    for x in (a, b):\n        yield x\nasync def main(a, b):\n    t = asyncio.create_task(part(a))\n    got = await asyncio.gather(t, asyncio.wait_for(part(b), 5))\n    assert [x async for x in parts(a, b)] == got\n    return sum(got)\ndef f(a, b):\n    return asyncio.run(main(a, b))\n",
      "all",
    );
    expect(tasks.passed, JSON.stringify(tasks.results)).toBe(3);
    const ts = await sandbox.runTests(
      question,
      "typescript",
      "export async function f(a: number, b: number) { await Promise.resolve(); return a + b; }",
      "all",
    );
    expect(ts.passed).toBe(3);
  });
});

describe("a run ends completely when its result is in", () => {
  it("kills a sandbox whose sleeping non-daemon thread would keep it alive, leaving no process behind", async () => {
    if (process.getuid?.() !== 0) return; // the process-table check below needs the dedicated uids
    const alone = createSandbox({ limits, pythonPool: 0, typescriptWorkers: 1 });
    try {
      const code = "import threading, time\nthreading.Thread(target=lambda: time.sleep(3600)).start()\ndef f(a, b):\n    return a + b\n";
      // The file's shared sandbox refills its pool after each run, in the background: on a busy machine its
      // replacement (3 processes) may start only now. Wait until it says it is ready (all 3 started), so it is not taken
      // for one of this run's. A 10 s poll of the process table gave up silently on a loaded machine (the start-up is
      // CPU the machine hands out slowly), and the late replacement then failed the test as a leftover.
      await sandbox.ready();
      const pidOf = (row: string) => row.split(" ")[1];
      const before = new Set(leftoverSandboxProcesses().map(pidOf));
      const report = await alone.runTests(question, "python", code, "visible");
      expect(report.passed).toBe(1);
      // The kill is sent when the result arrives; the kernel reaps asynchronously: poll, bounded.
      const deadline = Date.now() + 5000;
      const newSince = () => leftoverSandboxProcesses().filter((p) => !before.has(pidOf(p)));
      let left = newSince();
      while (left.length > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        left = newSince();
      }
      expect(left).toEqual([]);
    } finally {
      await alone.close();
    }
  });
});

describe("the sandbox after the hostile corpus", () => {
  it("left no sandboxed process running and wrote nothing outside the scratch dir", async () => {
    await sandbox.close();
    // The kernel reaps asynchronously: poll with a bound rather than sleep a fixed time.
    await expectOnlyThePoolLeft(0);
    expect(() => execSync("test ! -e /usr/pwned && test ! -e /tmp/mock-interview-escape-probe")).not.toThrow();
    sandbox = createSandbox({ limits, pythonPool: 1, typescriptWorkers: 1 });
  });
});
