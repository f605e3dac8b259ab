import type { ContactDetailsDto, updateContact } from "@/lib/contacts/contact-details";
import type { BlockOutcome } from "@/lib/contacts/block-contact";
import type { listConversations } from "@/lib/conversations/list-conversations";
import type { listMessages } from "@/lib/conversations/list-messages";
import type { ConversationChanges } from "@/lib/conversations/update-conversation";
import type { listCannedResponses, listLabels, listNotifications, listTeammates } from "@/lib/conversations/workspace-lists";
import type { customers, sendAsCustomer, SimulatedMessage } from "@/lib/simulator/customer-phone";
import type { CustomerPhoneSettings } from "@/lib/simulator/customer-settings";
import type { CustomerMessage } from "@/lib/simulator/customer-message";

// The JSON API's shapes, derived from the server functions that produce them (type-only imports:
// nothing here reaches the bundle). Wire<T> is what JSON.stringify makes of T: dates become strings.

export type Wire<T> = T extends Date ? string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

type Result<F extends (...args: never[]) => unknown> = Wire<Awaited<ReturnType<F>>>;

export type ConversationPage = Result<typeof listConversations>;
export type MessagePage = Result<typeof listMessages>;
export type ConversationPatch = Wire<ConversationChanges>;
export type Teammates = Result<typeof listTeammates>;
export type Teammate = Teammates["users"][number];
export type Team = Teammates["teams"][number];
export type CannedResponse = Result<typeof listCannedResponses>[number];
export type Labels = Result<typeof listLabels>;
export type Notifications = Result<typeof listNotifications>;
export type ContactDetails = ContactDetailsDto;
export type ContactChanges = Parameters<typeof updateContact>[0]["changes"];
export type { BlockOutcome };

export type SimulatorCustomer = Result<typeof customers>[number];
export type { SimulatedMessage, CustomerPhoneSettings, CustomerMessage };
export type SimulatorSendResult = Result<typeof sendAsCustomer>;
