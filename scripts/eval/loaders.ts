import { loadBeetle } from "./datasets/beetle.js";
import { loadPowergrading } from "./datasets/powergrading.js";
import { loadSaf } from "./datasets/saf.js";
import type { EvalItem } from "./types.js";

/** The public sets by the name the eval scripts take on their command line. */
export const LOADERS: Record<string, (path: string) => EvalItem[]> = { beetle: loadBeetle, saf: loadSaf, powergrading: loadPowergrading };
