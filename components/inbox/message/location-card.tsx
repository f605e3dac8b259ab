import { useFormatter, useTranslations } from "next-intl";
import type { Part } from "./content";
import { safeHref, str } from "./content";

/** OpenStreetMap, not a tracking-heavy map provider, and no API key. */
export function mapLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
}

export function LocationCard({ location }: { location: Part | undefined }) {
  const t = useTranslations("thread");
  const format = useFormatter();
  const latitude = Number(location?.latitude);
  const longitude = Number(location?.longitude);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude))
    return <p className="italic text-slate-500">{t("locationWithoutCoordinates")}</p>;
  const name = str(location?.name);
  const address = str(location?.address);
  const placeUrl = safeHref(location?.url);
  const degrees = (value: number) => format.number(value, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  return (
    <div className="min-w-56 space-y-0.5" data-testid="message-location">
      <p className="font-medium">📍 {name ?? (address ? address : t("sharedLocation"))}</p>
      {name && address && <p className="text-xs text-slate-600">{address}</p>}
      <p className="text-[11px] text-slate-500">
        {degrees(latitude)}, {degrees(longitude)}
      </p>
      <p className="flex gap-3 text-xs">
        <a
          href={mapLink(latitude, longitude)}
          target="_blank"
          rel="noopener noreferrer"
          className="font-medium text-[#027eb5] hover:underline"
          data-testid="location-map-link"
        >
          {t("openMap")}
        </a>
        {placeUrl && (
          <a href={placeUrl} target="_blank" rel="noopener noreferrer" className="text-[#027eb5] hover:underline">
            {t("placePage")}
          </a>
        )}
      </p>
    </div>
  );
}
