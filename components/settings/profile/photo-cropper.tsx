"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { photoProblem, photoRules } from "@/lib/business-profile/photo-rules";

// Crops a chosen image to a square in the browser: drag to move it inside the square, the slider
// zooms. The result (a JPEG of at most OUTPUT px a side) is checked against WhatsApp's rules before
// it is offered for upload.

const VIEW = 256;
const OUTPUT = 640;

type Source = { image: HTMLImageElement; type: string; size: number };

export function PhotoCropper({ onCropped }: { onCropped: (photo: Blob) => void }) {
  const t = useTranslations("profile");
  const say = useTranslations();
  const [source, setSource] = useState<Source | null>(null);
  const [zoom, setZoom] = useState(1);
  const [center, setCenter] = useState({ x: 0, y: 0 });
  const [problem, setProblem] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);

  const side = source ? Math.min(source.image.naturalWidth, source.image.naturalHeight) / zoom : 0;
  const clamp = (point: { x: number; y: number }) =>
    source
      ? {
          x: Math.min(Math.max(point.x, side / 2), source.image.naturalWidth - side / 2),
          y: Math.min(Math.max(point.y, side / 2), source.image.naturalHeight - side / 2),
        }
      : point;
  const region = clamp(center);

  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context || !source) return;
    context.clearRect(0, 0, VIEW, VIEW);
    context.drawImage(source.image, region.x - side / 2, region.y - side / 2, side, side, 0, 0, VIEW, VIEW);
  }, [source, region.x, region.y, side]);

  function choose(file: File | undefined) {
    setProblem(null);
    if (!file) return;
    if (!(photoRules.types as readonly string[]).includes(file.type)) return setProblem(t("photoType"));
    const image = new Image();
    image.onload = () => {
      const early = photoProblem({ type: file.type, size: 0, width: image.naturalWidth, height: image.naturalHeight });
      if (early) return setProblem(say(early.key, early.values));
      setSource({ image, type: file.type, size: file.size });
      setZoom(1);
      setCenter({ x: image.naturalWidth / 2, y: image.naturalHeight / 2 });
    };
    image.onerror = () => setProblem(t("photoUnreadable"));
    image.src = URL.createObjectURL(file);
  }

  function crop() {
    if (!source) return;
    const size = Math.round(Math.min(OUTPUT, side));
    const out = document.createElement("canvas");
    out.width = size;
    out.height = size;
    out.getContext("2d")!.drawImage(source.image, region.x - side / 2, region.y - side / 2, side, side, 0, 0, size, size);
    out.toBlob(
      (blob) => {
        if (!blob) return setProblem(t("photoCropFailed"));
        const refused = photoProblem({ type: blob.type, size: blob.size, width: size, height: size });
        if (refused) return setProblem(say(refused.key, refused.values));
        onCropped(blob);
        setSource(null);
      },
      "image/jpeg",
      0.9,
    );
  }

  return (
    <div className="space-y-2" data-testid="photo-cropper">
      <input
        type="file"
        accept="image/jpeg,image/png"
        aria-label={t("choosePhoto")}
        data-testid="photo-input"
        onChange={(event) => choose(event.target.files?.[0])}
        className="block text-xs"
      />
      {source && (
        <div className="space-y-2">
          <canvas
            ref={canvas}
            width={VIEW}
            height={VIEW}
            className="cursor-move touch-none rounded-full border border-slate-300"
            aria-label={t("dragToCrop")}
            onPointerDown={(event) => {
              drag.current = { x: event.clientX, y: event.clientY };
              event.currentTarget.setPointerCapture(event.pointerId);
            }}
            onPointerMove={(event) => {
              if (!drag.current) return;
              const scale = side / VIEW;
              setCenter(
                clamp({ x: region.x - (event.clientX - drag.current.x) * scale, y: region.y - (event.clientY - drag.current.y) * scale }),
              );
              drag.current = { x: event.clientX, y: event.clientY };
            }}
            onPointerUp={() => (drag.current = null)}
          />
          <label className="flex items-center gap-2 text-xs text-slate-600">
            {t("zoom")}
            <input type="range" min={1} max={4} step={0.05} value={zoom} onChange={(event) => setZoom(Number(event.target.value))} />
          </label>
          <div className="flex gap-2">
            <Button size="sm" tone="primary" onClick={crop} data-testid="photo-crop">
              {t("useSquare")}
            </Button>
            <Button size="sm" onClick={() => setSource(null)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
      {problem && (
        <p role="alert" className="text-xs text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
