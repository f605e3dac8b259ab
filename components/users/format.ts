/** The server clears lastSeenAt when someone's last socket closes and refreshes it every 30 s while one is open. */
export const ONLINE_WITHIN_MS = 90_000;
