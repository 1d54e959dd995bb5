/**
 * Size limits every entry point shares, so the client can refuse what the
 * server would refuse (with the same numbers) before sending it.
 */

/**
 * Largest socket.io message the server reads; socket.io drops the connection above it. The largest payload a
 * client sends is a code answer or draft of 50,000 characters (MAX_CODE_ANSWER), at most 6 bytes each once JSON
 * escapes it: 300,000 bytes and its envelope. Every message is decoded before any limit sees it, so the cap is kept
 * near that (it was 1 MB: ten connections of 1 MB frames slowed other clients' acks to seconds).
 */
export const MAX_SOCKET_MESSAGE_BYTES = 320_000;
/** Bytes one connection may send in a window: far above any client of ours, far below a flood of large frames. */
export const INCOMING_BYTES_PER_WINDOW = 4_000_000;
/**
 * Bytes all connections from one address may send in a window. An outside test opened 40 connections, each just
 * under the per-connection budget, and another client's acks reached p90 240 ms; one address now gets three
 * connections' worth. An office of candidates behind one NAT sends drafts of a few kB each: far below it.
 */
export const INCOMING_BYTES_PER_ADDRESS = 12_000_000;
export const INCOMING_WINDOW_MS = 10_000;

/** Largest JSON body an HTTP route reads. */
export const MAX_JSON_BODY_BYTES = 1_000_000;
/** Largest pack upload (YAML or JSON text). */
export const MAX_PACK_UPLOAD_BYTES = 2_000_000;
/** Rounds one session:start may name (packs have a handful). */
export const MAX_ROUNDS_PER_SESSION = 20;
/** Ids and other short strings on the wire. */
export const MAX_ID_LENGTH = 200;
/** A validation error names at most this many problems, in at most this many characters. */
export const MAX_ERROR_ISSUES = 5;
export const MAX_ERROR_MESSAGE_CHARS = 1_000;
/** Team review bodies (invites, overrides, tokens) and the room's integrity signals: small JSON. */
export const MAX_SMALL_JSON_BODY_BYTES = 64_000;
/** Authoring bodies (a drafted question with its context). */
export const MAX_AUTHORING_BODY_BYTES = 2_000_000;
