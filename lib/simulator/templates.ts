import type { TemplateComponentDefinition } from "@/lib/whatsapp/render-template";

// The message templates the simulated WhatsApp Business Account holds, in the shape
// GET /{waba-id}/message_templates answers with. A realistic spread: utility with
// positional and named parameters, marketing with an image header, authentication with a
// copy-code button, a German translation, and templates Meta has not approved.

export type SimulatorTemplate = {
  id: string;
  name: string;
  language: string;
  status: "APPROVED" | "PENDING" | "REJECTED" | "PAUSED" | "DISABLED";
  category: "UTILITY" | "MARKETING" | "AUTHENTICATION";
  parameter_format: "POSITIONAL" | "NAMED";
  components: (TemplateComponentDefinition & { example?: Record<string, unknown> })[];
  rejected_reason?: string;
  quality_score?: { score: string };
};

export const simulatorTemplates: readonly SimulatorTemplate[] = [
  {
    id: "1402837362714001",
    name: "order_update",
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "TEXT", text: "Your order is on its way" },
      {
        type: "BODY",
        text: "Hi {{1}}, your order {{2}} has shipped and should arrive on {{3}}.",
        example: { body_text: [["Lena", "#48213", "Thursday"]] },
      },
      { type: "FOOTER", text: "Northwind Furniture" },
      {
        type: "BUTTONS",
        buttons: [
          { type: "URL", text: "Track order", url: "https://northwind.example/track/{{1}}" },
          { type: "QUICK_REPLY", text: "Talk to us" },
        ],
      },
    ],
    quality_score: { score: "GREEN" },
  },
  {
    id: "1402837362714002",
    name: "order_update",
    language: "de",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "TEXT", text: "Deine Bestellung ist unterwegs" },
      {
        type: "BODY",
        text: "Hallo {{1}}, deine Bestellung {{2}} wurde verschickt und kommt voraussichtlich am {{3}} an.",
        example: { body_text: [["Lena", "#48213", "Donnerstag"]] },
      },
      { type: "FOOTER", text: "Northwind Furniture" },
      {
        type: "BUTTONS",
        buttons: [
          { type: "URL", text: "Sendung verfolgen", url: "https://northwind.example/track/{{1}}" },
          { type: "QUICK_REPLY", text: "Frage stellen" },
        ],
      },
    ],
    quality_score: { score: "GREEN" },
  },
  {
    id: "1402837362714003",
    name: "appointment_reminder",
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "NAMED",
    components: [
      {
        type: "BODY",
        text: "Hi {{customer_name}}, this is a reminder of your showroom appointment on {{date}} at {{time}}.",
        example: {
          body_text_named_params: [
            { param_name: "customer_name", example: "Oliver" },
            { param_name: "date", example: "12 March" },
            { param_name: "time", example: "10:30" },
          ],
        },
      },
      {
        type: "BUTTONS",
        buttons: [
          { type: "QUICK_REPLY", text: "Confirm" },
          { type: "QUICK_REPLY", text: "Reschedule" },
        ],
      },
    ],
    quality_score: { score: "GREEN" },
  },
  {
    id: "1402837362714004",
    name: "invoice_ready",
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "DOCUMENT", example: { header_handle: ["https://northwind.example/samples/invoice.pdf"] } },
      { type: "BODY", text: "Your invoice {{1}} is attached. Thank you for shopping with us!", example: { body_text: [["INV-2041"]] } },
    ],
    quality_score: { score: "UNKNOWN" },
  },
  {
    id: "1402837362714005",
    name: "spring_sale",
    language: "en_US",
    status: "APPROVED",
    category: "MARKETING",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["https://northwind.example/samples/spring.jpg"] } },
      {
        type: "BODY",
        text: "Spring sale! {{1}}% off all {{2}} until Sunday. Come by the showroom or shop online.",
        example: { body_text: [["20", "lamps"]] },
      },
      { type: "FOOTER", text: "Not interested? Tap Stop promotions" },
      {
        type: "BUTTONS",
        buttons: [
          { type: "URL", text: "Shop now", url: "https://northwind.example/sale" },
          { type: "QUICK_REPLY", text: "Stop promotions" },
        ],
      },
    ],
    quality_score: { score: "YELLOW" },
  },
  {
    id: "1402837362714006",
    name: "login_code",
    language: "en_US",
    status: "APPROVED",
    category: "AUTHENTICATION",
    parameter_format: "POSITIONAL",
    components: [
      {
        type: "BODY",
        text: "*{{1}}* is your verification code. For your security, do not share this code.",
        example: { body_text: [["482913"]] },
      },
      { type: "FOOTER", text: "This code expires in 10 minutes." },
      { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy code" }] },
    ],
    quality_score: { score: "GREEN" },
  },
  {
    id: "1402837362714007",
    name: "winter_preview",
    language: "en_US",
    status: "PENDING",
    category: "MARKETING",
    parameter_format: "POSITIONAL",
    components: [{ type: "BODY", text: "Be the first to see our winter collection, {{1}}!", example: { body_text: [["Priya"]] } }],
  },
  {
    id: "1402837362714008",
    name: "welcome_discount",
    language: "en_US",
    status: "REJECTED",
    category: "MARKETING",
    parameter_format: "POSITIONAL",
    rejected_reason: "PROMOTIONAL",
    components: [{ type: "BODY", text: "Welcome! Here is 50% off everything, today only." }],
  },
];

/** The template a send names, as Meta matches it: name plus language code. */
export function findSimulatorTemplate({ name, language }: { name: string; language: string }): SimulatorTemplate | undefined {
  const wanted = language.replace("-", "_");
  return simulatorTemplates.find((template) => template.name === name && template.language === wanted);
}
