import { useTranslations } from "next-intl";
import { flowFields } from "@/lib/whatsapp/flow-response";
import { part, str, type Part } from "./content";

// The customer's answer to something the business sent: a reply button, a list row, a Flow form
// (nfm_reply) or a template's quick-reply button.

export function InteractiveReply({ interactive }: { interactive: Part }) {
  const t = useTranslations("thread");
  const kind = str(interactive.type);
  const reply = kind ? part(interactive, kind) : undefined;
  if (kind === "nfm_reply") return <FlowReply reply={reply} />;
  const title = str(reply?.title);
  const description = str(reply?.description);
  return (
    <div className="space-y-0.5" data-testid="interactive-reply" data-kind={kind ?? "unknown"}>
      <p className="text-[11px] uppercase tracking-wide text-slate-500">{kind === "list_reply" ? t("choseFromList") : t("tappedButton")}</p>
      <p className="inline-block rounded-md border border-[#027eb5]/30 bg-[#027eb5]/5 px-2 py-0.5 font-medium text-[#027eb5]">
        {title ?? t("noTitle")}
      </p>
      {description && <p className="text-xs text-slate-600">{description}</p>}
    </div>
  );
}

function FlowReply({ reply }: { reply: Part | undefined }) {
  const t = useTranslations("thread");
  const fields = flowFields(reply?.response_json);
  return (
    <div className="min-w-56 space-y-1" data-testid="flow-reply">
      <p className="text-[11px] uppercase tracking-wide text-slate-500">{t("formSubmitted")}</p>
      {fields === null && <p className="italic text-slate-500">{t("answersUnreadable")}</p>}
      {fields?.length === 0 && <p className="italic text-slate-500">{t("noAnswers")}</p>}
      {!!fields?.length && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
          {fields.map((field) => (
            <div key={field.key} className="contents">
              <dt className="text-slate-500">{field.label}</dt>
              <dd className="break-words font-medium text-slate-800">{field.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

export function QuickReply({ button }: { button: Part | undefined }) {
  const t = useTranslations("thread");
  const payload = str(button?.payload);
  return (
    <div className="space-y-0.5" data-testid="quick-reply">
      <p className="text-[11px] uppercase tracking-wide text-slate-500">{t("tappedTemplateButton")}</p>
      <p className="inline-block rounded-md border border-[#027eb5]/30 bg-[#027eb5]/5 px-2 py-0.5 font-medium text-[#027eb5]">
        {str(button?.text) ?? t("noText")}
      </p>
      {payload && <p className="text-[11px] text-slate-500">{t("payload", { payload })}</p>}
    </div>
  );
}
