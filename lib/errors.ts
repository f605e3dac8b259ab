import type { Phrase } from "@/lib/i18n/phrase";

// One error type for everything a request can be refused for, and one map to HTTP statuses.
// The sentence is a Phrase (a message key and its values): the API renders it in the language of
// whoever asked (lib/http/route.ts). Field problems in `details` may carry Phrases as their message.

export const errorStatus = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_INPUT: 400,
  UNPROCESSABLE: 422,
  WINDOW_CLOSED: 422,
  UPSTREAM: 502,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  /** The sentence as a message key; null for an English sentence not yet in the messages. */
  readonly phrase: Phrase | null;

  constructor(
    readonly code: ErrorCode,
    message: Phrase | string,
    readonly details?: unknown,
  ) {
    super(typeof message === "string" ? message : message.key);
    this.name = "AppError";
    this.phrase = typeof message === "string" ? null : message;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}
