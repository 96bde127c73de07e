import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openParkServices } from '../../../electron/services/park-services';
import { bridgeCodec } from '../../support/bridge-codec';
import { useTempDataDir } from '../services/temp-data-dir';

const { encode, decode } = bridgeCodec;
/** One trip through the bridge: the page encodes, Node decodes (and the same the other way). */
const carried = (value: unknown) => decode(encode(value));

describe('the test bridge carries values as Electron\'s IPC does (structured clone)', () => {
  it('keeps NaN, ±Infinity, -0, undefined, Date, Map, Set, BigInt and RegExp', () => {
    const value = {
      nan: Number.NaN,
      inf: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0],
      missing: undefined,
      list: [undefined, 1],
      on: new Date('2021-05-20T00:00:00Z'),
      invalidDate: new Date(Number.NaN),
      byId: new Map<unknown, unknown>([['a', { n: Number.NaN }], [1, new Set([2n])]]),
      pattern: /ab+c/giu,
      bytes: new Uint8Array([0, 255]),
    };
    const back = carried(value) as typeof value;
    expect(back).toStrictEqual(structuredClone(value));
    expect(Object.hasOwn(back, 'missing')).toBe(true);
    expect(Object.is(back.inf[2], -0)).toBe(true);
  });

  it('carries a "__proto__" key as an own property and pollutes nothing, as structured clone does', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "fields": {"__proto__": {"x": 1}}}') as Record<string, unknown>;
    const back = carried(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'fields']);
    expect(back).toStrictEqual(structuredClone(hostile));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cannot be fooled by an object that uses its tag as a key', () => {
    const sneaky = { '\u0000pd': 'NaN', v: 1 };
    expect(carried(sneaky)).toStrictEqual(sneaky);
    expect(carried([sneaky, { '\u0000pd': 'Object', v: [] }])).toStrictEqual([sneaky, { '\u0000pd': 'Object', v: [] }]);
  });

  it('refuses what structured clone refuses', () => {
    expect(() => encode({ run: () => 1 })).toThrow(/could not be cloned/);
    expect(() => encode([Symbol('s')])).toThrow(/could not be cloned/);
  });

  it('round-trips arbitrary values exactly as structuredClone does', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, maxDepth: 4 }), (value) => {
        expect(carried(value)).toStrictEqual(structuredClone(value));
      }),
      { numRuns: 500 },
    );
  });

  it('a NaN seat capacity from the page reaches the dispatcher as NaN and is refused', async () => {
    const services = await openParkServices({ dataDir: await makeDir(), appVersion: 't' });
    const fields = { referenceNumber: 'PSEB/STP/ISB/2026-01', title: 'Islamabad STP', city: 'Islamabad', province: 'Islamabad Capital Territory', grossAreaSqFt: 30000 };
    const answer = decode(encode(await services.dispatch('createProposal', carried({ fields: { ...fields, seatCapacity: Number.NaN } }))));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { 'fields.seatCapacity': expect.any(String) } } });
    expect(services.store.data.proposals).toEqual([]);
    await services.close();
  });
});

const makeDir = useTempDataDir();
