# In-sandbox harness for candidate Python. Runs under bubblewrap as `python3 -I -S`.
#
# Protocol: one JSON line on stdin: {"code", "testCode", "entrypoint", "cases": [{"args": [...]}],
# "perTestMs", "outputLimit"}. For every case one JSON line is written to fd 3:
# {"i", "ok", "value"?, "error"?, "stdout", "stderr", "ms"}; then {"done": true}.
# Expected values never enter the sandbox: comparison happens in the parent, so
# anything the candidate's code forges here can only claim answers it computed.
import asyncio, io, json, os, signal, socket, sys, time

RESULTS = os.fdopen(3, "w", buffering=1)
class SandboxViolation(PermissionError):
    pass


def _install_guard():
    """
    Install the audit hook and return its one-way switch. Everything the hook
    consults (the blocked sets, the functions it calls, the exception it raises,
    its on/off state) is bound here, in the closure, at install time: candidate
    code can replace module globals, os.path or builtins, but cannot reach these.
    """
    # Operations candidate code may not perform; the kernel sandbox stops them too,
    # but refusing here gives the candidate a clear message instead of a crash.
    blocked_events = frozenset({
        "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
        "subprocess.Popen", "socket.connect", "socket.bind", "socket.getaddrinfo",
        "ctypes.dlopen", "ctypes.dlsym", "ctypes.addressof", "ctypes.cdata", "os.kill", "os.killpg",
        "sys._getframe", "sys._current_frames",
    })
    # Attributes that lead from candidate code back to the harness's frames and variables.
    # (Coroutine and generator frames stay readable: asyncio needs them, and they are the candidate's own.)
    blocked_attributes = frozenset({"tb_frame", "f_back", "f_globals", "f_locals", "__globals__"})
    blocked_modules = frozenset({
        "gc", "ctypes", "_ctypes", "subprocess", "_posixsubprocess", "socket", "_socket", "multiprocessing",
        "pty", "resource", "signal", "_signal", "mmap", "fcntl", "select", "selectors", "ssl", "_ssl",
        "urllib", "http", "ftplib", "smtplib", "asyncio.subprocess",
    })
    readable = ("/usr/lib/python3", "/usr/local/lib/python3", "/tmp")
    abspath, fsdecode, af_unix = os.path.abspath, os.fsdecode, socket.AF_UNIX
    is_int, is_str, violation = (lambda v: type(v) is int), (lambda v: type(v) is str), SandboxViolation
    armed = []

    def check(event, args):
        if event == "object.__getattr__" and len(args) > 1 and args[1] in blocked_attributes:
            raise violation(f"sandbox: reading {args[1]} is not allowed here")
        if event in blocked_events:
            raise violation(f"sandbox: {event} is not allowed here")
        if event == "socket.__new__":
            # asyncio needs a Unix socket pair for its event loop; nothing reachable
            # lies behind one in this network namespace. Internet sockets are refused.
            if args[1] != af_unix:
                raise violation("sandbox: opening a network socket is not allowed here")
            return
        if event == "import":
            name = str(args[0])
            if name in blocked_modules or name.split(".")[0] in blocked_modules:
                raise violation(f"sandbox: importing {name} is not allowed here")
        elif event == "open":
            path, mode = args[0], args[1]
            if is_int(path):
                return
            path = abspath(fsdecode(path))
            writing = is_str(mode) and ("w" in mode or "a" in mode or "x" in mode or "+" in mode)
            if writing and not path.startswith("/tmp/"):
                raise violation(f"sandbox: writing {path} is not allowed; use /tmp")
            if not path.startswith(readable):
                raise violation(f"sandbox: reading {path} is not allowed")

    def audit(event, args):
        if armed:
            check(event, args)

    sys.addaudithook(audit)
    return armed.append


class Capped(io.TextIOBase):
    """stdout/stderr for one test: keeps the first `limit` characters, drops the rest."""
    def __init__(self, limit):
        self.parts, self.size, self.limit, self.dropped = [], 0, limit, 0
    def writable(self):
        return True
    def write(self, s):
        s = str(s)
        room = self.limit - self.size
        if room > 0:
            self.parts.append(s[:room])
            self.size += min(len(s), room)
        self.dropped += max(0, len(s) - max(room, 0))
        return len(s)
    def text(self):
        out = "".join(self.parts)
        return out + (f"\n… [{self.dropped} more characters not kept]" if self.dropped else "")


class TestTimeout(BaseException):
    pass


def on_alarm(signum, frame):
    raise TestTimeout()


def jsonable(value):
    # json.dumps turns tuples into lists; anything else unserialisable is an error the candidate should see.
    return json.loads(json.dumps(value))


def describe(exc):
    """The error in one line. Built by hand: the traceback module walks frames, which the guard forbids."""
    if isinstance(exc, TestTimeout):
        return "time limit exceeded for this test"
    if isinstance(exc, SyntaxError):
        return f"SyntaxError: {exc.msg} (line {exc.lineno})"
    return f"{type(exc).__name__}: {exc}"[:2000]


def emit(obj):
    RESULTS.write(json.dumps(obj) + "\n")


def main(arm):
    job = json.loads(sys.stdin.readline())
    limit = int(job.get("outputLimit", 65536))
    per_test = max(1, int(job.get("perTestMs", 2000))) / 1000.0
    # Per-test limits count CPU time, not wall time, so a busy machine does not fail
    # honest code; sleeping code is stopped by the parent's wall-clock limit for the batch.
    signal.signal(signal.SIGPROF, on_alarm)
    namespace = {"__name__": "solution", "__builtins__": __builtins__}
    real_out, real_err = sys.stdout, sys.stderr

    # Load the candidate's module (and the question's test code) once.
    load_out, load_err = Capped(limit), Capped(limit)
    sys.stdout, sys.stderr = load_out, load_err
    arm(True)  # one way: nothing in this process can switch the guard off again
    del arm
    try:
        signal.setitimer(signal.ITIMER_PROF, per_test)
        exec(compile(job["code"], "solution.py", "exec"), namespace)
        if job.get("testCode"):
            exec(compile(job["testCode"], "tests.py", "exec"), namespace)
        signal.setitimer(signal.ITIMER_PROF, 0)
        target = namespace.get("run_case") if job.get("testCode") else namespace.get(job["entrypoint"])
        if not callable(target):
            raise NameError(f"{'run_case' if job.get('testCode') else job['entrypoint']} is not defined as a function")
        load_error = None
    except BaseException as exc:  # noqa: BLE001 - report anything the candidate's code raised
        signal.setitimer(signal.ITIMER_PROF, 0)
        load_error = describe(exc)
    sys.stdout, sys.stderr = real_out, real_err

    for i, case in enumerate(job["cases"]):
        if load_error is not None:
            emit({"i": i, "ok": False, "error": f"could not load the code: {load_error}", "stdout": load_out.text(), "stderr": load_err.text(), "ms": 0})
            continue
        out, err = Capped(limit), Capped(limit)
        sys.stdout, sys.stderr = out, err
        started = time.perf_counter()
        try:
            signal.setitimer(signal.ITIMER_PROF, per_test)
            result = target(*case.get("args", []))
            if asyncio.iscoroutine(result):
                result = asyncio.run(result)
            signal.setitimer(signal.ITIMER_PROF, 0)
            sys.stdout, sys.stderr = real_out, real_err
            emit({"i": i, "ok": True, "value": jsonable(result), "stdout": out.text(), "stderr": err.text(), "ms": round((time.perf_counter() - started) * 1000, 2)})
        except BaseException as exc:  # noqa: BLE001
            signal.setitimer(signal.ITIMER_PROF, 0)
            sys.stdout, sys.stderr = real_out, real_err
            emit({"i": i, "ok": False, "error": describe(exc), "stdout": out.text(), "stderr": err.text(), "ms": round((time.perf_counter() - started) * 1000, 2)})
    emit({"done": True})


main(_install_guard())
