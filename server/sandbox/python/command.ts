import { fileURLToPath } from "node:url";
import type { SandboxLimits } from "../limits.js";

const HARNESS_FILES = ["harness.py", "plain.py", "restore.py", "seccomp.py"].map(
  (name) => [fileURLToPath(new URL(`./${name}`, import.meta.url)), `/sandbox/${name}`] as const,
);

/**
 * The only environment prlimit, setpriv and bwrap get: bwrap's own init (pid 1 in the
 * sandbox) is forked before --clearenv applies, so whatever bwrap inherits sits in
 * that process's memory. Nothing of the server's environment is passed on.
 */
export const SANDBOX_SPAWN_ENV: Readonly<Record<string, string>> = Object.freeze({ PATH: "/usr/bin:/bin" });

export type PythonSandboxPaths = { python: string; bwrap: string; prlimit: string; setpriv: string };
export const DEFAULT_PATHS: PythonSandboxPaths = {
  python: "/usr/bin/python3",
  bwrap: "/usr/bin/bwrap",
  prlimit: "/usr/bin/prlimit",
  setpriv: "/usr/bin/setpriv",
};

/**
 * The read-only system every sandbox sees: Debian's /usr and the /lib links its binaries
 * load from. The start-up probe mounts the same, so a probe that passes means a run can.
 */
export const SYSTEM_ROOT: readonly string[] = [
  "--ro-bind",
  "/usr",
  "/usr",
  "--symlink",
  "usr/lib",
  "/lib",
  "--symlink",
  "usr/lib64",
  "/lib64",
];

const MB = 1024 * 1024;

/** Whole CPU seconds before the kernel stops the sandbox with SIGXCPU. */
const cpuSoftLimit = (limits: SandboxLimits) => Math.ceil(limits.cpuSeconds);

/** bwrap reports a child killed by a signal as exit code 128 + the signal's number. */
export const CPU_LIMIT_EXIT_CODE = 128 + 24; // SIGXCPU

/**
 * prlimit (rlimits) -> setpriv (a dedicated uid, when we are root, so the
 * process limit applies) -> bwrap (every namespace unshared: no network, own
 * pids; read-only /usr; no /proc at all; a size-capped tmpfs /tmp as the only
 * writable place; empty env) -> python3 -I -S harness.py, which installs the
 * seccomp deny list before it reads a job.
 */
export function sandboxCommand(
  paths: PythonSandboxPaths,
  limits: SandboxLimits,
  identity: { uid: number } | null,
  extraProcesses = 0,
): { command: string; args: string[] } {
  const rlimits = [
    // The soft limit sends SIGXCPU (which kills: nothing in the sandbox handles it), the hard one SIGKILL a second
    // later: a run ended by SIGXCPU is known to have used its CPU time, not its memory.
    `--cpu=${cpuSoftLimit(limits)}:${cpuSoftLimit(limits) + 1}`,
    `--as=${limits.memoryMb * MB}`,
    `--nproc=${limits.processes + extraProcesses}`,
    `--fsize=${limits.fileSizeMb * MB}`,
    `--nofile=${limits.openFiles}`,
    "--core=0",
  ];
  const dropToUid = identity ? [paths.setpriv, `--reuid=${identity.uid}`, `--regid=${identity.uid}`, "--clear-groups", "--"] : [];
  const bwrap = [
    paths.bwrap,
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    ...SYSTEM_ROOT,
    "--symlink",
    "usr/bin",
    "/bin",
    // No --proc: nothing in the sandbox needs it, and without it there is no
    // /proc/<pid>/environ, /proc/self/mem or process table to read at all.
    "--dev",
    "/dev",
    "--size",
    String(limits.tmpfsMb * MB),
    "--tmpfs",
    "/tmp",
    ...HARNESS_FILES.flatMap(([from, to]) => ["--ro-bind", from, to]),
    // bwrap's root and /dev are tmpfs mounts the sandbox user could fill; make them read-only.
    "--remount-ro",
    "/dev",
    "--remount-ro",
    "/",
    "--chdir",
    "/tmp",
    "--clearenv",
    "--setenv",
    "PATH",
    "/usr/bin",
    "--setenv",
    "HOME",
    "/tmp",
    "--setenv",
    "PYTHONDONTWRITEBYTECODE",
    "1",
    "--",
    paths.python,
    "-I",
    "-S",
    "/sandbox/harness.py",
  ];
  return { command: paths.prlimit, args: [...rlimits, "--", ...dropToUid, ...bwrap] };
}
