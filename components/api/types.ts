import type { ContactDetailsDto, updateContact } from "@/lib/contacts/contact-details";
import type { BlockOutcome } from "@/lib/contacts/block-contact";
import type { listConversations } from "@/lib/conversations/list-conversations";
import type { listMessages } from "@/lib/conversations/list-messages";
import type { ConversationChanges } from "@/lib/conversations/update-conversation";
import type { listCannedResponses } from "@/lib/conversations/canned-responses";
import type { listLabels } from "@/lib/conversations/labels";
import type { listNotifications } from "@/lib/conversations/notifications";
import type { listTeammates } from "@/lib/conversations/teammates";
import type { customers, sendAsCustomer, SimulatedMessage } from "@/lib/simulator/customer-phone";
import type {
  messengerCustomerEvent,
  MessengerCustomerSettings,
  MessengerThreadItem,
  sendAsMessengerCustomer,
  simulatorPageState,
} from "@/lib/simulator/messenger/customer";
import type { CustomerPhoneSettings } from "@/lib/simulator/customer-settings";
import type { CustomerMessage } from "@/lib/simulator/customer-message";
import type { z } from "zod";
import type { listAuditEvents } from "@/lib/audit/list-audit-events";
import type { runAuditVerification } from "@/lib/audit/run-verification";
import type { replaceRates } from "@/lib/billing/rate-card";
import type { updateAssignmentSettings } from "@/lib/conversations/assignment-settings";
import type { acceptInvite } from "@/lib/users/accept-invite";
import type { changePassword } from "@/lib/users/change-password";
import type { completeSetup } from "@/lib/users/complete-setup";
import type { createInvite } from "@/lib/users/create-invite";
import type { resetPassword } from "@/lib/users/reset-password";
import type {
  acceptInviteSchema,
  changePasswordSchema,
  InviteInput,
  resetPasswordSchema,
  setupSchema,
  UpdateAccountInput,
  UpdateUserInput,
} from "@/lib/users/schemas";
import type { CostStats } from "@/lib/stats/contract";
import type { refreshMetaPricing } from "@/lib/stats/refresh-meta-pricing";
import type { addFlow } from "@/lib/whatsapp/flows";
import type { updateChannelSchema } from "@/lib/channels/schemas";
import type { ChannelDto } from "@/lib/channels/serialize";
import type { listDeadLetters } from "@/lib/conversations/dead-letters";
import type { retryDeadLetter } from "@/lib/conversations/retry-dead-letter";
import type { webhookBacklog } from "@/lib/webhooks/backlog";
import type { replayWebhookEvent } from "@/lib/webhooks/webhook-log";
import type { profileOverview } from "@/lib/business-profile/profile-overview";
import type { saveProfile } from "@/lib/business-profile/save-profile";
import type { restoreVersion } from "@/lib/business-profile/restore-version";
import type { ProfileChangeInput } from "@/lib/business-profile/profile-schema";
import type { numberHealth } from "@/lib/number-health/number-health";
import type { BlueTickInput } from "@/lib/number-health/action-schemas";
import type { businessView } from "@/lib/simulator/business-view";
import type { numberControls } from "@/lib/simulator/number-controls";

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
export type { LinkCandidateDto as LinkCandidate } from "@/lib/contacts/linked-contacts";
export type ContactChanges = Parameters<typeof updateContact>[0]["changes"];
export type { BlockOutcome };

export type SimulatorCustomer = Result<typeof customers>[number];
export type { SimulatedMessage, CustomerPhoneSettings, CustomerMessage };
export type SimulatorSendResult = Result<typeof sendAsCustomer>;
// The simulator's Messenger side: the Page, a customer's chat with it, and what they can send.
export type SimulatorPage = Result<typeof simulatorPageState>;
export type MessengerChat = { items: Wire<MessengerThreadItem>[]; settings: Wire<MessengerCustomerSettings> };
/** What a simulated Messenger customer does (the request body, without their name). */
export type MessengerSimEvent = z.input<typeof messengerCustomerEvent>;
export type MessengerSimResult = Result<typeof sendAsMessengerCustomer>;

// Settings. Each route checks its body against a schema of its own and hands it, with the acting
// user, to one of these domain functions: the body is typed by what that function takes.
export type AssignmentChanges = Omit<Parameters<typeof updateAssignmentSettings>[0], "actor">;
export type AssignmentResult = Result<typeof updateAssignmentSettings>;
export type RateCardInput = Parameters<typeof replaceRates>[0]["rates"];
export type FlowInput = Parameters<typeof addFlow>[0]["flow"];
export type WebhookReplayOutcome = Result<typeof replayWebhookEvent>;
export type DeadLetters = Result<typeof listDeadLetters>;
export type DeadLetterItem = DeadLetters["items"][number];
export type DeadLetterRetry = Result<typeof retryDeadLetter>;
export type WebhookBacklog = Result<typeof webhookBacklog>;
export type AuditVerificationResult = Result<typeof runAuditVerification>;
export type AuditLogPage = Result<typeof listAuditEvents>;
export type AuditLogItem = AuditLogPage["items"][number];

// Users, invitations and the account: request bodies are what the routes' schemas accept.
export type SetupInput = z.input<typeof setupSchema>;
export type AcceptInviteInput = z.input<typeof acceptInviteSchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
export type SetupResult = Result<typeof completeSetup>;
export type AcceptInviteResult = Result<typeof acceptInvite>;
export type ResetPasswordResult = Result<typeof resetPassword>;
export type ChangePasswordResult = Result<typeof changePassword>;
export type InviteResult = Result<typeof createInvite>;
export type { InviteInput, UpdateAccountInput, UpdateUserInput };

// Channels: the numbers behind the inboxes. Bodies are what the routes' schemas accept.
export type { AddChannelBody } from "@/lib/channels/schemas";
export type UpdateChannelBody = z.input<typeof updateChannelSchema>;
export type { ChannelDto };
// The WhatsApp number: its business profile and its health.
export type ProfileOverview = Result<typeof profileOverview>;
export type ProfileVersion = ProfileOverview["versions"][number];
export type ProfileSaveResult = Result<typeof saveProfile>;
export type ProfileRestoreResult = Result<typeof restoreVersion>;
export type NumberHealth = Result<typeof numberHealth>;
export type SimulatorBusiness = Result<typeof businessView>;
export type SimulatorNumberControls = Result<typeof numberControls>;
export type { ProfileChangeInput, BlueTickInput };
/** POST /api/stats/cost/refresh: the cost statistics after the fetch, and what Meta refused, per account. */
export type CostRefresh = CostStats & { problems: Result<typeof refreshMetaPricing>["problems"] };
