import { useEffect } from 'react';
import { screenTitle } from './screen-titles';
import type { Route } from './slices/navigation-slice';

/** Keeps the window (and taskbar) title saying where the official is. */
export function useWindowTitle(route: Route, recordTitle?: string): void {
  const title = `${screenTitle(route, recordTitle)} – Park Desk`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
