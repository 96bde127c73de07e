// The test bridge's encoding (tests/support/browser-bridge.ts): JSON text that carries what
// Electron's IPC carries with the structured clone algorithm and plain JSON does not: NaN,
// Infinity, -Infinity, -0, undefined, Date, Map, Set, BigInt, RegExp and typed arrays. Those
// travel as small tagged objects; an object that happens to have the tag as a key is tagged
// too, so nothing a page sends can be mistaken for a tag.
//
// Plain JavaScript, a function body returning { encode, decode }: the page runs this very
// text as an init script and Node runs it with new Function, so both ends share one source
// with no build step (a bundler's helpers would not exist in the page).
'use strict';
var TAG = '\u0000pd';
var TAG_IN_TEXT = JSON.stringify(TAG);
var TYPED_ARRAYS = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];
var hasOwn = Object.prototype.hasOwnProperty;

function tagged(type, value) {
  var out = {};
  out[TAG] = type;
  if (value !== undefined) out.v = value;
  return out;
}

function uncloneable(value) {
  var error = new Error(String(typeof value === 'symbol' ? value.toString() : value) + ' could not be cloned.');
  error.name = 'DataCloneError';
  return error;
}

// JSON.stringify hands the replacer a Date already turned into text, so each value is read
// from its holder (this[key]) as it was.
function replacer(key, converted) {
  var value = this[key];
  switch (typeof value) {
    case 'number':
      if (value !== value) return tagged('NaN');
      if (value === Infinity) return tagged('Infinity');
      if (value === -Infinity) return tagged('-Infinity');
      if (value === 0 && 1 / value < 0) return tagged('-0');
      return value;
    case 'undefined':
      return tagged('undefined');
    case 'bigint':
      return tagged('BigInt', value.toString());
    case 'function':
    case 'symbol':
      throw uncloneable(value);
    case 'object':
      if (value === null || Array.isArray(value)) return converted;
      if (value instanceof Date) return tagged('Date', value.getTime());
      if (value instanceof Map) return tagged('Map', Array.from(value));
      if (value instanceof Set) return tagged('Set', Array.from(value));
      if (value instanceof RegExp) return tagged('RegExp', [value.source, value.flags]);
      if (ArrayBuffer.isView(value) && TYPED_ARRAYS.indexOf(value.constructor.name) >= 0) return tagged(value.constructor.name, Array.from(value));
      if (hasOwn.call(value, TAG)) return tagged('Object', Object.keys(value).map(function (k) { return [k, value[k]]; }));
      return converted;
    default:
      return converted;
  }
}

function setOwn(target, key, value) {
  // Like structured clone: a "__proto__" key stays an own property, never the prototype.
  Object.defineProperty(target, key, { value: value, writable: true, enumerable: true, configurable: true });
}

function revive(value) {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (var i = 0; i < value.length; i++) {
      var item = value[i];
      if (typeof item === 'object' && item !== null) value[i] = revive(item);
    }
    return value;
  }
  if (hasOwn.call(value, TAG)) {
    var type = value[TAG];
    var inner = value.v;
    switch (type) {
      case 'NaN': return NaN;
      case 'Infinity': return Infinity;
      case '-Infinity': return -Infinity;
      case '-0': return -0;
      case 'undefined': return undefined;
      case 'BigInt': return BigInt(inner);
      case 'Date': return new Date(revive(inner));
      case 'Map': return new Map(revive(inner));
      case 'Set': return new Set(revive(inner));
      case 'RegExp': return new RegExp(inner[0], inner[1]);
      case 'Object': {
        var object = {};
        var entries = revive(inner);
        for (var e = 0; e < entries.length; e++) setOwn(object, entries[e][0], entries[e][1]);
        return object;
      }
      default:
        if (TYPED_ARRAYS.indexOf(type) >= 0) return globalThis[type].from(revive(inner));
        throw new Error('Unknown tag in bridge message: ' + type);
    }
  }
  // Only tags need replacing; every other value stays where JSON.parse put it.
  for (var key in value) {
    var own = value[key];
    if (typeof own !== 'object' || own === null) continue;
    var revived = revive(own);
    if (revived !== own) setOwn(value, key, revived);
  }
  return value;
}

return {
  /** Any value the structured clone algorithm carries, as JSON text; throws DataCloneError on functions and symbols. */
  encode: function (value) {
    return JSON.stringify(value, replacer);
  },
  /** The value encode was given. Text with no tag in it (most answers) is plain JSON.parse. */
  decode: function (text) {
    var parsed = JSON.parse(text);
    return text.indexOf(TAG_IN_TEXT) === -1 ? parsed : revive(parsed);
  },
};
