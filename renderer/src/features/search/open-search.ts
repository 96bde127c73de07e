/** Ctrl+F and View > Find send this; the global search opens over whatever screen is shown. */
export const OPEN_SEARCH_EVENT = 'park-desk:open-search';
