// The flood's worker thread starts without the TypeScript loader: register tsx, then load the bench.
import { register } from "tsx/esm/api";

register();
await import(new URL("./flood.ts", import.meta.url).href);
