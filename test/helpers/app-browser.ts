import { afterAll, beforeAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Pack } from "../../server/scenarios/index.js";
import type { SandboxOptions } from "../../server/sandbox/index.js";
import { launchChromium, pageErrors } from "./browser.js";
import { buildClientForTest } from "./client-build.js";
import { startTestServer, type TestServer } from "./server.js";

/** What a browser test reads once its describe block has started: the app with the built client, and Chromium. */
export type AppBrowser = {
  server: TestServer;
  browser: Browser;
  /** A new page on `path` (the lobby by default), and the uncaught errors it collects from the start. */
  openPage(path?: string): Promise<{ page: Page; errors: string[] }>;
};

type AppBrowserOptions = {
  /** The app's packs; a function is called in beforeAll (loading a folder of packs is set-up work, not collection). */
  packs: Pack[] | (() => Pack[]);
  /** The sandbox as startTestServer takes it (absent: the app's default). */
  sandbox?: SandboxOptions | null;
  /** Runs on the started app before Chromium starts: teams, uploads, rows the test needs. */
  seed?: (server: TestServer) => Promise<void>;
  /**
   * Start the app again on the seeded database before the tests: for a seed that writes rows behind the running
   * app's back (a pack stored as an older version wrote it), which only a start reads.
   */
  restartAfterSeed?: boolean;
};

/**
 * For a describe block: the whole app on an ephemeral port with the production client build, and Debian's
 * Chromium, started before its tests and closed after them. The fields are set once beforeAll has run (read them
 * inside tests, not at collection time).
 */
export function useAppBrowser(options: AppBrowserOptions): AppBrowser {
  const app = {
    async openPage(path = "/") {
      const page = await app.browser.newPage();
      const errors = pageErrors(page);
      await page.goto(`${app.server.url}${path}`);
      return { page, errors };
    },
  } as AppBrowser;
  beforeAll(async () => {
    const clientDist = await buildClientForTest();
    const packs = typeof options.packs === "function" ? options.packs() : options.packs;
    const start = (databaseFile?: string) =>
      startTestServer({
        packs,
        clientDist,
        ...(options.sandbox !== undefined ? { sandbox: options.sandbox } : {}),
        ...(databaseFile ? { databaseFile } : {}),
      });
    app.server = await start();
    await options.seed?.(app.server);
    if (options.restartAfterSeed) {
      await app.server.close();
      app.server = await start(app.server.databaseFile);
    }
    app.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
