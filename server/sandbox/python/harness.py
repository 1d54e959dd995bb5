# In-sandbox harness for candidate Python. Runs under bubblewrap as `python3 -I -S`.
#
# Start-up (in the pre-started pool, before any job): load the strict serialiser and the
# seccomp deny list (seccomp.py, plain.py), install the filter, drop ctypes, write
# "ready" to fd 3, then wait for the job.
#
# Protocol: one JSON line on stdin: {"token", "code", "testCode", "entrypoint",
# "cases": [{"args": [...]}], "perTestMs", "outputLimit", "returnLimit"}. For every case one
# line `<token> <json>` is written to fd 3: {"i", "ok", "value"?, "error"?, "stdout",
# "stderr", "ms"}; then `<token> {"done": true}`. The token is random per run and held
# only in this file's closures, so lines candidate code writes to fd 3 are ignored by the
# server. Expected values never enter the sandbox: the server compares.
import asyncio, builtins, io, json, os, signal, socket, sys, time

# Everything the harness itself calls after candidate code has run comes from this copy,
# taken before that code exists: replacing builtins.len (say) cannot steer the harness.
PRISTINE_BUILTINS = dict(builtins.__dict__)
# Functions defined below look their builtins up in this copy (3.11 binds a function's
# builtins when it is created); module-level names they need are bound in main() too.
__builtins__ = PRISTINE_BUILTINS


def _load(path, name):
    scope = {"__builtins__": PRISTINE_BUILTINS, "__name__": "sandbox_" + name}
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), scope)
    return scope[name]


class SandboxViolation(PermissionError):
    pass


class FrameRefused(SandboxViolation, ValueError):
    """
    sys._getframe refused. Also a ValueError, which is what the standard library expects
    when frames are unavailable ("call stack is not deep enough"): namedtuple, enum,
    typing.NamedTuple, warnings and logging catch it and fall back, so honest code using
    them runs, while the frame itself is still never handed out.
    """


def _install_guard():
    """
    Install the audit hook and return its one-way switch. Everything the hook
    consults (the blocked sets, the functions it calls, the exception it raises,
    its on/off state) is bound here, in the closure, at install time: candidate
    code can replace module globals, os.path or builtins, but cannot reach these.
    The hook gives clear messages; the walls are the kernel's (mounts, seccomp).
    """
    blocked_events = frozenset({
        "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
        "subprocess.Popen", "socket.connect", "socket.bind", "socket.getaddrinfo",
        "ctypes.dlopen", "ctypes.dlsym", "ctypes.addressof", "ctypes.cdata", "os.kill", "os.killpg",
        "sys._getframe", "sys._current_frames", "sys.settrace", "sys.setprofile",
    })
    # Where a frame object could come from. CPython audits reading these, but not a frame's own f_back or f_locals:
    # any frame in candidate hands walks back to the harness's (a running generator's gi_frame.f_back is its caller,
    # whose f_back is main()). So frames are never handed out: not through sys._getframe, a traceback, a generator,
    # coroutine or async generator, nor a signal handler (installing one is refused by seccomp, see main()).
    # f_back, f_globals and f_locals stay listed for the Python versions that do audit them.
    blocked_attributes = frozenset({
        "tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back", "f_globals", "f_locals", "__globals__",
    })
    blocked_modules = frozenset({
        "gc", "ctypes", "_ctypes", "subprocess", "_posixsubprocess", "socket", "_socket", "multiprocessing",
        "pty", "resource", "signal", "_signal", "mmap", "fcntl", "select", "selectors", "ssl", "_ssl",
        "urllib", "http", "ftplib", "smtplib", "asyncio.subprocess",
    })
    readable = ("/usr/lib/python3", "/usr/local/lib/python3", "/tmp/")
    # realpath, not abspath: a symlink in /tmp must not lead the check astray.
    realpath, fsdecode, af_unix = os.path.realpath, os.fsdecode, socket.AF_UNIX
    is_int, is_str, violation, frame_refused = (lambda v: type(v) is int), (lambda v: type(v) is str), SandboxViolation, FrameRefused
    armed = []

    starts_with, split = str.startswith, str.split

    def check(event, args):
        if starts_with(event, "ctypes."):
            # ctypes is dropped after the filter is installed, but its C types live on
            # (object.__subclasses__() finds them): refuse every ctypes operation.
            raise violation(f"sandbox: {event} is not allowed here")
        if event == "object.__getattr__" and len(args) > 1 and args[1] in blocked_attributes:
            raise violation(f"sandbox: reading {args[1]} is not allowed here")
        # A function's code swapped in place: the harness's own SIGPROF handler, found through __main__ or
        # signal.getsignal and fired with setitimer, would run candidate code with the interrupted frame.
        if event == "object.__setattr__" and len(args) > 1 and args[1] == "__code__":
            raise violation("sandbox: replacing a function's __code__ is not allowed here")
        if event == "sys._getframe":
            raise frame_refused("sandbox: sys._getframe is not allowed here")
        if event in blocked_events:
            raise violation(f"sandbox: {event} is not allowed here")
        if event == "socket.__new__":
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
            path = fsdecode(path)
            # The event carries no dir_fd: a relative path may be opened from a descriptor of any readable directory,
            # not from the working directory it is judged against here, so it may not climb with "..".
            if not starts_with(path, "/") and ".." in split(path, "/"):
                raise violation(f"sandbox: a relative path through .. ({path[:200]}) is not allowed here")
            path = realpath(path)
            writing = is_str(mode) and ("w" in mode or "a" in mode or "x" in mode or "+" in mode)
            if writing and not path.startswith("/tmp/"):
                raise violation(f"sandbox: writing {path} is not allowed; use /tmp")
            if not (path + "/").startswith(readable) and not path.startswith(readable):
                raise violation(f"sandbox: reading {path} is not allowed")

    def audit(event, args):
        if armed:
            check(event, args)

    sys.addaudithook(audit)
    return armed.append


class Capped(io.TextIOBase):
    """stdout/stderr for one test: keeps the first `limit` characters, drops the rest.

    With `tee`, what is kept is also written to the process's stdout as it comes, so a
    run the server stops (wall-clock budget) still shows what the test printed; the
    server attributes it by the case markers (see mark_case). Candidate code can reach
    `tee`, which only writes to fd 1: its own output, nothing the verdict depends on.
    """
    def __init__(self, limit, tee=None):
        self.parts, self.size, self.limit, self.dropped, self.tee = [], 0, limit, 0, tee
    def writable(self):
        return True
    def write(self, s):
        s = str(s)
        room = self.limit - self.size
        if room > 0:
            self.parts.append(s[:room])
            self.size += min(len(s), room)
            if self.tee is not None:
                self.tee(s[:room])
        self.dropped += max(0, len(s) - max(room, 0))
        return len(s)
    def text(self):
        out = "".join(self.parts)
        return out + (f"\n… [{self.dropped} more characters not kept]" if self.dropped else "")


class TestTimeout(BaseException):
    pass


def on_alarm(signum, frame):
    raise TestTimeout()


def describe(exc):
    """The error in one line. Built by hand: the traceback module walks frames, which the guard forbids."""
    if isinstance(exc, TestTimeout):
        return "time limit exceeded for this test"
    if isinstance(exc, SyntaxError):
        return f"SyntaxError: {exc.msg} (line {exc.lineno})"
    try:
        return f"{type(exc).__name__}: {exc}"[:2000]
    except BaseException:  # noqa: BLE001 - an exception whose __str__ raises
        return f"{type(exc).__name__}"[:200]


def read_job():
    """The job from fd 0, read with os.read (no buffered copy lingers in sys.stdin), then fd 0 is closed."""
    chunks = []
    while True:
        chunk = os.read(0, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
        if chunk.endswith(b"\n"):
            break
    os.close(0)
    return json.loads(b"".join(chunks))


def make_tee():
    """tee(text) writes to fd 1 unbuffered; mark_case(i) starts test i's part of it."""
    write, encode = os.write, str.encode

    def tee(text):
        data = encode(text, "utf-8", "replace")
        try:
            while data:
                data = data[write(1, data):]
        except OSError:
            pass  # the server stopped reading: the capture keeps the text anyway

    def mark_case(i):
        tee("\x00case:" + str(i) + "\n")
    return tee, mark_case


def make_emitter(token, dumps):
    """emit(fields, value_json) writes one authenticated line; dumps is the strict serialiser."""
    write, encode = os.write, str.encode
    prefix = token + " "

    def emit(fields, value_json=None):
        body = dumps(fields)
        if value_json is not None:
            body = body[:-1] + ', "value": ' + value_json + "}"
        data = encode(prefix + body + "\n", "utf-8", "replace")
        while data:
            data = data[write(3, data):]
    return emit


def main(arm):
    # Bound now: candidate code can reach the builtins copy these functions use
    # (func.__builtins__) and module globals, but not these locals.
    Capped_, describe_, sys_ = Capped, describe, sys
    enumerate_, round_, callable_, dict_, set_ = enumerate, round, callable, dict, set
    test_builtins_base = dict_(PRISTINE_BUILTINS)
    make_plain_tools = _load("/sandbox/plain.py", "make_plain_tools")
    make_restorer = _load("/sandbox/restore.py", "make_restorer")
    from _thread import _count as threads_alive
    # Per-test limits count CPU time, not wall time, so a busy machine does not fail
    # honest code; sleeping code is stopped by the parent's wall-clock limit for the batch.
    # Both handlers are set before the seccomp filter, which then refuses rt_sigaction: a handler candidate code
    # installed would be called with the interrupted frame, a way back to this one. SIGINT goes to its default so
    # asyncio.run does not try to install its own.
    signal.signal(signal.SIGPROF, on_alarm)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _load("/sandbox/seccomp.py", "install_seccomp")()
    for name in [m for m in sys.modules if m == "ctypes" or m.startswith(("ctypes.", "_ctypes"))]:
        del sys.modules[name]  # a later `import ctypes` is a fresh import, which the guard refuses
    os.write(3, b"ready\n")

    job = read_job()
    limit = int(job.get("outputLimit", 65536))
    to_json, to_plain, _ = make_plain_tools(int(job.get("returnLimit", 1 << 20)))
    emit = make_emitter(str(job["token"]), make_plain_tools(8 * limit + 65536)[0])
    del job["token"]
    per_test = max(1, int(job.get("perTestMs", 2000))) / 1000.0
    setitimer, ITIMER_PROF, perf = signal.setitimer, signal.ITIMER_PROF, time.perf_counter
    iscoroutine, run_coroutine, _exit = asyncio.iscoroutine, asyncio.run, os._exit
    tee, mark_case = make_tee()
    namespace = {"__name__": "solution", "__builtins__": builtins}
    real_out, real_err = sys.stdout, sys.stderr
    test_code, entrypoint = job.get("testCode"), job["entrypoint"]

    # Load the candidate's module, then the question's test code in a namespace of its
    # own (with the pristine builtins): the test code sees the candidate's names, but
    # the candidate's function reaches it only through `guarded`, which hands back
    # plain copies of what it returns.
    load_out, load_err = Capped_(limit, tee), Capped_(limit)
    sys_.stdout, sys_.stderr = load_out, load_err
    arm(True)  # one way: nothing in this process can switch the guard off again
    del arm
    # Snapshot what the test code can reach before the candidate's code exists (None
    # when the test code imports nothing: its builtins are a pristine copy already).
    restore = make_restorer(test_code) if test_code else None

    def settle():
        """Put back what the test code reaches; refuse while candidate threads could re-patch it."""
        restore()
        if threads_alive():
            raise RuntimeError("a thread the solution started is still running; "
                               "this question's test code cannot be checked while it does")
    try:
        setitimer(ITIMER_PROF, per_test)
        exec(compile(job["code"], "solution.py", "exec"), namespace)
        if restore is not None:
            settle()
        if test_code:
            trusted = set_()
            real_build_class = test_builtins_base["__build_class__"]

            def build_class(*args, **kwargs):
                cls = real_build_class(*args, **kwargs)
                trusted.add(cls)
                return cls

            test_builtins = dict_(test_builtins_base, __build_class__=build_class)
            test_ns = {k: v for k, v in namespace.items() if k != "__builtins__"}
            test_ns.update(__name__="tests", __builtins__=test_builtins)
            candidate = namespace.get(entrypoint)
            if callable(candidate):
                if restore is None:
                    def guarded(*args, **kwargs):
                        return to_plain(candidate(*args, **kwargs), trusted)
                else:
                    def guarded(*args, **kwargs):
                        try:
                            value = candidate(*args, **kwargs)
                        finally:
                            settle()  # what the call patched is undone before the test code goes on
                        return to_plain(value, trusted)
                test_ns[entrypoint] = guarded
            exec(compile(test_code, "tests.py", "exec"), test_ns)
            target = test_ns.get("run_case")
        else:
            target = namespace.get(entrypoint)
        setitimer(ITIMER_PROF, 0)
        if not callable_(target):
            raise NameError(f"{'run_case' if test_code else entrypoint} is not defined as a function")
        load_error = None
    except BaseException as exc:  # noqa: BLE001 - report anything the candidate's code raised
        setitimer(ITIMER_PROF, 0)
        load_error = describe_(exc)
    sys_.stdout, sys_.stderr = real_out, real_err

    for i, case in enumerate_(job["cases"]):
        if load_error is not None:
            emit({"i": i, "ok": False, "error": f"could not load the code: {load_error}", "stdout": load_out.text(), "stderr": load_err.text(), "ms": 0})
            continue
        mark_case(i)
        out, err = Capped_(limit, tee), Capped_(limit)
        sys_.stdout, sys_.stderr = out, err
        started = perf()
        try:
            setitimer(ITIMER_PROF, per_test)
            if restore is not None:
                settle()
            result = target(*case.get("args", []))
            if iscoroutine(result):
                result = run_coroutine(result)
            value = to_json(result)
            setitimer(ITIMER_PROF, 0)
            sys_.stdout, sys_.stderr = real_out, real_err
            emit({"i": i, "ok": True, "stdout": out.text(), "stderr": err.text(), "ms": round_((perf() - started) * 1000, 2)}, value)
        except BaseException as exc:  # noqa: BLE001
            setitimer(ITIMER_PROF, 0)
            sys_.stdout, sys_.stderr = real_out, real_err
            emit({"i": i, "ok": False, "error": describe_(exc), "stdout": out.text(), "stderr": err.text(), "ms": round_((perf() - started) * 1000, 2)})
    emit({"done": True})
    # Threads the candidate started must not keep the sandbox alive (the server kills it too).
    _exit(0)


main(_install_guard())
