import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

/** The simulator exists only in simulator mode; in cloud mode its routes are not there at all. */
export function requireSimulatorMode(): void {
  if (config().whatsapp.mode !== "simulator") throw new AppError("NOT_FOUND", "The simulator is off (WHATSAPP_MODE=cloud).");
}
