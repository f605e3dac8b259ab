import type { MediaDto, MessageDto } from "@/lib/conversations/types";
import { formatBytes } from "@/lib/whatsapp/media-rules";
import { part, str, typeLabels } from "./content";

// A photo, video, voice note, audio, sticker or document: a preview once stored, "Downloading…"
// while the job fetches it, the reason when it could not be fetched.

export function MediaView({ message, media }: { message: MessageDto; media: MediaDto }) {
  const payload = part(message.content, message.type);
  const voice = message.type === "audio" && payload?.voice === true;
  const label = voice ? "Voice message" : (typeLabels[message.type] ?? "File");
  if (message.type === "document") return <DocumentRow media={media} fileName={str(payload?.filename) ?? media.fileName} />;
  if (media.state === "PENDING") return <Pending label={label} />;
  if (media.state === "FAILED") return <Failed label={label} error={media.error} />;

  // A plain <img>, not next/image: the file is private to the inbox's members and must not go
  // through a shared image cache.
  const src = `/api/media/${media.id}`;
  switch (message.type) {
    case "image":
      return (
        <a href={src} target="_blank" rel="noopener noreferrer" className="block" data-testid="media-image">
          {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated media blob (members only): next/image cannot fetch or cache it */}
          <img
            src={src}
            alt={str(payload?.caption) ?? "Photo from the customer"}
            loading="lazy"
            className="max-h-72 max-w-full rounded-md object-contain"
          />
        </a>
      );
    case "sticker":
      return (
        // eslint-disable-next-line @next/next/no-img-element -- an authenticated media blob (members only): next/image cannot fetch or cache it
        <img
          src={src}
          alt={payload?.animated ? "Animated sticker" : "Sticker"}
          loading="lazy"
          className="h-32 w-32 object-contain"
          data-testid="media-sticker"
        />
      );
    case "video":
      return <video src={src} controls preload="metadata" className="max-h-72 max-w-full rounded-md bg-black" data-testid="media-video" />;
    default:
      return (
        <div className="flex min-w-56 flex-col gap-1" data-testid="media-audio">
          <span className="text-xs font-medium text-slate-600">{voice ? "🎤 Voice message" : "🎵 Audio"}</span>
          <audio src={src} controls preload="none" className="h-8 w-full" />
        </div>
      );
  }
}

function Pending({ label }: { label: string }) {
  return (
    <p className="flex items-center gap-2 text-xs text-slate-500" data-testid="media-pending" role="status">
      <span className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-slate-600" aria-hidden />
      Downloading {label.toLowerCase()}…
    </p>
  );
}

function Failed({ label, error }: { label: string; error: string | null }) {
  return (
    <p className="rounded-md bg-red-50 px-2 py-1 text-xs text-red-700" data-testid="media-error">
      {label} not available. {error ?? "The customer's file could not be downloaded from WhatsApp."}
    </p>
  );
}

function DocumentRow({ media, fileName }: { media: MediaDto; fileName: string | null }) {
  const name = fileName ?? "Document";
  const extension = name.includes(".") ? name.split(".").pop()!.slice(0, 4).toUpperCase() : "FILE";
  const stored = media.state === "STORED";
  return (
    <div className="min-w-60 space-y-1" data-testid="media-document">
      <div className="flex items-center gap-2 rounded-md bg-black/5 px-2 py-1.5">
        <span
          className="flex h-9 w-8 shrink-0 items-center justify-center rounded bg-danger text-[9px] font-bold text-on-accent"
          aria-hidden
        >
          {extension}
        </span>
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium" title={name}>
            {name}
          </p>
          <p className="text-[11px] text-slate-500">
            {[media.size ? formatBytes(media.size) : null, media.mimeType.split(";")[0]].filter(Boolean).join(" · ")}
          </p>
        </div>
        {stored && (
          <a
            href={`/api/media/${media.id}`}
            download={name}
            className="shrink-0 rounded px-1.5 py-0.5 text-xs font-medium text-wa-link hover:bg-black/5"
            data-testid="media-download"
          >
            Download
          </a>
        )}
      </div>
      {media.state === "PENDING" && <Pending label="Document" />}
      {media.state === "FAILED" && <Failed label="Document" error={media.error} />}
    </div>
  );
}
