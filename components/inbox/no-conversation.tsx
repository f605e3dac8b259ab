"use client";

import { useTranslations } from "next-intl";
import { useConversations } from "@/components/api/hooks";
import { useEmptyText } from "./list-pane";
import { useListFilter } from "./use-list-filter";

/** The thread pane while no conversation is open (/inbox). */
export function NoConversation() {
  const [filter] = useListFilter();
  const list = useConversations(filter);
  const t = useTranslations("inbox.list");
  const emptyText = useEmptyText();
  return (
    <main className="hidden min-w-0 flex-1 items-center justify-center p-8 text-center text-sm text-slate-500 md:flex">
      {list.items.length ? t("pick") : emptyText(filter)}
    </main>
  );
}
