import { useEffect, useRef } from 'react';
import { noticeActionKey, type Notice } from '../app/slices/notice-slice';
import { useAppStore } from '../app/store';

/** Confirmations fade once read; one with actions stays longer; errors stay until dismissed. */
const FADE_AFTER_MS = 6000;
const FADE_WITH_ACTIONS_MS = 15000;

/**
 * Feedback for every action, one notice at a time, in a status bar under the content (so it
 * covers no work), read out politely by screen readers. Its actions answer Alt+letter.
 */
export function Notices() {
  const notice = useAppStore((s) => s.notices.at(-1));
  const dismiss = useAppStore((s) => s.dismissNotice);
  const barRef = useRef<HTMLDivElement>(null);
  /** Where focus was before a notice took it, to give it back when the notice goes. */
  const returnTo = useRef<HTMLElement | null>(null);

  const close = (target: Notice) => {
    const hadFocus = barRef.current?.contains(document.activeElement) ?? false;
    dismiss(target.id);
    if (hadFocus) {
      const back = returnTo.current?.isConnected ? returnTo.current : document.getElementById('main-content');
      back?.focus();
    }
  };

  const run = (target: Notice, index: number) => {
    close(target);
    target.actions[index]!.run();
  };

  useEffect(() => {
    if (!notice?.takeFocus || notice.actions.length === 0) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    barRef.current?.querySelector<HTMLElement>('.notice-action')?.focus();
  }, [notice]);

  // A notice never fades while the official is reading it with focus or pointer on it.
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const delay = notice.actions.length > 0 ? FADE_WITH_ACTIONS_MS : FADE_AFTER_MS;
    let timer = 0;
    const arm = () => {
      timer = window.setTimeout(() => {
        const bar = barRef.current;
        if (bar && (bar.contains(document.activeElement) || bar.matches(':hover'))) return arm();
        close(notice);
      }, delay);
    };
    arm();
    return () => window.clearTimeout(timer);
    // close only reads refs and the stable dismiss.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [notice]);

  useEffect(() => {
    if (!notice || notice.actions.length === 0) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const index = notice.actions.findIndex((action) => noticeActionKey(action) === event.key.toLowerCase());
      if (index < 0) return;
      event.preventDefault();
      run(notice, index);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [notice]);

  return (
    <div className="notices" role="status" aria-live="polite" ref={barRef}>
      {notice && (
        <div key={notice.id} className={`notice notice-${notice.kind}`}>
          <span className="notice-message">{notice.message}</span>
          {notice.actions.map((action, index) => {
            const key = noticeActionKey(action);
            return (
              <button
                key={action.label}
                type="button"
                className="button notice-action"
                aria-keyshortcuts={key ? `Alt+${key.toUpperCase()}` : undefined}
                onClick={() => run(notice, index)}
              >
                {action.label}
                {key && (
                  <kbd className="key-hint" aria-hidden="true">
                    Alt+{key.toUpperCase()}
                  </kbd>
                )}
              </button>
            );
          })}
          <button type="button" className="notice-close" aria-label="Dismiss message" title="Dismiss message" onClick={() => close(notice)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
