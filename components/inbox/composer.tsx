"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { PaperclipIcon } from "@/components/ui/icons";
import { api } from "@/components/api/client";
import { useCannedResponses, useTeammates } from "@/components/api/hooks";
import type { SendInput } from "@/lib/conversations/outbound-schema";
import type { ConversationDto, MessageDto, PresenceDto } from "@/lib/conversations/types";
import { collision, CollisionWarning, ModeTab, ReplyPreview } from "./composer-parts";
import { FlowMenu } from "./flow-menu";
import { useInbox } from "./inbox-context";
import { Suggestions, useSuggestions, type Pick } from "./suggestions";
import { TemplatePicker } from "./template-picker";
import { useTyping } from "./use-typing";
import { useNow } from "@/components/ui/use-now";

const MAX_LENGTH = 4096;

type Mode = "reply" | "note";

type Props = {
  conversation: ConversationDto;
  messages: MessageDto[];
  replyTo: MessageDto | null;
  onCancelReply: () => void;
  onSend: (input: SendInput) => Promise<void>;
  onNote: (text: string, mentions: string[]) => Promise<void>;
  presence: PresenceDto | null;
};

const draftKey = (conversationId: string, mode: Mode) => `switchboard.draft.${conversationId}.${mode}`;
// The composer only renders once the conversation has loaded in the browser, so storage is there.
const readDraft = (conversationId: string, mode: Mode) =>
  (typeof localStorage === "undefined" ? null : localStorage.getItem(draftKey(conversationId, mode))) ?? "";

// Enter sends, Shift+Enter starts a new line. Replies go to the customer; notes stay in the team.
// Outside the 24 h window free text is locked and a template is offered instead. Drafts are kept
// per conversation in this browser.
export function Composer(props: Props) {
  const { conversation, presence } = props;
  const { socket, me: user } = useInbox();
  const me = user.id;
  const canned = useCannedResponses();
  const teammates = useTeammates();
  const [mode, setMode] = useState<Mode>("reply");
  const [text, setText] = useState(() => readDraft(conversation.id, "reply"));
  const [mentions, setMentions] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [templates, setTemplates] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // When this agent began the current message: a colleague's reply after it is a collision.
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const now = useNow(30_000);
  const windowOpen =
    conversation.billingWindow.kind !== "closed" &&
    !!conversation.windowExpiresAt &&
    new Date(conversation.windowExpiresAt).getTime() > now;
  const suggestions = useSuggestions({
    text,
    mode,
    canned: canned.data?.items ?? [],
    teammates: (teammates.data?.users ?? []).filter((t) => t.id !== me),
  });
  const typing = useTyping({ conversationId: conversation.id, socket, windowOpen });
  const stopTyping = typing.stop;

  // Each mode keeps its own draft: switching shows the other one.
  function switchMode(next: Mode) {
    setMode(next);
    setText(readDraft(conversation.id, next));
  }

  // "r" and "n" anywhere in the inbox (use-inbox-keys) land here.
  const onCompose = useEffectEvent((wanted: Mode) => {
    switchMode(wanted);
    setTimeout(() => input.current?.focus(), 0);
  });
  useEffect(() => {
    const listener = (event: Event) => onCompose((event as CustomEvent<Mode>).detail);
    window.addEventListener("switchboard:compose", listener);
    return () => window.removeEventListener("switchboard:compose", listener);
  }, []);

  function update(value: string) {
    setText(value);
    setWarning(null);
    if (value) localStorage.setItem(draftKey(conversation.id, mode), value);
    else localStorage.removeItem(draftKey(conversation.id, mode));
    if (mode === "reply" && value) typing.start();
  }

  async function submit(force = false) {
    const body = text.trim();
    if ((!body && !file) || sending) return;
    if (mode === "reply" && !force) {
      const clash = collision({ presence, messages: props.messages, me, since: startedAt });
      if (clash) return setWarning(clash);
    }
    setSending(true);
    setError(null);
    setWarning(null);
    try {
      if (mode === "note") {
        await props.onNote(body, mentions);
      } else if (file) {
        const upload = await api.upload(conversation.id, file);
        await props.onSend({ media: { mediaId: upload.id, ...(body ? { caption: body } : {}) } });
      } else {
        await props.onSend({ text: body });
      }
      setText("");
      setMentions([]);
      setFile(null);
      localStorage.removeItem(draftKey(conversation.id, mode));
      setStartedAt(Date.now());
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
    <div className={`border-t px-3 pb-3 pt-2 md:px-4 ${mode === "note" ? "border-amber-200 bg-amber-50" : "border-slate-200 bg-white"}`}>
      <div className="mb-1.5 flex items-center gap-1 text-xs">
        <ModeTab active={mode === "reply"} onClick={() => switchMode("reply")} testId="mode-reply">
          Reply
        </ModeTab>
        <ModeTab active={mode === "note"} onClick={() => switchMode("note")} testId="mode-note">
          Private note
        </ModeTab>
        <span className="ml-auto text-slate-500">{mode === "note" ? "@ to mention a colleague" : "/ for canned replies"}</span>
      </div>
      {props.replyTo && mode === "reply" && <ReplyPreview message={props.replyTo} onCancel={props.onCancelReply} />}
      {error && (
        <p role="alert" className="mb-1.5 rounded-md bg-red-50 px-3 py-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
      {warning && <CollisionWarning warning={warning} onHold={() => setWarning(null)} onSendAnyway={() => void submit(true)} />}
      {locked ? (
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600 md:flex-nowrap" data-testid="composer-locked">
          <span className="flex-1">
            The customer last wrote more than 24 hours ago: WhatsApp only allows an approved template until they write again.
          </span>
          <Button tone="primary" onClick={() => setTemplates(true)} data-testid="open-templates">
            Choose a template
          </Button>
        </div>
      ) : (
        <div className="relative flex flex-wrap items-end gap-2 md:flex-nowrap">
          <Suggestions state={suggestions} onPick={pickSuggestion} />
          {mode === "reply" && (
            <>
              <input ref={fileInput} type="file" className="hidden" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
              <button
                onClick={() => fileInput.current?.click()}
                title="Attach a file"
                className="rounded-md px-2 py-2 text-slate-500 hover:bg-slate-100 max-md:min-h-11 max-md:min-w-11"
                aria-label="Attach a file"
              >
                <PaperclipIcon />
              </button>
            </>
          )}
          <div className="min-w-0 flex-1 max-md:order-first max-md:basis-full">
            {file && (
              <p className="mb-1 flex items-center gap-2 text-xs text-slate-600" data-testid="attachment">
                {file.name} · {Math.ceil(file.size / 1024)} KB
                <button onClick={() => setFile(null)} className="text-slate-500 hover:text-slate-700" aria-label="Remove attachment">
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
              aria-label={mode === "note" ? "Private note" : "Reply"}
              className="min-h-[38px] w-full resize-none rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 max-md:min-h-11 max-md:text-base"
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
          <Button
            tone="primary"
            onClick={() => void submit()}
            disabled={sending || (!text.trim() && !file)}
            data-testid="send-button"
            className="max-md:ml-auto max-md:px-5"
          >
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
