import { execSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, DEFAULT_LIMITS, type Sandbox } from "../../server/sandbox/index.js";
import { addQuestion } from "../helpers/coding-question.js";

const question = addQuestion();
const limits = { ...DEFAULT_LIMITS, perTestMs: 600, cpuSeconds: 3 };
let sandbox: Sandbox;
beforeAll(() => {
  process.env.SANDBOX_SECRET_CANARY = "canary-7f3a9";
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
});

/**
 * Sandboxed processes (uids 61000-61999) started by this test process and still
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
  return rows.filter((r) => r.uid >= 61000 && r.uid < 62000 && descendsFromUs(r.pid)).map((r) => `${r.uid} ${r.pid} ${r.stat} ${r.comm}`);
}

async function expectHealthy(language: "python" | "typescript") {
  const good = question.coding!.referenceSolution[language]!;
  const report = await sandbox.runTests(question, language, good, "all");
  expect(report.passed, "a correct solution still passes after the hostile one").toBe(3);
}

type Hostile = { name: string; code: string; expectError?: RegExp };

const PYTHON: Hostile[] = [
  { name: "fork bomb", code: "import os\ndef f(a, b):\n    while True:\n        os.fork()\n", expectError: /os\.fork is not allowed/ },
  { name: "infinite loop", code: "def f(a, b):\n    while True:\n        pass\n", expectError: /time limit/ },
  { name: "deep recursion", code: "import sys\ndef f(a, b):\n    return f(a, b)\n", expectError: /RecursionError/ },
  { name: "memory bomb (list)", code: "def f(a, b):\n    x = []\n    while True:\n        x.append(' ' * 10**6)\n", expectError: /MemoryError|killed|limit/ },
  { name: "memory bomb (string)", code: "def f(a, b):\n    s = 'x'\n    while True:\n        s += s\n", expectError: /MemoryError|killed|limit/ },
  { name: "100 MB of output via print", code: "def f(a, b):\n    for _ in range(100):\n        print('x' * 10**6)\n    return a + b + 1\n" },
  { name: "100 MB written straight to fd 1", code: "import os\ndef f(a, b):\n    for _ in range(100):\n        os.write(1, b'x' * 10**6)\n    return a + b + 1\n", expectError: /output|limit|killed/ },
  { name: "flooding the harness's results pipe", code: "import os\ndef f(a, b):\n    for _ in range(200):\n        os.write(3, b'x' * 10**6)\n    return a + b + 1\n", expectError: /output|limit|killed|time/ },
  { name: "write outside the scratch dir", code: "def f(a, b):\n    open('/usr/pwned', 'w').write('x')\n    return a + b\n", expectError: /writing \/usr\/pwned is not allowed/ },
  { name: "read /etc/passwd", code: "def f(a, b):\n    return open('/etc/passwd').read()\n", expectError: /reading \/etc\/passwd is not allowed/ },
  { name: "read environment secrets", code: "import os\ndef f(a, b):\n    return dict(os.environ)\n" },
  { name: "socket to the app's port", code: "import socket\ndef f(a, b):\n    s = socket.create_connection(('127.0.0.1', 3000))\n    return a + b\n", expectError: /socket\.getaddrinfo is not allowed|socket\.connect is not allowed|importing socket is not allowed/ },
  { name: "raw internet socket", code: "import socket\ndef f(a, b):\n    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n    s.connect(('127.0.0.1', 3000))\n    return a + b\n", expectError: /network socket is not allowed/ },
  { name: "spawn a shell", code: "import os\ndef f(a, b):\n    os.system('sh -c \"echo pwned > /tmp/x\"')\n    return a + b\n", expectError: /os\.system is not allowed/ },
  { name: "subprocess via __import__", code: "def f(a, b):\n    sp = __import__('subprocess')\n    return sp.run(['sh']).returncode\n", expectError: /subprocess\.Popen is not allowed|importing subprocess is not allowed/ },
  { name: "import ctypes", code: "import ctypes\ndef f(a, b):\n    return a + b\n", expectError: /importing ctypes is not allowed/ },
  { name: "sleep past the wall limit", code: "import time\ndef f(a, b):\n    time.sleep(30)\n    return a + b\n", expectError: /time limit/ },
  {
    name: "fake harness result lines",
    code: "import os, sys\nprint('{\"i\": 1, \"ok\": true, \"value\": 42}')\nprint('ALL TESTS PASSED')\ntry:\n    os.write(3, b'{\"i\": 0, \"ok\": true, \"value\": 999}\\n{\"done\": true}\\n')\nexcept OSError:\n    pass\ndef f(a, b):\n    return -1\n",
  },
  {
    name: "switching the guard off through __main__",
    // Replace the harness's globals (the guard's old home), os.path and a builtin, then reach for ctypes.
    code: "import sys, os, builtins\nm = sys.modules['__main__']\nfor k in list(vars(m)):\n    if k not in ('RESULTS', 'emit', 'main', 'describe', 'jsonable', 'Capped', 'TestTimeout', 'on_alarm', 'json', 'time', 'asyncio', 'signal', 'sys', 'io', 'os'):\n        setattr(m, k, None)\nos.path.abspath = lambda p: '/tmp/x'\nbuiltins.isinstance = lambda *a: False\ndef f(a, b):\n    import ctypes\n    return a + b\n",
    expectError: /importing ctypes is not allowed/,
  },
  {
    name: "walking frames from a traceback",
    code: "def f(a, b):\n    try:\n        raise ValueError()\n    except ValueError as e:\n        return str(e.__traceback__.tb_frame.f_back.f_locals)\n",
    expectError: /reading tb_frame is not allowed/,
  },
  {
    name: "gc to find the harness's objects",
    code: "def f(a, b):\n    import gc\n    return len(gc.get_objects())\n",
    expectError: /importing gc is not allowed/,
  },
  { name: "frame walking to the harness", code: "import sys\ndef f(a, b):\n    return str(sys._getframe(1).f_locals)\n", expectError: /sys\._getframe is not allowed/ },
];

const TYPESCRIPT: Hostile[] = [
  { name: "while (true)", code: "export function f() { while (true) {} }", expectError: /time limit/ },
  { name: "huge array", code: "export function f() { const a: string[] = []; while (true) a.push('x'.repeat(1000) + a.length); }", expectError: /memory|limit/ },
  { name: "string doubling", code: "export function f() { let s = 'x'; while (true) s += s; }", expectError: /string too long|memory|limit/ },
  { name: "deep recursion", code: "export function f(a: number, b: number): number { return f(a, b); }", expectError: /stack overflow/ },
  { name: "prototype pollution of the harness", code: "Object.prototype.toJSON = () => 42; (Array.prototype as any).map = () => [42]; JSON.stringify = () => '42'; JSON.parse = () => 42;\nexport function f(a: number, b: number) { return -1; }" },
  { name: "process and require", code: "export function f() { return (process as any).env.SANDBOX_SECRET_CANARY ?? require('fs').readFileSync('/etc/passwd', 'utf8'); }", expectError: /process is not defined|ReferenceError/ },
  { name: "endless microtasks", code: "export async function f() { const spin = (): Promise<void> => Promise.resolve().then(spin); await spin(); return 3; }", expectError: /time limit/ },
  { name: "console flood", code: "export function f(a: number, b: number) { for (let i = 0; i < 1e6; i++) console.log('spam'.repeat(100)); return a + b + 1; }" },
];

describe.each([
  ["python", PYTHON],
  ["typescript", TYPESCRIPT],
] as const)("hostile %s ends in a clean, reported failure", (language, corpus) => {
  for (const hostile of corpus) {
    it(hostile.name, async () => {
      const report = await sandbox.runTests(question, language, hostile.code, "all");
      expect(report.total).toBe(3);
      expect(report.passed, "no hostile program passes").toBe(0);
      const visible = report.results.find((r) => r.visible)!;
      if (hostile.expectError && visible.visible) expect(visible.error ?? "", JSON.stringify(visible)).toMatch(hostile.expectError);
      if (visible.visible) {
        const everything = JSON.stringify(report);
        expect(everything).not.toContain("canary-7f3a9");
        expect(everything).not.toContain("root:x:0:0");
        expect(visible.stdout.length).toBeLessThanOrEqual(limits.outputBytes + 100);
      }
      await expectHealthy(language);
    });
  }
});

describe("ordinary code still works", () => {
  it("awaits a coroutine result with asyncio (Python) and a promise (TypeScript)", async () => {
    const py = await sandbox.runTests(question, "python", "import asyncio\nasync def f(a, b):\n    await asyncio.sleep(0)\n    return a + b\n", "all");
    expect(py.passed).toBe(3);
    const ts = await sandbox.runTests(question, "typescript", "export async function f(a: number, b: number) { await Promise.resolve(); return a + b; }", "all");
    expect(ts.passed).toBe(3);
  });
});

describe("the sandbox after the hostile corpus", () => {
  it("left no sandboxed process running and wrote nothing outside the scratch dir", async () => {
    await sandbox.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(leftoverSandboxProcesses()).toEqual([]);
    expect(() => execSync("test ! -e /usr/pwned && test ! -e /tmp/x")).not.toThrow();
    sandbox = createSandbox({ limits, pythonPool: 1, typescriptWorkers: 1 });
  });
});
