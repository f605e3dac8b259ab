import { BackToList } from "./pane-controls";

/** What a link to a conversation outside the agent's inboxes (or one that no longer exists) shows. */
export function ConversationNotFound() {
  return (
    <main className="flex min-w-0 flex-1 flex-col p-4 text-center md:p-8" data-testid="conversation-not-found">
      <div className="self-start">
        <BackToList />
      </div>
      <div className="m-auto max-w-sm space-y-1">
        <h2 className="text-sm font-semibold text-slate-800">Conversation not found in your inboxes</h2>
        <p className="text-sm text-slate-500">
          It may have been deleted, or it belongs to an inbox you are not a member of. Pick a conversation on the left.
        </p>
      </div>
    </main>
  );
}
