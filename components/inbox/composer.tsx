"use client";

import { useState } from "react";

const MAX_LENGTH = 4096;

// Enter sends, Shift+Enter starts a new line. Outside the 24 h window free text is locked.
export function Composer({ windowOpen, onSend }: { windowOpen: boolean; onSend: (text: string) => Promise<void> }) {
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!windowOpen) {
    return (
      <div className="border-t border-slate-200 bg-white px-4 py-3 text-sm text-slate-600" data-testid="composer-locked">
        The customer last wrote more than 24 hours ago. WhatsApp only allows an approved template until they write again.
      </div>
    );
  }

  async function submit() {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    try {
      await onSend(body);
      setText("");
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="border-t border-slate-200 bg-white px-4 py-3">
      {error && (
        <p role="alert" className="mb-2 rounded-md bg-red-50 px-3 py-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex items-end gap-2">
        <textarea
          data-testid="composer"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              void submit();
            }
          }}
          rows={Math.min(6, Math.max(1, text.split("\n").length))}
          maxLength={MAX_LENGTH}
          placeholder="Type a reply — Enter to send, Shift+Enter for a new line"
          className="min-h-[38px] flex-1 resize-none rounded-md border border-slate-300 px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        />
        <button
          type="button"
          onClick={() => void submit()}
          disabled={sending || !text.trim()}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
        >
          Send
        </button>
      </div>
      {text.length > MAX_LENGTH - 200 && (
        <p className="mt-1 text-right text-xs text-slate-500">
          {text.length} / {MAX_LENGTH}
        </p>
      )}
    </div>
  );
}
