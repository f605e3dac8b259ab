import "server-only";
import { GraphError, graphRequest } from "./graph-client";
import { describeMetaError } from "./error-messages";

// Meta's Block Users API: POST (block) or DELETE (unblock) /{phone-number-id}/block_users. Meta
// answers a refusal for one user inside the body (block_users.failed_users), not only as an error.

type FailedUser = { input?: string; errors?: { code?: number; message?: string; error_data?: { details?: string } }[] };
type BlockAnswer = { block_users?: { failed_users?: FailedUser[] } };

export type BlockResult =
  | { outcome: "done" }
  /** Meta could not be reached or answered with a transient error: worth trying again. */
  | { outcome: "unreachable" }
  /** Meta said no; `notice` says why in a sentence. `ownNumber`: the business tried to block itself. */
  | { outcome: "refused"; notice: string; ownNumber: boolean };

const OWN_NUMBER = 131021;

const sentences: Record<number, string> = {
  131047: "WhatsApp only lets you block customers who wrote in the last 24 hours, so they are blocked in Switchboard only.",
  139101: "Your WhatsApp block list is full (64,000 numbers), so they are blocked in Switchboard only.",
  [OWN_NUMBER]: "That is your own business number.",
};

export async function setBlockedAtMeta({
  phoneNumberId,
  waId,
  blocked,
}: {
  phoneNumberId: string;
  waId: string;
  blocked: boolean;
}): Promise<BlockResult> {
  try {
    await graphRequest<BlockAnswer>({
      as: { phoneNumberId },
      method: blocked ? "POST" : "DELETE",
      path: `${phoneNumberId}/block_users`,
      body: { messaging_product: "whatsapp", block_users: [{ user: `+${waId}` }] },
    });
    return { outcome: "done" };
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    const failure = (error.body as BlockAnswer | null)?.block_users?.failed_users?.[0]?.errors?.[0];
    const code = failure?.code ?? error.code;
    if (error.retryable && !failure) return { outcome: "unreachable" };
    const notice =
      (code != null && sentences[code]) || `WhatsApp refused: ${describeMetaError({ code, title: failure?.message ?? error.message })}`;
    return { outcome: "refused", notice, ownNumber: code === OWN_NUMBER };
  }
}
