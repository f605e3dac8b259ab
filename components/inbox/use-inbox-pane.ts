"use client";

import { useParams, usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

// Below 768 px the inbox shows one pane at a time, and the URL says which: /inbox is the list,
// /inbox/<id> the thread, /inbox/<id>?pane=contact the customer. On wider screens the list and the
// thread are side by side and ?pane=contact opens the customer beside them (always shown from 1280 px).

export type InboxPane = "list" | "thread" | "contact";

// Whether the customer pane was opened by a push of ours, so its back control can pop it again.
const pushed = { current: false };

export function useInboxPane(): { pane: InboxPane; listHref: string; showContact: () => void; closeContact: () => void } {
  const params = useParams<{ conversationId?: string }>();
  const search = useSearchParams();
  const pathname = usePathname();
  const pane: InboxPane = !params.conversationId ? "list" : search.get("pane") === "contact" ? "contact" : "thread";

  const without = new URLSearchParams(search.toString());
  without.delete("pane");
  const rest = without.toString();
  const listHref = rest ? `/inbox?${rest}` : "/inbox";

  const showContact = useCallback(() => {
    const next = new URLSearchParams(search.toString());
    next.set("pane", "contact");
    pushed.current = true;
    window.history.pushState(null, "", `${pathname}?${next}`);
  }, [pathname, search]);

  const closeContact = useCallback(() => {
    if (pushed.current) {
      pushed.current = false;
      window.history.back();
      return;
    }
    const next = new URLSearchParams(search.toString());
    next.delete("pane");
    window.history.replaceState(null, "", next.size ? `${pathname}?${next}` : pathname);
  }, [pathname, search]);

  return { pane, listHref, showContact, closeContact };
}
