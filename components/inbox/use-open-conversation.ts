"use client";

import { useParams, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/** The conversation named in the URL (/inbox/<id>), and how to open another with the same filters. */
export function useOpenConversation(): [string | null, (conversationId: string) => void] {
  const params = useParams<{ conversationId?: string }>();
  const search = useSearchParams();
  const router = useRouter();
  const open = useCallback(
    (conversationId: string) => {
      const query = search.toString();
      router.push(`/inbox/${encodeURIComponent(conversationId)}${query ? `?${query}` : ""}`);
    },
    [router, search],
  );
  return [params.conversationId ? decodeURIComponent(params.conversationId) : null, open];
}
