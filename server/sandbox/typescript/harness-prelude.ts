/**
 * The harness's own functions inside QuickJS, evaluated before any candidate
 * code in a script of their own. They capture the intrinsics they use (JSON.parse,
 * Reflect.apply, Array.isArray, Object.keys, ...) at that moment, so candidate
 * code that replaces globals or pollutes prototypes cannot change how arguments
 * are built or how results are read. The script's value is [invoke, serialise];
 * the host keeps both as handles and never looks them up by name.
 *
 * serialise(value, limit): JSON text for plain data only (null, booleans, finite
 * numbers, strings, arrays, plain objects); toJSON is never called; anything else
 * (functions, class instances, Map, bigint) or more than `limit` characters throws.
 */
export const HARNESS_PRELUDE = `(() => {
  "use strict";
  const parse = JSON.parse, quote = JSON.stringify, apply = Reflect.apply, isArray = Array.isArray;
  const keys = Object.keys, protoOf = Object.getPrototypeOf, ObjectProto = Object.prototype;
  const isFinite = Number.isFinite, TypeErr = TypeError, RangeErr = RangeError;
  const invoke = (fn, argsJson) => apply(fn, undefined, parse(argsJson));
  const serialise = (value, limit) => {
    const parts = [];
    let size = 0;
    const put = (s) => {
      size += s.length;
      if (size > limit) throw new RangeErr("the value returned is larger than the " + (limit / 1024 | 0) + " KiB limit");
      parts[parts.length] = s;
    };
    const walk = (v, depth) => {
      if (depth > 100) throw new RangeErr("the value returned is nested too deeply (or refers to itself)");
      const t = typeof v;
      if (v === null || v === undefined) put("null");
      else if (t === "boolean") put(v ? "true" : "false");
      else if (t === "number") put(isFinite(v) ? quote(v) : "null");
      else if (t === "string") {
        if (v.length > limit) throw new RangeErr("the value returned is larger than the " + (limit / 1024 | 0) + " KiB limit");
        put(quote(v));
      } else if (t === "object" && isArray(v)) {
        put("[");
        const n = v.length;
        for (let i = 0; i < n; i++) {
          if (i) put(",");
          walk(v[i], depth + 1);
        }
        put("]");
      } else if (t === "object" && (protoOf(v) === ObjectProto || protoOf(v) === null)) {
        put("{");
        let first = true;
        const ks = keys(v);
        for (let i = 0; i < ks.length; i++) {
          const x = v[ks[i]];
          const xt = typeof x;
          if (x === undefined || xt === "function" || xt === "symbol") continue;
          if (!first) put(",");
          first = false;
          put(quote(ks[i]));
          put(":");
          walk(x, depth + 1);
        }
        put("}");
      } else {
        const what = t === "object" ? "an object that is not a plain object or array" : "a " + t;
        throw new TypeErr("the value returned contains " + what + ", which is not plain data (numbers, strings, booleans, null, arrays, plain objects)");
      }
    };
    walk(value, 0);
    let out = "";
    for (let i = 0; i < parts.length; i++) out += parts[i];
    return out;
  };
  return [invoke, serialise];
})()`;

/** Globals candidate code expects (module/exports for CommonJS output, console, timers that fire at once). */
export const CANDIDATE_GLOBALS = `
var module = { exports: {} }; var exports = module.exports;
var console = { log: (...a) => __write(1, a.map(String).join(" ")), info: (...a) => __write(1, a.map(String).join(" ")),
  warn: (...a) => __write(2, a.map(String).join(" ")), error: (...a) => __write(2, a.map(String).join(" ")) };
var setTimeout = (fn, _ms, ...args) => { Promise.resolve().then(() => fn(...args)); return 0; };
var clearTimeout = () => {};
`;
