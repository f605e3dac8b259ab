import { randomBytes } from "node:crypto";

/** A message id in Meta's format: "wamid." followed by a base64 blob. */
export function newWamid(): string {
  return `wamid.HBgL${randomBytes(27).toString("base64").replace(/[+/=]/g, "A")}`;
}
