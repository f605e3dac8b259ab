"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { api } from "@/components/api/client";
import { useCannedResponses, useTeammates } from "@/components/api/hooks";
import type { SendInput } from "@/lib/conversations/outbound-schema";
import type { ConversationDto, MessageDto, PresenceDto } from "@/lib/conversations/types";
import { collision, CollisionWarning, ModeTab, ReplyPreview, type Collision } from "./composer-parts";
import { AttachButton, AttachmentChip, ChannelExtras } from "./composer-extras";
import { useInbox } from "./inbox-context";
import { parseQuickReplies, QuickRepliesField, quickRepliesProblem } from "./quick-replies-field";
import { HumanAgentConfirm, LockedComposer, replyGate } from "./reply-gate";
import { Suggestions, useSuggestions, type Pick } from "./suggestions";
import { TemplatePicker } from "./template-picker";
import { useTyping } from "./use-typing";
import { useNow } from "@/components/ui/use-now";
import { useErrorText } from "@/components/i18n/use-error-text";

// WhatsApp takes 4,096 characters of text, Messenger 2,000.
const maxLength = (conversation: ConversationDto) => (conversation.channel.kind === "messenger" ? 2000 : 4096);

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
// What a reply may be follows the channel's windows (reply-gate.tsx): on WhatsApp, outside 24 h,
// only a template; on Messenger, a HUMAN_AGENT reply the agent confirms, or nothing. Drafts are
// kept per conversation in this browser.
export function Composer(props: Props) {
  const { conversation, presence } = props;
  const { socket, me: user } = useInbox();
  const t = useTranslations("composer");
  const format = useFormatter();
  const errorText = useErrorText();
  const me = user.id;
  const canned = useCannedResponses();
  const teammates = useTeammates();
  const [mode, setMode] = useState<Mode>("reply");
  const [text, setText] = useState(() => readDraft(conversation.id, "reply"));
  const [mentions, setMentions] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<Collision | null>(null);
  const [templates, setTemplates] = useState(false);
  const [quickReplies, setQuickReplies] = useState<string | null>(null);
  const [humanAgent, setHumanAgent] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  // When this agent began the current message: a colleague's reply after it is a collision.
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const now = useNow(30_000);
  const gate = replyGate(conversation, now);
  const messenger = conversation.channel.kind === "messenger";
  const MAX_LENGTH = maxLength(conversation);
  const windowOpen = gate.kind === "open" || gate.kind === "human_agent";
  // A HUMAN_AGENT reply goes out only once the agent confirms writing it.
  const tag = gate.kind === "human_agent" ? ({ tag: "HUMAN_AGENT" } as const) : {};
  const unconfirmed = mode === "reply" && gate.kind === "human_agent" && !humanAgent;
  const replies = quickReplies === null ? [] : parseQuickReplies(quickReplies);
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
    if ((!body && !file) || sending || unconfirmed) return;
    const problem = mode === "reply" && replies.length ? quickRepliesProblem(replies, t) : null;
    if (problem) return setError(problem);
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
        // Messenger shows no captions: the text follows as a message of its own.
        await props.onSend({ media: { mediaId: upload.id, ...(body && !messenger ? { caption: body } : {}) }, ...tag });
        if (body && messenger) await props.onSend({ text: body, ...tag });
      } else if (replies.length) {
        await props.onSend({ quickReplies: { text: body, replies: replies.map((title) => ({ title })) }, ...tag });
      } else {
        await props.onSend({ text: body, ...tag });
      }
      setText("");
      setQuickReplies(null);
      setMentions([]);
      setFile(null);
      localStorage.removeItem(draftKey(conversation.id, mode));
      setStartedAt(Date.now());
      stopTyping();
    } catch (failure) {
      setError(errorText(failure));
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

  const locked = mode === "reply" && (gate.kind === "templates" || gate.kind === "locked");
  return (
    <div className={`border-t px-3 pb-3 pt-2 md:px-4 ${mode === "note" ? "border-amber-200 bg-amber-50" : "border-slate-200 bg-white"}`}>
      <div className="mb-1.5 flex items-center gap-1 text-xs">
        <ModeTab active={mode === "reply"} onClick={() => switchMode("reply")} testId="mode-reply">
          {t("reply")}
        </ModeTab>
        <ModeTab active={mode === "note"} onClick={() => switchMode("note")} testId="mode-note">
          {t("note")}
        </ModeTab>
        <span className="ml-auto text-slate-500">{mode === "note" ? t("mentionHint") : t("cannedHint")}</span>
      </div>
      {props.replyTo && mode === "reply" && <ReplyPreview message={props.replyTo} onCancel={props.onCancelReply} />}
      {error && (
        <p role="alert" className="mb-1.5 rounded-md bg-red-50 px-3 py-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
      {warning && <CollisionWarning warning={warning} onHold={() => setWarning(null)} onSendAnyway={() => void submit(true)} />}
      {mode === "reply" && gate.kind === "human_agent" && (
        <HumanAgentConfirm until={gate.until} confirmed={humanAgent} onChange={setHumanAgent} />
      )}
      {mode === "reply" && quickReplies !== null && !locked && (
        <QuickRepliesField value={quickReplies} onChange={setQuickReplies} onClose={() => setQuickReplies(null)} />
      )}
      {locked && (gate.kind === "templates" || gate.kind === "locked") ? (
        <LockedComposer gate={gate} onTemplates={() => setTemplates(true)} />
      ) : (
        <div className="relative flex flex-wrap items-end gap-2 md:flex-nowrap">
          <Suggestions state={suggestions} onPick={pickSuggestion} />
          {mode === "reply" && <AttachButton onFile={setFile} />}
          <div className="min-w-0 flex-1 max-md:order-first max-md:basis-full">
            {file && <AttachmentChip file={file} onRemove={() => setFile(null)} />}
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
                  ? t("notePlaceholder")
                  : file
                    ? messenger
                      ? t("afterFilePlaceholder")
                      : t("captionPlaceholder")
                    : t("replyPlaceholder")
              }
              aria-label={mode === "note" ? t("note") : t("reply")}
              className="min-h-[38px] w-full resize-none rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 max-md:min-h-11 max-md:text-base"
            />
          </div>
          {mode === "reply" && (
            <ChannelExtras
              messenger={messenger}
              channelId={conversation.channelId}
              quickRepliesOpen={quickReplies !== null}
              hasFile={!!file}
              onQuickReplies={() => setQuickReplies(quickReplies === null ? "" : null)}
              onTemplates={() => setTemplates(true)}
              onFlow={async (flowId) => {
                setError(null);
                try {
                  await props.onSend({ flow: { flowId, ...(text.trim() ? { body: text.trim() } : {}) } });
                  update("");
                } catch (failure) {
                  setError(errorText(failure));
                }
              }}
            />
          )}
          <Button
            tone="primary"
            onClick={() => void submit()}
            disabled={sending || unconfirmed || (!text.trim() && !file)}
            title={unconfirmed ? t("confirmHumanAgentFirst") : undefined}
            data-testid="send-button"
            className="max-md:ml-auto max-md:px-5"
          >
            {mode === "note" ? t("addNote") : t("send")}
          </Button>
        </div>
      )}
      {text.length > MAX_LENGTH - 200 && (
        <p className="mt-1 text-right text-xs text-slate-500">
          {format.number(text.length)} / {format.number(MAX_LENGTH)}
        </p>
      )}
      {!messenger && (
        <TemplatePicker
          open={templates}
          onClose={() => setTemplates(false)}
          conversation={conversation}
          messages={props.messages}
          onSend={props.onSend}
        />
      )}
    </div>
  );
}
