import { useTranslations } from "next-intl";
import { BackToList } from "./pane-controls";

/** What a link to a conversation outside the agent's inboxes (or one that no longer exists) shows. */
export function ConversationNotFound() {
  const t = useTranslations("inbox.notFound");
  return (
    <main className="flex min-w-0 flex-1 flex-col p-4 text-center md:p-8" data-testid="conversation-not-found">
      <div className="self-start">
        <BackToList />
      </div>
      <div className="m-auto max-w-sm space-y-1">
        <h2 className="text-sm font-semibold text-slate-800">{t("title")}</h2>
        <p className="text-sm text-slate-500">{t("body")}</p>
      </div>
    </main>
  );
}
