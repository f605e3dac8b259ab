// Turns a signed body's bytes into JSON that every later step can take. Meta's payloads are UTF-8
// and a few levels deep; a body that is not must still get an answer, never crash the handler:
// - bytes that are not UTF-8 become U+FFFD, as any lenient decoder does;
// - values nested deeper than MAX_JSON_DEPTH are replaced by a marker string before parsing, since
//   V8's JSON.parse and JSON.stringify run out of stack at a few thousand levels;
// - U+0000 and lone surrogates, which PostgreSQL refuses in text and jsonb, become U+FFFD.
// The signature has been checked on the raw bytes before any of this.

export const MAX_JSON_DEPTH = 64;
export const TOO_DEEP_MARKER = "[nested too deeply]";

export type ParsedJson = { ok: true; value: unknown } | { ok: false };

export function parseWebhookJson(raw: Buffer | string): ParsedJson {
  const text = typeof raw === "string" ? raw : raw.toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(limitJsonDepth(text, MAX_JSON_DEPTH));
  } catch {
    return { ok: false };
  }
  return { ok: true, value: storableStrings(value) };
}

/**
 * Replaces every array or object that would open below `maxDepth` containers with the marker
 * string. One pass over the text, no recursion; text that is not JSON stays not JSON.
 */
export function limitJsonDepth(text: string, maxDepth: number): string {
  const parts: string[] = [];
  let depth = 0;
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = endOfString(text, i) - 1;
    } else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      if (depth < maxDepth) {
        depth++;
        continue;
      }
      const end = endOfContainer(text, i);
      parts.push(text.slice(copiedUpTo, i), JSON.stringify(TOO_DEEP_MARKER));
      copiedUpTo = end;
      i = end - 1;
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      depth--;
    }
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(copiedUpTo));
  return parts.join("");
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The index just after the string starting at `start` (a quote), or the text's end. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === QUOTE) return i + 1;
  }
  return text.length;
}

/** The index just after the container opening at `start`, or the text's end. */
function endOfContainer(text: string, start: number): number {
  let open = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) i = endOfString(text, i) - 1;
    else if (code === OPEN_BRACKET || code === OPEN_BRACE) open++;
    else if ((code === CLOSE_BRACKET || code === CLOSE_BRACE) && --open === 0) return i + 1;
  }
  return text.length;
}

// U+0000, or a surrogate half without its partner.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function storable(text: string): string {
  UNSTORABLE.lastIndex = 0;
  return UNSTORABLE.test(text) ? text.replace(UNSTORABLE, "\uFFFD") : text;
}

/** Makes every string and key storable, in place where it can; iterative, like the rest. */
export function storableStrings(value: unknown): unknown {
  if (typeof value === "string") return storable(value);
  const stack: object[] = [];
  if (typeof value === "object" && value !== null) stack.push(value);
  while (stack.length) {
    const node = stack.pop() as Record<string, unknown>;
    for (const key of Object.keys(node)) {
      const child = node[key];
      const fixed = typeof child === "string" ? storable(child) : child;
      const fixedKey = storable(key);
      if (fixedKey !== key) {
        delete node[key];
        // defineProperty, not assignment: a key such as "__proto__" must stay a plain key.
        Object.defineProperty(node, fixedKey, { value: fixed, enumerable: true, writable: true, configurable: true });
      } else if (fixed !== child) {
        node[key] = fixed;
      }
      if (typeof child === "object" && child !== null) stack.push(child);
    }
  }
  return value;
}
