import type { Part } from "./content";
import { safeHref, str } from "./content";

/** OpenStreetMap, not a tracking-heavy map provider, and no API key. */
export function mapLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
}

export function LocationCard({ location }: { location: Part | undefined }) {
  const latitude = Number(location?.latitude);
  const longitude = Number(location?.longitude);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude))
    return <p className="italic text-slate-500">Location without coordinates</p>;
  const name = str(location?.name);
  const address = str(location?.address);
  const placeUrl = safeHref(location?.url);
  return (
    <div className="min-w-56 space-y-0.5" data-testid="message-location">
      <p className="font-medium">📍 {name ?? (address ? address : "Shared location")}</p>
      {name && address && <p className="text-xs text-slate-600">{address}</p>}
      <p className="text-[11px] text-slate-500">
        {latitude.toFixed(5)}, {longitude.toFixed(5)}
      </p>
      <p className="flex gap-3 text-xs">
        <a
          href={mapLink(latitude, longitude)}
          target="_blank"
          rel="noopener noreferrer"
          className="font-medium text-[#027eb5] hover:underline"
          data-testid="location-map-link"
        >
          Open map
        </a>
        {placeUrl && (
          <a href={placeUrl} target="_blank" rel="noopener noreferrer" className="text-[#027eb5] hover:underline">
            Place page
          </a>
        )}
      </p>
    </div>
  );
}
