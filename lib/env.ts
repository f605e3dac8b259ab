// Every setting with a working local default, so a fresh clone runs with no .env at all.
// server.ts calls applyEnvDefaults() before anything reads process.env.

const LOCAL_SECRET = "switchboard-local-development-secret";

export function applyEnvDefaults(): void {
  const env = process.env;
  // An empty variable counts as unset, as in most dotenv tooling.
  const fallback = (name: string, value: string) => {
    if (!env[name]) env[name] = value;
  };
  fallback("PORT", "3000");
  fallback("NEXTAUTH_URL", `http://localhost:${env.PORT}`);
  fallback("NEXTAUTH_SECRET", LOCAL_SECRET);
  fallback("WHATSAPP_MODE", env.WHATSAPP_ACCESS_TOKEN ? "cloud" : "simulator");
  fallback("WHATSAPP_APP_SECRET", "switchboard-simulator-app-secret");
  fallback("WHATSAPP_VERIFY_TOKEN", "switchboard-verify-token");
  fallback("WHATSAPP_PHONE_NUMBER_ID", "100000000000001");
  fallback("WHATSAPP_WABA_ID", "200000000000001");
  fallback("WHATSAPP_ACCESS_TOKEN", "simulator-access-token");
  fallback(
    "WHATSAPP_GRAPH_URL",
    env.WHATSAPP_MODE === "simulator"
      ? `http://127.0.0.1:${env.PORT}/api/simulator/graph/v23.0`
      : "https://graph.facebook.com/v23.0",
  );
  fallback("MEDIA_DIR", ".data/media");
  fallback("NEXT_TELEMETRY_DISABLED", "1");
}

export function usesLocalSecret(): boolean {
  return process.env.NEXTAUTH_SECRET === LOCAL_SECRET;
}

export const config = {
  get appSecret() {
    return required("WHATSAPP_APP_SECRET");
  },
  get verifyToken() {
    return required("WHATSAPP_VERIFY_TOKEN");
  },
  get graphUrl() {
    return required("WHATSAPP_GRAPH_URL").replace(/\/+$/, "");
  },
  get accessToken() {
    return required("WHATSAPP_ACCESS_TOKEN");
  },
  get simulatorMode() {
    return process.env.WHATSAPP_MODE !== "cloud";
  },
  /** Where received and uploaded media are kept (lib/media/storage.ts). */
  get mediaDir() {
    return process.env.MEDIA_DIR || ".data/media";
  },
  get appUrl() {
    return `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
  },
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
