import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The codec's source: run by the page as an init script, and here by Node. */
export const BRIDGE_CODEC_SOURCE = readFileSync(path.join(import.meta.dirname, 'structured-clone-codec.js'), 'utf8');

export interface BridgeCodec {
  encode(value: unknown): string;
  decode(text: string): unknown;
}

export const bridgeCodec = new Function(BRIDGE_CODEC_SOURCE)() as BridgeCodec;
