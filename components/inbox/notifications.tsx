"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { BellIcon } from "@/components/ui/icons";
import { useNotifications } from "@/components/api/hooks";
import { useReadNotifications } from "@/components/api/mutations";
import { useDates } from "@/components/i18n/use-dates";
import { useEventFormats } from "@/components/i18n/use-event-formats";
import type { NotificationDto } from "@/lib/conversations/types";
import type { Translate } from "@/lib/i18n/phrase";
import { notificationText } from "./notification-text";

// Getting an agent's attention: in-page toasts, a count in the tab title, and, if they opt in, a
// browser notification and a short sound (made with WebAudio: nothing to download). Notifications
// arrive as a kind and its values and are worded here, in the agent's language.

export type Toast = { id: string; text: string; conversationId: string | null };

const SOUND_KEY = "switchboard.sound";
let toastCount = 0;

// Read once in the browser; the server render never shows these (they sit in the closed bell menu).
const storedSound = () => typeof localStorage !== "undefined" && localStorage.getItem(SOUND_KEY) === "on";
const browserPermission = (): NotificationPermission | "unsupported" =>
  typeof Notification === "undefined" ? "unsupported" : Notification.permission;

export function useAttention({ unreadMine }: { unreadMine: number }) {
  const t = useTranslations("notifications");
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [sound, setSound] = useState(storedSound);
  const [browser, setBrowser] = useState(browserPermission);
  const notifications = useNotifications();
  const readAll = useReadNotifications();
  const unreadNotifications = notifications.data?.unread ?? 0;

  useEffect(() => {
    const total = unreadMine + unreadNotifications;
    document.title = t("documentTitle", { count: total });
  }, [unreadMine, unreadNotifications, t]);

  /** One toast (and sound, and browser notification when hidden); called from event handlers only. */
  const alert = useCallback(
    (text: string, conversationId: string | null) => {
      const id = String(++toastCount);
      setToasts((current) => [...current.slice(-3), { id, text, conversationId }]);
      setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), 6_000);
      if (sound) beep();
      if (document.hidden && typeof Notification !== "undefined" && Notification.permission === "granted") {
        new Notification("Switchboard", { body: text, tag: conversationId ?? id });
      }
    },
    [sound],
  );

  return {
    toasts,
    dismissToast: (id: string) => setToasts((current) => current.filter((toast) => toast.id !== id)),
    alert,
    notifications: notifications.data?.items ?? [],
    unreadNotifications,
    markAllRead: () => readAll.mutate(),
    sound,
    toggleSound: () => {
      localStorage.setItem(SOUND_KEY, sound ? "off" : "on");
      setSound(!sound);
    },
    browser,
    enableBrowser: async () => {
      if (typeof Notification === "undefined") return;
      setBrowser(await Notification.requestPermission());
    },
  };
}

export type Attention = ReturnType<typeof useAttention>;

/** A notification's words, in the agent's language (for the bell, toasts and the browser's notification). */
export function useNotificationText() {
  const t = useTranslations();
  const formats = useEventFormats();
  return useCallback((notification: NotificationDto) => notificationText(notification, t as Translate, formats), [t, formats]);
}

export function Toasts({ attention, onOpen }: { attention: Attention; onOpen: (conversationId: string) => void }) {
  const t = useTranslations("notifications");
  if (attention.toasts.length === 0) return null;
  return (
    <div className="fixed bottom-4 right-4 z-50 flex w-80 flex-col gap-2" aria-live="polite" data-testid="toasts">
      {attention.toasts.map((toast) => (
        <div
          key={toast.id}
          className="flex items-start gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg"
          data-testid="toast"
        >
          <button
            className="flex-1 text-left"
            onClick={() => {
              if (toast.conversationId) onOpen(toast.conversationId);
              attention.dismissToast(toast.id);
            }}
          >
            {toast.text}
          </button>
          <button
            aria-label={t("dismiss")}
            className="text-slate-500 hover:text-slate-700"
            onClick={() => attention.dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

export function NotificationBell({ attention, onOpen }: { attention: Attention; onOpen: (conversationId: string) => void }) {
  const t = useTranslations("notifications");
  const words = useNotificationText();
  const dates = useDates();
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        onClick={() => setOpen(!open)}
        data-testid="notification-bell"
        className="relative rounded-md px-2 py-1 text-xs text-slate-600 hover:bg-slate-100"
        aria-label={t("bellLabel", { count: attention.unreadNotifications })}
      >
        <BellIcon />
        {attention.unreadNotifications > 0 && (
          <span
            className="absolute -right-1 -top-1 rounded-full bg-danger px-1 text-[10px] font-semibold text-on-accent"
            data-testid="notification-count"
          >
            {attention.unreadNotifications}
          </span>
        )}
      </button>
      {open && (
        <div className="absolute left-0 top-8 z-30 w-80 rounded-lg border border-slate-200 bg-white text-sm shadow-lg">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <span className="font-semibold">{t("title")}</span>
            <button className="text-xs text-brand-700 hover:underline" onClick={attention.markAllRead}>
              {t("markAllRead")}
            </button>
          </div>
          <ul className="max-h-80 overflow-y-auto">
            {attention.notifications.length === 0 && <li className="px-3 py-6 text-center text-xs text-slate-500">{t("empty")}</li>}
            {attention.notifications.map((notification) => (
              <li key={notification.id}>
                <button
                  className={`w-full px-3 py-2 text-left text-xs hover:bg-slate-50 ${notification.readAt ? "text-slate-500" : "font-medium text-slate-900"}`}
                  onClick={() => {
                    if (notification.conversationId) onOpen(notification.conversationId);
                    setOpen(false);
                  }}
                >
                  {words(notification)}
                  <span className="block text-[11px] font-normal text-slate-500">{dates.full(notification.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="flex gap-3 border-t border-slate-100 px-3 py-2 text-xs text-slate-600">
            <label className="flex items-center gap-1">
              <input type="checkbox" checked={attention.sound} onChange={attention.toggleSound} /> {t("sound")}
            </label>
            {attention.browser !== "unsupported" && (
              <label className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={attention.browser === "granted"}
                  disabled={attention.browser !== "default"}
                  onChange={() => void attention.enableBrowser()}
                />
                {t("browser", { blocked: attention.browser === "denied" ? "yes" : "no" })}
              </label>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function beep() {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
  } catch {
    // No audio device: the toast is enough.
  }
}
