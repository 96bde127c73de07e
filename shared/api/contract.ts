import type { z } from 'zod';
import type { Result } from './result';
import { appCalls } from './calls/app-calls';
import { mouSummaryCalls } from './calls/mou-summary-calls';
import { dataSafetyCalls } from './calls/data-safety-calls';
import { exchangeCalls } from './calls/exchange-calls';
import { importReadingCalls } from './calls/import-reading-calls';
import { proposalCalls } from './calls/proposal-calls';
import { dashboardCalls } from './calls/dashboard-calls';
import { mouCalls } from './calls/mou-calls';
import { practiceCalls } from './calls/practice-calls';
import { searchCalls } from './calls/search-calls';
import { occupancyCalls } from './calls/occupancy-calls';
import { reportCalls } from './calls/report-calls';
import { exportedFileCalls } from './calls/exported-file-calls';
import { historyCalls } from './calls/history-calls';

/**
 * Every call from the renderer to main, defined once: its input and output schemas.
 * Main registers one handler per entry and parses input with it before the handler runs;
 * the preload and the test bridge expose exactly these names; the client is typed from it.
 * Each feature keeps its calls in calls/; this is the one place they are put together.
 */
export const contract = {
  ...appCalls,
  ...proposalCalls,
  ...mouSummaryCalls,
  ...dashboardCalls,
  ...mouCalls,
  ...dataSafetyCalls,
  ...exchangeCalls,
  ...practiceCalls,
  ...importReadingCalls,
  ...searchCalls,
  ...occupancyCalls,
  ...reportCalls,
  ...exportedFileCalls,
  ...historyCalls,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type InputOf<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends MethodName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends MethodName> = z.output<Contract[K]['output']>;

/** What the renderer sees as `window.api`. */
export type Api = { [K in MethodName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>> };

/** What main implements: one handler per contract entry, given already-parsed input. */
export type Handlers = { [K in MethodName]: (input: ParsedInputOf<K>) => Promise<OutputOf<K>> | OutputOf<K> };

/** The IPC channel of a method; one prefix so main can refuse anything else. */
export const channelOf = (name: MethodName): string => `park-desk:${name}`;

/** Builds an Api object over any transport (Electron IPC, the Playwright bridge). */
export function makeApi(invoke: (name: MethodName, input: unknown) => Promise<unknown>): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of METHOD_NAMES) api[name] = (input) => invoke(name, input);
  return api as Api;
}
