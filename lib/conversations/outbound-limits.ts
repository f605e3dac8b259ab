// Meta's limits on what an agent may send, as plain data: the request schemas (outbound-schema.ts)
// check them, and the composer shows them without loading zod in the browser.

export const limits = {
  text: 4096,
  caption: 1024,
  interactiveBody: 1024,
  headerText: 60,
  footer: 60,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButton: 20,
  listRows: 10,
  listSections: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  sectionTitle: 24,
  flowCta: 20,
  templateParameter: 1024,
  // Messenger (Send API): text and quick replies.
  messengerText: 2000,
  quickReplies: 13,
  quickReplyTitle: 20,
  quickReplyPayload: 1000,
} as const;
