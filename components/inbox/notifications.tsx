"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { NotificationDto } from "@/lib/inbox/types";
import { BellIcon } from "@/components/ui/icons";
import { workspaceApi } from "./workspace-api";

// Getting an agent's attention: in-page toasts, a count in the tab title, and, if they opt in, a
// browser notification and a short sound (made with WebAudio: nothing to download).

export type Toast = { id: string; text: string; conversationId: string | null };

const SOUND_KEY = "switchboard.sound";

export function useAttention({ unreadMine }: { unreadMine: number }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [notifications, setNotifications] = useState<NotificationDto[]>([]);
  const [unreadNotifications, setUnreadNotifications] = useState(0);
  const [sound, setSound] = useState(false);
  const [browser, setBrowser] = useState<NotificationPermission | "unsupported">("default");

  useEffect(() => {
    setSound(localStorage.getItem(SOUND_KEY) === "on");
    setBrowser(typeof Notification === "undefined" ? "unsupported" : Notification.permission);
    void workspaceApi
      .notifications()
      .then((result) => {
        setNotifications(result.items);
        setUnreadNotifications(result.unread);
      })
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    const total = unreadMine + unreadNotifications;
    document.title = total > 0 ? `(${total}) Inbox · Switchboard` : "Inbox · Switchboard";
  }, [unreadMine, unreadNotifications]);

  const soundRef = useRef(sound);
  soundRef.current = sound;

  const alert = useCallback((text: string, conversationId: string | null) => {
    const id = `${Date.now()}-${Math.random()}`;
    setToasts((current) => [...current.slice(-3), { id, text, conversationId }]);
    setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), 6_000);
    if (soundRef.current) beep();
    if (document.hidden && typeof Notification !== "undefined" && Notification.permission === "granted") {
      new Notification("Switchboard", { body: text, tag: conversationId ?? id });
    }
  }, []);

  const received = useCallback(
    (notification: NotificationDto) => {
      setNotifications((current) => [notification, ...current].slice(0, 50));
      setUnreadNotifications((count) => count + 1);
      alert(notification.body, notification.conversationId);
    },
    [alert],
  );

  return {
    toasts,
    dismissToast: (id: string) => setToasts((current) => current.filter((toast) => toast.id !== id)),
    alert,
    received,
    notifications,
    unreadNotifications,
    markAllRead: async () => {
      await workspaceApi.readNotifications();
      setUnreadNotifications(0);
      setNotifications((current) => current.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })));
    },
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

export function Toasts({ attention, onOpen }: { attention: Attention; onOpen: (conversationId: string) => void }) {
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
          <button aria-label="Dismiss" className="text-slate-400 hover:text-slate-700" onClick={() => attention.dismissToast(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

export function NotificationBell({ attention, onOpen }: { attention: Attention; onOpen: (conversationId: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        onClick={() => setOpen(!open)}
        data-testid="notification-bell"
        className="relative rounded-md px-2 py-1 text-xs text-slate-600 hover:bg-slate-100"
        aria-label={`Notifications, ${attention.unreadNotifications} unread`}
      >
        <BellIcon />
        {attention.unreadNotifications > 0 && (
          <span
            className="absolute -right-1 -top-1 rounded-full bg-red-600 px-1 text-[10px] font-semibold text-white"
            data-testid="notification-count"
          >
            {attention.unreadNotifications}
          </span>
        )}
      </button>
      {open && (
        <div className="absolute left-0 top-8 z-30 w-80 rounded-lg border border-slate-200 bg-white text-sm shadow-lg">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <span className="font-semibold">Notifications</span>
            <button className="text-xs text-brand-700 hover:underline" onClick={() => void attention.markAllRead()}>
              Mark all read
            </button>
          </div>
          <ul className="max-h-80 overflow-y-auto">
            {attention.notifications.length === 0 && (
              <li className="px-3 py-6 text-center text-xs text-slate-500">Mentions and assignments show up here.</li>
            )}
            {attention.notifications.map((notification) => (
              <li key={notification.id}>
                <button
                  className={`w-full px-3 py-2 text-left text-xs hover:bg-slate-50 ${notification.readAt ? "text-slate-500" : "font-medium text-slate-900"}`}
                  onClick={() => {
                    if (notification.conversationId) onOpen(notification.conversationId);
                    setOpen(false);
                  }}
                >
                  {notification.body}
                  <span className="block text-[11px] font-normal text-slate-400">{new Date(notification.createdAt).toLocaleString()}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="flex gap-3 border-t border-slate-100 px-3 py-2 text-xs text-slate-600">
            <label className="flex items-center gap-1">
              <input type="checkbox" checked={attention.sound} onChange={attention.toggleSound} /> Sound
            </label>
            {attention.browser !== "unsupported" && (
              <label className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={attention.browser === "granted"}
                  disabled={attention.browser !== "default"}
                  onChange={() => void attention.enableBrowser()}
                />
                Browser notifications{attention.browser === "denied" ? " (blocked in the browser)" : ""}
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
