// Worker threads start without the TypeScript loader the main thread has
// (tsx, or vite under vitest): register tsx here, then load the real worker.
import { register } from "tsx/esm/api";

register();
// No top-level await here: a module with top-level await that is still
// evaluating when the worker is terminated aborts Node 20 (nodejs/node#43182).
// A failed import still reaches the parent as the worker's "error" event.
import(new URL("./worker.ts", import.meta.url).href).catch((err) => {
  throw err;
});
