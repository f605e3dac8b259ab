import { simulatorPageDefaults } from "@/lib/config/schema";
import { config } from "@/lib/config";
import type { GraphReply } from "../graph-reply";

// The Facebook Pages the simulated Meta knows: the configured one (MESSENGER_*, or the simulator's
// own), and a spare Page of another app an admin can connect in Settings → Channels with the
// credentials the /simulator page lists. All of it is public: simulator mode is for demos and tests.

export type SimulatedPage = { pageId: string; name: string; accessToken: string; appSecret: string; appId: string };

/** The simulated Meta app the Pages' Send API calls come from: its echoes carry this app id. */
export const SIMULATOR_MESSENGER_APP_ID = "500000000000001";

const spare: SimulatedPage = {
  pageId: "400000000000002",
  name: "Northwind Outlet",
  accessToken: "simulator-page-access-token-outlet",
  appSecret: "simulator-page-app-secret-outlet",
  appId: "500000000000002",
};

export function simulatedPages(): SimulatedPage[] {
  const page = config().messenger;
  const configured = page
    ? {
        pageId: page.pageId,
        name: "Northwind Furniture",
        accessToken: page.pageAccessToken,
        appSecret: page.appSecret,
        appId: SIMULATOR_MESSENGER_APP_ID,
      }
    : null;
  return [...(configured ? [configured] : []), ...(configured?.pageId === spare.pageId ? [] : [spare])];
}

export function simulatedPage(pageId: string | undefined): SimulatedPage | undefined {
  return simulatedPages().find((page) => page.pageId === pageId);
}

/** The Page the /simulator Messenger phone writes to: the configured one, else the simulator's. */
export function defaultPage(): SimulatedPage {
  return simulatedPages()[0] ?? { ...spare, pageId: simulatorPageDefaults.pageId };
}

/** A Page's endpoints answer only to its own page access token. */
export function pageTokenMayUse({ pageId, token }: { pageId: string; token: string }): boolean {
  const page = simulatedPage(pageId);
  return !page || token === page.accessToken;
}

/** The Page a token belongs to: the Send API's customer-scoped calls (GET /{psid}) name no Page. */
export function pageOfToken(token: string): SimulatedPage | undefined {
  return simulatedPages().find((page) => page.accessToken === token);
}

/** A Messenger Platform error in Meta's shape: {"error":{"message","type","code","error_subcode","fbtrace_id"}}. */
export function messengerError(status: number, code: number, subcode: number | null, message: string): GraphReply {
  return {
    status,
    body: { error: { message, type: "OAuthException", code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: "Asimulator" } },
  };
}
