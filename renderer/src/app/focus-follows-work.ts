import { useEffect } from 'react';
import { useAppStore } from './store';

export const MAIN_CONTENT_ID = 'main-content';

/**
 * Marks the button that is the next sensible step on a record page (the next stage move,
 * the next status move). When a dialog closes and the control that opened it is gone, focus
 * goes there instead of falling to the page body.
 */
export const NEXT_ACTION_ATTRIBUTE = 'data-next-action';

/** Screens that are forms: arriving there puts focus in the first field, ready to type. */
const FORM_SCREENS = new Set(['proposal-form', 'mou-form']);

/** How long a screen may take to load its record before focus stops waiting for it. */
const ARRIVAL_WAIT_MS = 8000;

function mainContent(): HTMLElement | null {
  return document.getElementById(MAIN_CONTENT_ID);
}

/** Focus was nowhere in particular: the body, the content area itself, or an element that has gone. */
function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === mainContent() || !active.isConnected;
}

function firstField(main: HTMLElement): HTMLElement | null {
  return main.querySelector<HTMLElement>(
    'form input:not([type=hidden]):not([disabled]), form select:not([disabled]), form textarea:not([disabled])',
  );
}

/** The page heading, made focusable (not tabbable) so arriving on a screen lands on its name. */
function heading(main: HTMLElement): HTMLElement | null {
  const h1 = main.querySelector<HTMLElement>('h1');
  if (h1 && !h1.hasAttribute('tabindex')) h1.tabIndex = -1;
  return h1;
}

/** Where focus belongs on arrival, once the screen has rendered it (undefined while loading). */
function arrivalTarget(main: HTMLElement, screen: string): HTMLElement | null {
  if (main.querySelector('[aria-busy="true"]')) return null;
  if (FORM_SCREENS.has(screen)) return firstField(main) ?? heading(main);
  return heading(main);
}

/**
 * Focus that follows the work: on every navigation, and after a dialog closes with its opener gone.
 * `shellShown` turns true once the screens are on view (after the data file has been read).
 */
export function useFocusFollowsWork(shellShown: boolean): void {
  const arrivals = useAppStore((s) => s.arrivals);
  const screen = useAppStore((s) => s.route.screen);

  useEffect(() => {
    const main = mainContent();
    if (!main) return;
    // What had focus when the navigation happened; focus moved elsewhere since (Ctrl+F into the search box) is left alone.
    const before = document.activeElement;
    const place = () => {
      const target = arrivalTarget(main, screen);
      if (!target) return false;
      const active = document.activeElement;
      const untouched = focusIsLost() || active === before || !main.contains(active);
      if (untouched && !active?.closest('dialog[open]')) {
        main.scrollTop = 0;
        target.focus({ preventScroll: true });
      }
      return true;
    };
    if (place()) return;
    const observer = new MutationObserver(() => {
      if (place()) stop();
    });
    const timer = window.setTimeout(() => stop(), ARRIVAL_WAIT_MS);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    return stop;
  }, [arrivals, screen, shellShown]);

  // A dialog that closes after its work is done (a stage move) may leave focus on nothing.
  useEffect(() => {
    const onClose = () => {
      requestAnimationFrame(() => {
        if (!focusIsLost()) return;
        const main = mainContent();
        if (!main) return;
        const next = main.querySelector<HTMLElement>(`[${NEXT_ACTION_ATTRIBUTE}]:not(:disabled)`) ?? heading(main);
        next?.focus();
      });
    };
    document.addEventListener('close', onClose, true);
    return () => document.removeEventListener('close', onClose, true);
  }, []);

  // With focus on nothing, PageDown, Space and the arrows scroll the content, not the frozen body.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      const main = mainContent();
      if (!main || document.activeElement !== document.body) return;
      const step = SCROLL_KEYS[event.key];
      if (!step) return;
      event.preventDefault();
      main.focus({ preventScroll: true });
      const page = main.clientHeight * 0.9;
      const amount = step === 'page' ? page : step === 'line' ? 40 : step === 'start' ? -main.scrollHeight : main.scrollHeight;
      const backwards = event.key === 'PageUp' || event.key === 'ArrowUp' || (event.key === ' ' && event.shiftKey);
      main.scrollBy({ top: backwards ? -amount : amount });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

const SCROLL_KEYS: Record<string, 'page' | 'line' | 'start' | 'end'> = {
  PageDown: 'page',
  PageUp: 'page',
  ' ': 'page',
  ArrowDown: 'line',
  ArrowUp: 'line',
  Home: 'start',
  End: 'end',
};
