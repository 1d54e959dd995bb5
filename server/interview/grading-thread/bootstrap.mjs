// Worker threads start without the TypeScript loader the main thread has
// (tsx, or vite under vitest): register tsx here, then load the real worker.
import { register } from "tsx/esm/api";

register();
await import(new URL("./worker.ts", import.meta.url).href);
