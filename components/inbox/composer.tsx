"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { PaperclipIcon } from "@/components/ui/icons";
import type { SendInput } from "@/lib/inbox/outbound-schema";
import type { ConversationDto, MessageDto, PresenceDto } from "@/lib/inbox/types";
import { Suggestions, useSuggestions, type Pick } from "./suggestions";
import { TemplatePicker } from "./template-picker";
import type { RealtimeSocket } from "./use-realtime";
import { useNow } from "./window-badge";
import { workspaceApi, type CannedResponse, type Teammate } from "./workspace-api";

const MAX_LENGTH = 4096;
const TYPING_IDLE_MS = 3_000;
const RECENT_REPLY_MS = 2 * 60_000;

type Mode = "reply" | "note";

type Props = {
  conversation: ConversationDto;
  messages: MessageDto[];
  replyTo: MessageDto | null;
  onCancelReply: () => void;
  onSend: (input: SendInput) => Promise<void>;
  onNote: (text: string, mentions: string[]) => Promise<void>;
  socket: RealtimeSocket | null;
  presence: PresenceDto | null;
  me: string;
  teammates: Teammate[];
  canned: CannedResponse[];
};

// Enter sends, Shift+Enter starts a new line. Replies go to the customer; notes stay in the team.
// Outside the 24 h window free text is locked and a template is offered instead. Drafts are kept
// per conversation in this browser.
export function Composer(props: Props) {
  const { conversation, socket, presence, me } = props;
  const [mode, setMode] = useState<Mode>("reply");
  const [text, setText] = useState("");
  const [mentions, setMentions] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [templates, setTemplates] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const startedAt = useRef(Date.now());
  const typing = useRef<{ timer?: ReturnType<typeof setTimeout>; lastMeta: number }>({ lastMeta: 0 });
  const now = useNow(30_000);
  const windowOpen =
    conversation.billingWindow.kind !== "closed" &&
    !!conversation.windowExpiresAt &&
    new Date(conversation.windowExpiresAt).getTime() > now;
  const draftKey = `switchboard.draft.${conversation.id}.${mode}`;
  const suggestions = useSuggestions({ text, mode, canned: props.canned, teammates: props.teammates.filter((t) => t.id !== me) });

  useEffect(() => {
    setText(localStorage.getItem(draftKey) ?? "");
  }, [draftKey]);

  useEffect(() => {
    const onCompose = (event: Event) => {
      const wanted = (event as CustomEvent<Mode>).detail;
      setMode(wanted);
      setTimeout(() => input.current?.focus(), 0);
    };
    window.addEventListener("switchboard:compose", onCompose);
    return () => window.removeEventListener("switchboard:compose", onCompose);
  }, []);

  useEffect(() => () => stopTyping(), []); // eslint-disable-line react-hooks/exhaustive-deps

  function update(value: string) {
    setText(value);
    setWarning(null);
    if (value) localStorage.setItem(draftKey, value);
    else localStorage.removeItem(draftKey);
    if (mode === "reply" && value) startTyping();
  }

  // Colleagues see "typing…" through the socket; the customer sees WhatsApp's indicator, which
  // the server sends at most every 20 s.
  function startTyping() {
    if (!typing.current.timer) socket?.emit("typing.updated", { conversationId: conversation.id, typing: true });
    clearTimeout(typing.current.timer);
    typing.current.timer = setTimeout(stopTyping, TYPING_IDLE_MS);
    if (windowOpen && Date.now() - typing.current.lastMeta > 20_000) {
      typing.current.lastMeta = Date.now();
      void workspaceApi.typing(conversation.id).catch(() => undefined);
    }
  }

  function stopTyping() {
    if (!typing.current.timer) return;
    clearTimeout(typing.current.timer);
    typing.current.timer = undefined;
    socket?.emit("typing.updated", { conversationId: conversation.id, typing: false });
  }

  /** Another agent typing here, or a colleague's reply since this agent started writing. */
  function collision(): string | null {
    const typingNow = presence?.viewers.filter((viewer) => viewer.id !== me && viewer.typing) ?? [];
    if (typingNow.length)
      return `${typingNow.map((v) => v.name).join(", ")} ${typingNow.length === 1 ? "is" : "are"} typing a reply right now.`;
    const theirs = props.messages.findLast(
      (m) => m.direction === "OUTBOUND" && m.type !== "activity" && m.type !== "note" && m.sender && m.sender.id !== me,
    );
    if (theirs && new Date(theirs.timestamp).getTime() > Math.max(startedAt.current, Date.now() - RECENT_REPLY_MS)) {
      return `${theirs.sender!.name} just replied: “${(theirs.text ?? "").slice(0, 80)}”.`;
    }
    return null;
  }

  async function submit(force = false) {
    const body = text.trim();
    if ((!body && !file) || sending) return;
    if (mode === "reply" && !force) {
      const clash = collision();
      if (clash) return setWarning(clash);
    }
    setSending(true);
    setError(null);
    setWarning(null);
    try {
      if (mode === "note") {
        await props.onNote(body, mentions);
      } else if (file) {
        const upload = await workspaceApi.upload(conversation.id, file);
        await props.onSend({ media: { mediaId: upload.id, ...(body ? { caption: body } : {}) } });
      } else {
        await props.onSend({ text: body });
      }
      setText("");
      setMentions([]);
      setFile(null);
      localStorage.removeItem(draftKey);
      startedAt.current = Date.now();
      stopTyping();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSending(false);
    }
  }

  function pickSuggestion(pick: Pick) {
    if (pick.kind === "canned") update(pick.body);
    else {
      update(text.replace(/@([\p{L}\w]*)$/u, `@${pick.name} `));
      setMentions((current) => [...new Set([...current, pick.id])]);
    }
    input.current?.focus();
  }

  const locked = mode === "reply" && !windowOpen;
  return (
    <div className={`border-t px-4 pb-3 pt-2 ${mode === "note" ? "border-amber-200 bg-amber-50" : "border-slate-200 bg-white"}`}>
      <div className="mb-1.5 flex items-center gap-1 text-xs">
        <ModeTab active={mode === "reply"} onClick={() => setMode("reply")} testId="mode-reply">
          Reply
        </ModeTab>
        <ModeTab active={mode === "note"} onClick={() => setMode("note")} testId="mode-note">
          Private note
        </ModeTab>
        <span className="ml-auto text-slate-400">{mode === "note" ? "@ to mention a colleague" : "/ for canned replies"}</span>
      </div>
      {props.replyTo && mode === "reply" && (
        <div
          className="mb-1.5 flex items-start gap-2 rounded-md border-l-4 border-brand-500 bg-slate-50 px-2 py-1 text-xs"
          data-testid="reply-preview"
        >
          <span className="flex-1 truncate">
            Replying to {props.replyTo.direction === "INBOUND" ? "the customer" : "your message"}:{" "}
            {props.replyTo.text ?? `[${props.replyTo.type}]`}
          </span>
          <button onClick={props.onCancelReply} aria-label="Cancel reply" className="text-slate-400 hover:text-slate-700">
            ×
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="mb-1.5 rounded-md bg-red-50 px-3 py-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
      {warning && (
        <div
          role="alert"
          data-testid="collision-warning"
          className="mb-1.5 flex items-center gap-2 rounded-md bg-amber-100 px-3 py-1.5 text-sm text-amber-900"
        >
          <span className="flex-1">{warning}</span>
          <Button size="sm" onClick={() => setWarning(null)}>
            Hold on
          </Button>
          <Button size="sm" tone="primary" onClick={() => void submit(true)} data-testid="send-anyway">
            Send anyway
          </Button>
        </div>
      )}
      {locked ? (
        <div className="flex items-center gap-3 text-sm text-slate-600" data-testid="composer-locked">
          <span className="flex-1">
            The customer last wrote more than 24 hours ago: WhatsApp only allows an approved template until they write again.
          </span>
          <Button tone="primary" onClick={() => setTemplates(true)} data-testid="open-templates">
            Choose a template
          </Button>
        </div>
      ) : (
        <div className="relative flex items-end gap-2">
          <Suggestions state={suggestions} onPick={pickSuggestion} />
          {mode === "reply" && (
            <>
              <input ref={fileInput} type="file" className="hidden" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
              <button
                onClick={() => fileInput.current?.click()}
                title="Attach a file"
                className="rounded-md px-2 py-2 text-slate-500 hover:bg-slate-100"
                aria-label="Attach a file"
              >
                <PaperclipIcon />
              </button>
            </>
          )}
          <div className="min-w-0 flex-1">
            {file && (
              <p className="mb-1 flex items-center gap-2 text-xs text-slate-600" data-testid="attachment">
                {file.name} · {Math.ceil(file.size / 1024)} KB
                <button onClick={() => setFile(null)} className="text-slate-400 hover:text-slate-700" aria-label="Remove attachment">
                  ×
                </button>
              </p>
            )}
            <textarea
              ref={input}
              data-testid="composer"
              value={text}
              onChange={(event) => update(event.target.value)}
              onBlur={stopTyping}
              onKeyDown={(event) => {
                if (suggestions.open && suggestions.handleKey(event, pickSuggestion)) return;
                if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  void submit();
                }
              }}
              rows={Math.min(6, Math.max(1, text.split("\n").length))}
              maxLength={MAX_LENGTH}
              placeholder={
                mode === "note"
                  ? "A note only your team sees"
                  : file
                    ? "Add a caption (optional)"
                    : "Type a reply — Enter to send, Shift+Enter for a new line"
              }
              className="min-h-[38px] w-full resize-none rounded-md border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
            />
          </div>
          {mode === "reply" && (
            <>
              <FlowMenu
                channelId={conversation.channelId}
                onPick={async (flowId) => {
                  setError(null);
                  try {
                    await props.onSend({ flow: { flowId, ...(text.trim() ? { body: text.trim() } : {}) } });
                    update("");
                  } catch (failure) {
                    setError((failure as Error).message);
                  }
                }}
              />
              <Button onClick={() => setTemplates(true)} title="Send a template">
                Template
              </Button>
            </>
          )}
          <Button tone="primary" onClick={() => void submit()} disabled={sending || (!text.trim() && !file)} data-testid="send-button">
            {mode === "note" ? "Add note" : "Send"}
          </Button>
        </div>
      )}
      {text.length > MAX_LENGTH - 200 && (
        <p className="mt-1 text-right text-xs text-slate-500">
          {text.length} / {MAX_LENGTH}
        </p>
      )}
      <TemplatePicker open={templates} onClose={() => setTemplates(false)} conversation={conversation} onSend={props.onSend} />
    </div>
  );
}

function ModeTab({
  active,
  onClick,
  children,
  testId,
}: {
  active: boolean;
  onClick: () => void;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <button
      onClick={onClick}
      data-testid={testId}
      aria-pressed={active}
      className={`rounded px-2 py-0.5 font-medium ${active ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
    >
      {children}
    </button>
  );
}

/** Sends one of the Flows an admin configured (a booking, a form); the text typed becomes its message. */
function FlowMenu({ channelId, onPick }: { channelId: string; onPick: (flowId: string) => Promise<void> }) {
  const [flows, setFlows] = useState<{ id: string; name: string; cta: string }[] | null>(null);
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <Button
        onClick={() => {
          setOpen(!open);
          if (!flows)
            void workspaceApi
              .flows()
              .then((r) => setFlows(r.items.filter((f) => f.channelId === channelId)))
              .catch(() => setFlows([]));
        }}
        title="Send a form (WhatsApp Flow)"
        data-testid="flow-button"
      >
        Form
      </Button>
      {open && (
        <ul className="absolute bottom-full right-0 z-20 mb-1 w-64 rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {flows === null && <li className="px-3 py-1.5 text-slate-400">Loading…</li>}
          {flows?.length === 0 && <li className="px-3 py-1.5 text-slate-500">No flows yet: an admin adds them under Flows.</li>}
          {flows?.map((flow) => (
            <li key={flow.id}>
              <button
                className="w-full px-3 py-1.5 text-left hover:bg-slate-100"
                onClick={() => {
                  setOpen(false);
                  void onPick(flow.id);
                }}
              >
                {flow.name}
                <span className="block text-xs text-slate-500">button “{flow.cta}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
