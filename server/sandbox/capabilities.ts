import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Language } from "../scenarios/index.js";
import { fileURLToPath } from "node:url";
import { DEFAULT_PATHS, SANDBOX_SPAWN_ENV, SYSTEM_ROOT, type PythonSandboxPaths } from "./python/command.js";

const SECCOMP_PATH = fileURLToPath(new URL("./python/seccomp.py", import.meta.url));
/** The probe installs the same seccomp filter the harness does: a kernel without seccomp filters cannot confine Python. */
const PROBE = "exec(open('/sandbox/seccomp.py').read()); install_seccomp()";

export type Capability = { available: true } | { available: false; reason: string };
export type Capabilities = Record<Language, Capability>;

/**
 * What can run here, checked once at start-up. Python needs bubblewrap and a
 * working user namespace; without them Python runs are refused with a clear
 * message, never run unconfined.
 */
export function detectCapabilities(paths: PythonSandboxPaths = DEFAULT_PATHS): Capabilities {
  return { python: pythonCapability(paths), typescript: { available: true } };
}

function pythonCapability(paths: PythonSandboxPaths): Capability {
  const missing = [
    [paths.python, "python3 (apt-get install python3)"],
    [paths.bwrap, "bubblewrap (apt-get install bubblewrap)"],
    [paths.prlimit, "prlimit (apt-get install util-linux)"],
  ].filter(([path]) => !existsSync(path!));
  if (missing.length) {
    return {
      available: false,
      reason: `Python runs need ${missing.map(([, what]) => what).join(" and ")}; install them and restart the server.`,
    };
  }
  const probe = spawnSync(
    paths.bwrap,
    [
      "--unshare-all",
      "--die-with-parent",
      ...SYSTEM_ROOT,
      "--ro-bind",
      SECCOMP_PATH,
      "/sandbox/seccomp.py",
      "--",
      paths.python,
      "-I",
      "-S",
      "-c",
      PROBE,
    ],
    { timeout: 5000, env: SANDBOX_SPAWN_ENV },
  );
  if (probe.status !== 0) {
    const why = probe.stderr?.toString().trim() || probe.error?.message || `exit code ${probe.status}`;
    return {
      available: false,
      reason: `bubblewrap cannot create its sandbox here, or seccomp filters are unavailable (${why.slice(-300)}); user namespaces may be disabled (sysctl kernel.unprivileged_userns_clone=1).`,
    };
  }
  return { available: true };
}
