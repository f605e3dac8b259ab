import { useFormatter, useTranslations } from "next-intl";
import type { MediaDto, MessageDto } from "@/lib/conversations/types";
import { part, str } from "./content";

// A photo, video, voice note, audio, sticker or document: a preview once stored, "Downloading…"
// while the job fetches it, the reason when it could not be fetched.

export function MediaView({ message, media }: { message: MessageDto; media: MediaDto }) {
  const t = useTranslations("thread");
  const payload = part(message.content, message.type);
  const voice = message.type === "audio" && payload?.voice === true;
  const kind = voice ? "voice" : message.type;
  if (message.type === "document") return <DocumentRow media={media} fileName={str(payload?.filename) ?? media.fileName} />;
  if (media.state === "PENDING") return <Pending kind={kind} />;
  if (media.state === "FAILED") return <Failed kind={kind} error={media.error} />;

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
            alt={str(payload?.caption) ?? t("customerPhoto")}
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
          alt={payload?.animated ? t("animatedSticker") : t("type", { type: "sticker" })}
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
          <span className="text-xs font-medium text-slate-600">
            {voice ? "🎤" : "🎵"} {t("type", { type: kind })}
          </span>
          <audio src={src} controls preload="none" className="h-8 w-full" />
        </div>
      );
  }
}

function Pending({ kind }: { kind: string }) {
  const t = useTranslations("thread");
  return (
    <p className="flex items-center gap-2 text-xs text-slate-500" data-testid="media-pending" role="status">
      <span className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-slate-600" aria-hidden />
      {t("downloading", { type: kind })}
    </p>
  );
}

function Failed({ kind, error }: { kind: string; error: string | null }) {
  const t = useTranslations("thread");
  return (
    <p className="rounded-md bg-red-50 px-2 py-1 text-xs text-red-700" data-testid="media-error">
      {t("notAvailable", { type: kind })} {error ?? t("downloadFailed")}
    </p>
  );
}

function DocumentRow({ media, fileName }: { media: MediaDto; fileName: string | null }) {
  const t = useTranslations("thread");
  const size = useFileSize();
  const name = fileName ?? t("type", { type: "document" });
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
            {[media.size ? size(media.size) : null, media.mimeType.split(";")[0]].filter(Boolean).join(" · ")}
          </p>
        </div>
        {stored && (
          <a
            href={`/api/media/${media.id}`}
            download={name}
            className="shrink-0 rounded px-1.5 py-0.5 text-xs font-medium text-wa-link hover:bg-black/5"
            data-testid="media-download"
          >
            {t("download")}
          </a>
        )}
      </div>
      {media.state === "PENDING" && <Pending kind="document" />}
      {media.state === "FAILED" && <Failed kind="document" error={media.error} />}
    </div>
  );
}

/** A file's size as people read it, in their language: "1.5 MB", "12 KB". */
export function useFileSize() {
  const format = useFormatter();
  return (bytes: number) =>
    bytes >= 1024 * 1024
      ? format.number(bytes / (1024 * 1024), { style: "unit", unit: "megabyte", maximumFractionDigits: 1 })
      : bytes >= 1024
        ? format.number(Math.round(bytes / 1024), { style: "unit", unit: "kilobyte" })
        : format.number(bytes, { style: "unit", unit: "byte" });
}
