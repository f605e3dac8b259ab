import { z } from "zod";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { graphError } from "./graph-reply";

// The numbers the simulated Meta knows: the configured one, with the configuration's credentials,
// and two spare numbers of another app that an admin can connect in Settings → Channels with the
// credentials the /simulator page lists (as Meta's developer console would show them). All of it is
// public: simulator mode is for demos and tests.

export type SimulatedNumber = {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  accessToken: string;
  appSecret: string;
};

const spares: SimulatedNumber[] = [
  {
    phoneNumberId: "100000000000002",
    wabaId: "200000000000002",
    displayPhoneNumber: "15550100300",
    verifiedName: "Northwind Outlet",
    accessToken: "simulator-access-token-outlet",
    appSecret: "simulator-app-secret-outlet",
  },
  {
    phoneNumberId: "100000000000003",
    wabaId: "200000000000002",
    displayPhoneNumber: "15550100400",
    verifiedName: "Northwind Repairs",
    accessToken: "simulator-access-token-repairs",
    appSecret: "simulator-app-secret-repairs",
  },
];

export function simulatedNumbers(): SimulatedNumber[] {
  const { phoneNumberId, wabaId, accessToken, appSecret } = config().whatsapp;
  const configured = {
    phoneNumberId,
    wabaId,
    displayPhoneNumber: "15550100200",
    verifiedName: "Northwind Furniture",
    accessToken,
    appSecret,
  };
  return [configured, ...spares.filter((spare) => spare.phoneNumberId !== phoneNumberId)];
}

export function simulatedNumber(phoneNumberId: string): SimulatedNumber | undefined {
  return simulatedNumbers().find((number) => number.phoneNumberId === phoneNumberId);
}

/** The app secret Meta signs a number's webhooks with. */
export function appSecretOf(phoneNumberId: string | undefined): string {
  return (phoneNumberId && simulatedNumber(phoneNumberId)?.appSecret) || config().whatsapp.appSecret;
}

/** Whether the bearer token may act for the number: each number answers only to its own app's token. */
export function tokenMayUse({ phoneNumberId, token }: { phoneNumberId: string; token: string }): boolean {
  const number = simulatedNumber(phoneNumberId);
  return !number || token === number.accessToken;
}

export const invalidToken = () => graphError(401, 190, "Invalid OAuth access token - Cannot parse access token");

/** `?business=<phone-number-id>` on the customer-phone routes: which business the customer talks to. */
export const businessQuery = z.object({ business: z.string().max(64).optional() });

/** The business number a customer-phone request names, or the configured one. */
export function businessNumber(business: string | undefined): string {
  if (!business) return config().whatsapp.phoneNumberId;
  if (!simulatedNumber(business)) throw new AppError("NOT_FOUND", phrase("simulator.errors.noBusinessNumber", { id: business }));
  return business;
}
