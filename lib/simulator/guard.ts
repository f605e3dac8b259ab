import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";

/** The simulator exists only in simulator mode; in cloud mode its routes are not there at all. */
export function requireSimulatorMode(): void {
  if (config().whatsapp.mode !== "simulator") throw new AppError("NOT_FOUND", phrase("simulator.errors.off"));
}
