"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ZONE_COOKIE } from "@/lib/i18n/zone-cookie";

/**
 * For someone who follows the browser's time zone, the server renders in the zone this browser last
 * reported (UTC before the first report). When the browser's zone differs, it is reported in a
 * cookie and the page re-rendered in place, so server and browser always format with the same zone.
 */
export function BrowserZone({ serverZone }: { serverZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverZone) return;
    document.cookie = `${ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [serverZone, router]);
  return null;
}
