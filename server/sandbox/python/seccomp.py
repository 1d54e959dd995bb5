# Kernel-level deny list for the sandboxed Python process, installed by the harness
# (see harness.py) before any candidate code runs. Loaded by the harness with exec()
# from a read-only bind mount; defines one function, install_seccomp().
#
# Why the harness installs it and not bubblewrap: bwrap's --seccomp filter applies just
# before bwrap itself execs python3, so a filter that refuses execve would stop python3
# from starting. The harness is the first code that runs after that exec, single-threaded,
# so a filter it installs covers every thread and anything candidate code might start.
#
# The program: check the architecture (a syscall made through another ABI, e.g. int 0x80
# on x86_64, kills the process), then compare the syscall number against the deny list;
# a match returns EPERM (ENOSYS for clone3, so libc falls back to clone, which is
# filtered on its flags). clone is allowed only for threads (CLONE_THREAD, no namespace
# flags); socket/socketpair only for AF_UNIX: asyncio's event loop needs a socketpair, and
# in an empty network namespace with no host sockets mounted, a Unix socket reaches
# nothing but the process itself.

def install_seccomp():
    import ctypes, os, struct

    EPERM, ENOSYS = 1, 38
    AF_UNIX = 1
    CLONE_THREAD = 0x00010000
    CLONE_NAMESPACES = 0x7E020000  # NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET

    # Syscall numbers: (x86_64, aarch64); None where the syscall does not exist.
    denied = {
        "fork": (57, None), "vfork": (58, None), "execve": (59, 221), "execveat": (322, 281),
        "unshare": (272, 97), "setns": (308, 268), "ptrace": (101, 117),
        "process_vm_readv": (310, 270), "process_vm_writev": (311, 271),
        "mount": (165, 40), "umount2": (166, 39), "pivot_root": (155, 41), "chroot": (161, 51),
        "open_tree": (428, 428), "move_mount": (429, 429), "fsopen": (430, 430), "fsconfig": (431, 431),
        "fsmount": (432, 432), "fspick": (433, 433), "mount_setattr": (442, 442),
        "bpf": (321, 280), "keyctl": (250, 219), "add_key": (248, 217), "request_key": (249, 218),
        "perf_event_open": (298, 241), "userfaultfd": (323, 282),
        "io_uring_setup": (425, 425), "io_uring_enter": (426, 426), "io_uring_register": (427, 427),
        "kexec_load": (246, 104), "kexec_file_load": (320, 294),
        "init_module": (175, 105), "finit_module": (313, 273), "delete_module": (176, 106),
        "open_by_handle_at": (304, 265), "name_to_handle_at": (303, 264), "kcmp": (312, 272),
        "kill": (62, 129), "tkill": (200, 130), "tgkill": (234, 131),
        "rt_sigqueueinfo": (129, 138), "rt_tgsigqueueinfo": (297, 240),
        # A signal handler is called with the interrupted frame, whose f_back leads to the harness's (harness.py
        # sets its own handlers first); raising a signal at itself is refused with the rest of the kill family.
        "rt_sigaction": (13, 134),
        "pidfd_open": (434, 434), "pidfd_send_signal": (424, 424), "pidfd_getfd": (438, 438),
        "personality": (135, 92), "acct": (163, 89), "reboot": (169, 142), "syslog": (103, 116),
        "swapon": (167, 224), "swapoff": (168, 225), "sethostname": (170, 161), "setdomainname": (171, 162),
        "quotactl": (179, 60), "iopl": (172, None), "ioperm": (173, None),
    }
    special = {"clone": (56, 220), "clone3": (435, 435), "socket": (41, 198), "socketpair": (53, 199)}
    machine = os.uname().machine
    if machine in ("x86_64", "AMD64"):
        column, arch = 0, 0xC000003E
    elif machine in ("aarch64", "arm64"):
        column, arch = 1, 0xC00000B7
    else:
        raise RuntimeError(f"no seccomp table for {machine}; refusing to run candidate code")

    LD_ABS, JEQ, JSET, JGE, RET = 0x20, 0x15, 0x45, 0x35, 0x06
    ALLOW, KILL = 0x7FFF0000, 0x80000000
    errno = lambda e: 0x00050000 | e  # noqa: E731
    NR, ARCH, ARG0 = 0, 4, 16  # offsets in struct seccomp_data (args are 64-bit, little-endian)

    prog = [(LD_ABS, 0, 0, ARCH), (JEQ, 1, 0, arch), (RET, 0, 0, KILL), (LD_ABS, 0, 0, NR)]
    if column == 0:
        prog += [(JGE, 0, 1, 0x40000000), (RET, 0, 0, errno(EPERM))]  # the x32 ABI
    for nr in sorted({n[column] for n in denied.values() if n[column] is not None}):
        prog += [(JEQ, 0, 1, nr), (RET, 0, 0, errno(EPERM))]
    prog += [(JEQ, 0, 1, special["clone3"][column]), (RET, 0, 0, errno(ENOSYS))]
    # clone: threads only. Each block ends in a return, so the syscall number need not be reloaded.
    prog += [
        (JEQ, 0, 5, special["clone"][column]),
        (LD_ABS, 0, 0, ARG0),
        (JSET, 2, 0, CLONE_NAMESPACES),
        (JSET, 0, 1, CLONE_THREAD),
        (RET, 0, 0, ALLOW),
        (RET, 0, 0, errno(EPERM)),
    ]
    for name in ("socket", "socketpair"):
        prog += [
            (JEQ, 0, 4, special[name][column]),
            (LD_ABS, 0, 0, ARG0),
            (JEQ, 0, 1, AF_UNIX),
            (RET, 0, 0, ALLOW),
            (RET, 0, 0, errno(EPERM)),
        ]
    prog += [(RET, 0, 0, ALLOW)]

    raw = b"".join(struct.pack("=HBBI", *ins) for ins in prog)
    buf = ctypes.create_string_buffer(raw, len(raw))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(len(prog), ctypes.addressof(buf))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP) failed")
