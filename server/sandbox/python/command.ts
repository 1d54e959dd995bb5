import { fileURLToPath } from "node:url";
import type { SandboxLimits } from "../limits.js";

export const HARNESS_PATH = fileURLToPath(new URL("./harness.py", import.meta.url));

export type PythonSandboxPaths = { python: string; bwrap: string; prlimit: string; setpriv: string };
export const DEFAULT_PATHS: PythonSandboxPaths = {
  python: "/usr/bin/python3",
  bwrap: "/usr/bin/bwrap",
  prlimit: "/usr/bin/prlimit",
  setpriv: "/usr/bin/setpriv",
};

const MB = 1024 * 1024;

/**
 * prlimit (rlimits) -> setpriv (a dedicated uid, when we are root, so the
 * process limit applies) -> bwrap (every namespace unshared: no network, own
 * pids; read-only /usr; a fresh tmpfs as the only writable place; empty env)
 * -> python3 -I -S harness.py.
 */
export function sandboxCommand(
  paths: PythonSandboxPaths,
  limits: SandboxLimits,
  identity: { uid: number } | null,
  extraProcesses = 0,
): { command: string; args: string[] } {
  const rlimits = [
    `--cpu=${Math.ceil(limits.cpuSeconds)}`,
    `--as=${limits.memoryMb * MB}`,
    `--nproc=${limits.processes + extraProcesses}`,
    `--fsize=${limits.fileSizeMb * MB}`,
    `--nofile=${limits.openFiles}`,
    "--core=0",
  ];
  const dropToUid = identity
    ? [paths.setpriv, `--reuid=${identity.uid}`, `--regid=${identity.uid}`, "--clear-groups", "--"]
    : [];
  const bwrap = [
    paths.bwrap,
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--ro-bind", "/usr", "/usr",
    "--symlink", "usr/lib", "/lib",
    "--symlink", "usr/lib64", "/lib64",
    "--symlink", "usr/bin", "/bin",
    "--proc", "/proc",
    "--dev", "/dev",
    "--tmpfs", "/tmp",
    "--ro-bind", HARNESS_PATH, "/sandbox/harness.py",
    "--chdir", "/tmp",
    "--clearenv",
    "--setenv", "PATH", "/usr/bin",
    "--setenv", "HOME", "/tmp",
    "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
    "--",
    paths.python, "-I", "-S", "/sandbox/harness.py",
  ];
  return { command: paths.prlimit, args: [...rlimits, "--", ...dropToUid, ...bwrap] };
}
