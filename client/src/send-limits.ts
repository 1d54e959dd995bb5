import { MAX_CODE_ANSWER, MAX_SOCKET_MESSAGE_BYTES, MAX_TEXT_ANSWER } from "../../server/contracts/index.js";

/**
 * Why a payload must not be sent, in words the candidate can act on; null when it may.
 * The server would refuse an over-long answer too, but in its protocol's words
 * ("answer:draft: text: ..."); and a message over the socket's byte limit would
 * drop the connection, which the client would reconnect and resend forever.
 */
export function tooLongToSend(payload: unknown): string | null {
  const { text, code } = (payload ?? {}) as { text?: unknown; code?: unknown };
  const over = (value: unknown, limit: number) => typeof value === "string" && value.length > limit;
  const shorten = "Shorten it and it will save again.";
  if (over(text, MAX_TEXT_ANSWER))
    return `This answer is ${(text as string).length.toLocaleString()} characters; answers are limited to ${MAX_TEXT_ANSWER.toLocaleString()}. ${shorten}`;
  if (over(code, MAX_CODE_ANSWER))
    return `This code is ${(code as string).length.toLocaleString()} characters; code is limited to ${MAX_CODE_ANSWER.toLocaleString()}. ${shorten}`;
  if (new Blob([JSON.stringify(payload)]).size > MAX_SOCKET_MESSAGE_BYTES - 1_000)
    return `This is too long to send (answers are limited to ${MAX_TEXT_ANSWER.toLocaleString()} characters). ${shorten}`;
  return null;
}
