// What a simulated Graph endpoint answers: an HTTP status and Meta's JSON body. Errors use Meta's
// shape: {"error":{"message","type","code","error_data":{"messaging_product","details"},"fbtrace_id"}}.

export type GraphReply = {
  status: number;
  body: unknown;
  // How the answer misbehaves (send-faults.ts): it never comes ("hang": the request is held until the
  // caller gives up) or is cut off ("drop"); `then` runs once the caller has given up or been cut off.
  fault?: { kind: "hang" | "drop"; then?: () => void };
};

export function graphError(status: number, code: number, message: string, type = "OAuthException", details = message): GraphReply {
  return {
    status,
    body: { error: { message, type, code, error_data: { messaging_product: "whatsapp", details }, fbtrace_id: "Asimulator" } },
  };
}

export const ok = (body: unknown): GraphReply => ({ status: 200, body });
