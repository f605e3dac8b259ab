import "server-only";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { enqueueTemplateSync } from "@/lib/jobs/queue";
import { describeMetaError } from "./error-messages";
import { GraphError } from "./graph-client";
import { syncChannelTemplates, type SyncResult } from "./sync-templates";

const RETRY_AFTER_SECONDS = 300;

/** An admin's "sync now": the answer says what changed; a failure is retried in 5 minutes. */
export async function syncTemplatesNow(): Promise<SyncResult[]> {
  try {
    return await syncChannelTemplates();
  } catch (error) {
    await enqueueTemplateSync({}, { startAfterSeconds: RETRY_AFTER_SECONDS }).catch(() => undefined);
    const reason =
      error instanceof GraphError ? describeMetaError({ code: error.code, title: error.message }) : "Meta could not be reached.";
    throw new AppError("UPSTREAM", phrase("errors.templatesUnreachable", { reason }));
  }
}
