import { Fragment } from "react";

// Links in customer text become clickable, without ever injecting HTML: the text is split into
// plain strings and <a> elements. Only http(s) URLs qualify; trailing punctuation stays text.

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

export type TextPiece = { kind: "text"; value: string } | { kind: "link"; value: string; href: string };

export function splitLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const url = match[0].replace(TRAILING, "");
    const href = validHref(url);
    if (!href) continue;
    if (start > last) pieces.push({ kind: "text", value: text.slice(last, start) });
    pieces.push({ kind: "link", value: url, href });
    last = start + url.length;
  }
  if (last < text.length) pieces.push({ kind: "text", value: text.slice(last) });
  return pieces;
}

function validHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}

export function LinkifiedText({ text, testId = "message-text" }: { text: string; testId?: string }) {
  return (
    <p className="whitespace-pre-wrap break-words" data-testid={testId}>
      {splitLinks(text).map((piece, index) =>
        piece.kind === "link" ? (
          <a
            key={index}
            href={piece.href}
            target="_blank"
            rel="noopener noreferrer"
            className="text-[#027eb5] underline-offset-2 hover:underline"
          >
            {piece.value}
          </a>
        ) : (
          <Fragment key={index}>{piece.value}</Fragment>
        ),
      )}
    </p>
  );
}
