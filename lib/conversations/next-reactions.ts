import type { ReactionDto } from "./types";

/**
 * One reaction per reactor, as in WhatsApp; an empty emoji removes it. A change older than the one
 * already stored (a late duplicate) changes nothing: returns null then. Pure.
 */
export function nextReactions({
  current,
  by,
  emoji,
  at,
}: {
  current: unknown;
  by: string;
  emoji: string | undefined;
  at: Date;
}): ReactionDto[] | null {
  const list = (Array.isArray(current) ? current : []) as ReactionDto[];
  const mine = list.find((reaction) => reaction?.by === by);
  if (mine && new Date(mine.at).getTime() > at.getTime()) return null;
  const others = list.filter((reaction) => reaction?.by !== by);
  return emoji ? [...others, { by, emoji, at: at.toISOString() }] : others;
}
