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
  // --- Intrinsics for check()-style test code ---
  // Test code and candidate code share this context. Every object reachable from the
  // global intrinsics (Math, JSON, Object, Array.prototype, ...) has its own properties
  // and prototype recorded now, before candidate code exists; restore() puts them back
  // (compared by identity) after the candidate's code loads, after every call of its
  // entrypoint and before every runCase, so a verdict decided by test code is computed
  // with the real built-ins. A built-in the candidate changed and locked cannot be put
  // back: restore() then throws and the test fails.
  const ownKeys = Reflect.ownKeys, getDesc = Reflect.getOwnPropertyDescriptor, define = Reflect.defineProperty;
  const remove = Reflect.deleteProperty, setProto = Reflect.setPrototypeOf, getProto = Reflect.getPrototypeOf;
  const global = globalThis, mapHas = Map.prototype.has, mapGet = Map.prototype.get, mapSet = Map.prototype.set, NewMap = Map;
  const thenOf = Promise.prototype.then, isPromise = (v) => v instanceof Promise;
  // Called by the host before the candidate's script only when there is test code
  // (recording every intrinsic costs a few milliseconds).
  const armIntrinsics = () => {
  const snapshot = [];
  const known = new NewMap();
  const record = (obj) => {
    if ((typeof obj !== "object" && typeof obj !== "function") || obj === null || apply(mapHas, known, [obj])) return;
    apply(mapSet, known, [obj, true]);
    const ks = ownKeys(obj), descs = [], byKey = new NewMap();
    const entry = { obj, ks, descs, byKey, proto: getProto(obj) };
    snapshot[snapshot.length] = entry;
    for (let i = 0; i < ks.length; i++) {
      const d = getDesc(obj, ks[i]);
      setProto(d, null); // read and passed to defineProperty later: nothing may be inherited
      descs[i] = d;
      apply(mapSet, byKey, [ks[i], true]);
    }
    record(entry.proto);
    // Objects and constructors are walked; plain built-in functions (Math.abs) are not:
    // their own properties (name, length) decide nothing, and walking them costs most.
    for (let i = 0; i < descs.length; i++) {
      const v = descs[i].value;
      if (typeof v === "object" || (typeof v === "function" && getDesc(v, "prototype") !== undefined)) record(v);
    }
  };
  record(global);
  const Locked = TypeErr, Str = String;
  const restore = () => {
    for (let e = 0; e < snapshot.length; e++) {
      const { obj, ks, descs, byKey, proto } = snapshot[e];
      if (getProto(obj) !== proto && !setProto(obj, proto)) throw new Locked("the solution changed a built-in's prototype and locked it");
      if (obj !== global) {
        const now = ownKeys(obj);
        for (let i = 0; i < now.length; i++) {
          if (!apply(mapHas, byKey, [now[i]]) && !remove(obj, now[i])) throw new Locked("the solution added a property to a built-in and locked it: " + Str(now[i]));
        }
      }
      for (let i = 0; i < ks.length; i++) {
        const was = descs[i], cur = getDesc(obj, ks[i]);
        if (cur) setProto(cur, null);
        if (cur && cur.value === was.value && cur.get === was.get && cur.set === was.set && cur.writable === was.writable
          && cur.enumerable === was.enumerable && cur.configurable === was.configurable) continue;
        if (!define(obj, ks[i], was)) throw new Locked("the solution changed a built-in and locked it: " + Str(ks[i]));
      }
    }
  };
  // runCase with the built-ins restored first; the entrypoint wrapped so they are
  // restored again when each call of it returns (or its promise settles).
  const invokeRestored = (fn, argsJson) => { restore(); return apply(fn, undefined, parse(argsJson)); };
  const guardEntrypoint = (name) => {
    restore();
    const fn = global[name];
    if (typeof fn !== "function") return;
    const after = (v) => { restore(); return v; };
    const afterError = (e) => { restore(); throw e; };
    const wrapped = function (...args) {
      let result;
      try {
        result = apply(fn, this, args);
      } finally {
        restore();
      }
      return isPromise(result) ? apply(thenOf, result, [after, afterError]) : result;
    };
    if (!define(global, name, { value: wrapped, writable: true, enumerable: true, configurable: false })) {
      global[name] = wrapped;
    }
    if (global[name] !== wrapped) throw new Locked("the solution locked " + name + " so it cannot be called safely");
  };
  return [invokeRestored, guardEntrypoint];
  };
  return [invoke, serialise, armIntrinsics];
})()`;

/** Globals candidate code expects (module/exports for CommonJS output, console, timers that fire at once). */
export const CANDIDATE_GLOBALS = `
var module = { exports: {} }; var exports = module.exports;
var console = { log: (...a) => __write(1, a.map(String).join(" ")), info: (...a) => __write(1, a.map(String).join(" ")),
  warn: (...a) => __write(2, a.map(String).join(" ")), error: (...a) => __write(2, a.map(String).join(" ")) };
var setTimeout = (fn, _ms, ...args) => { Promise.resolve().then(() => fn(...args)); return 0; };
var clearTimeout = () => {};
`;
