import { z } from 'zod';
import { MOU_STATUS_LABELS, currentMouStatus, type Mou } from './mou';
import { PROPOSAL_FIELD_LABELS as L } from './proposal-labels';
import { currentStage, type Proposal } from './proposal';
import { STAGE_LABELS } from './stages';
import { findInOriginal, foldedWords, foldForSearch } from './search-folding';

/**
 * One search across proposals and MoUs over every field that identifies a park. Each record's
 * searchable text is folded once and kept with the record (records are replaced, never
 * mutated, when they change); a keystroke is then a substring test per record, and a query that
 * only extends the previous one tests only the previous matches.
 */

export const SEARCH_KINDS = ['proposal', 'mou'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const FieldMatchSchema = z.object({
  /** The field's label as the form shows it. */
  field: z.string(),
  /** The stored text around the match, cut to a snippet, and the matched part as stored. */
  before: z.string(),
  match: z.string(),
  after: z.string(),
});
export type FieldMatch = z.output<typeof FieldMatchSchema>;

export const SearchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  matches: z.array(FieldMatchSchema),
});
export type SearchHit = z.output<typeof SearchHitSchema>;

export const SearchGroupSchema = z.object({ total: z.number(), hits: z.array(SearchHitSchema) });
export const ParkSearchResultSchema = z.object({
  query: z.string(),
  proposals: SearchGroupSchema,
  mous: SearchGroupSchema,
});
export type ParkSearchResult = z.output<typeof ParkSearchResultSchema>;

interface SearchField {
  label: string;
  text: string;
}

/** A record ready to search: its fields in order of how well they identify it, folded and joined. */
export interface IndexedRecord {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle: string;
  fields: SearchField[];
  /** Folded field texts joined by a separator no query contains; fieldStarts[i] is where field i begins. */
  haystack: string;
  fieldStarts: number[];
  /** Which runs of two and three characters the haystack holds, as a Bloom filter (see pairProbes). */
  pairs: Int32Array;
}

/**
 * Most records lack most words, and ruling a record out with a few bit tests is far cheaper than
 * a substring scan of its text. Each run of two and of three adjacent folded characters sets one
 * of 1,024 bits; a word can only be in a record whose filter has the bits of all its runs (false
 * positives are then ruled out by the substring test).
 */
const FILTER_BITS = 1024;

function runHash(a: number, b: number, c: number): number {
  return Math.imul((a << 16) ^ b ^ (c << 5) ^ (c >>> 3), 0x9e3779b1) >>> 22; // 0..1023
}

const NO_CHAR = 0xffff;

function pairsOf(haystack: string): Int32Array {
  const bits = new Int32Array(FILTER_BITS / 32);
  for (let i = 1; i < haystack.length; i++) {
    const a = haystack.charCodeAt(i - 1);
    const b = haystack.charCodeAt(i);
    let h = runHash(a, b, NO_CHAR);
    bits[h >>> 5]! |= 1 << (h & 31);
    if (i + 1 < haystack.length) {
      h = runHash(a, b, haystack.charCodeAt(i + 1));
      bits[h >>> 5]! |= 1 << (h & 31);
    }
  }
  return bits;
}

/** The filter bits a folded word needs, as [word index, bit] pairs; none for a one-letter word. */
function pairProbes(word: string): number[] {
  const probes: number[] = [];
  const add = (h: number) => probes.push(h >>> 5, 1 << (h & 31));
  for (let i = 1; i < word.length; i++) {
    // Three-letter runs rule out far more records than pairs, so they are tested first.
    if (i + 1 < word.length) add(runHash(word.charCodeAt(i - 1), word.charCodeAt(i), word.charCodeAt(i + 1)));
  }
  for (let i = 1; i < word.length; i++) add(runHash(word.charCodeAt(i - 1), word.charCodeAt(i), NO_CHAR));
  return probes;
}

function mayContain(record: IndexedRecord, probes: readonly number[]): boolean {
  const pairs = record.pairs;
  for (let i = 0; i < probes.length; i += 2) if ((pairs[probes[i]!]! & probes[i + 1]!) === 0) return false;
  return true;
}

const SEPARATOR = '\u0000';

function indexRecord(kind: SearchKind, id: string, title: string, subtitle: string, candidates: [string, string | undefined][]): IndexedRecord {
  const fields: SearchField[] = [];
  const fieldStarts: number[] = [];
  let haystack = '';
  for (const [label, text] of candidates) {
    if (!text || !text.trim()) continue;
    fields.push({ label, text });
    fieldStarts.push(haystack.length);
    haystack += foldForSearch(text) + SEPARATOR;
  }
  return { kind, id, title, subtitle, fields, haystack, fieldStarts, pairs: pairsOf(haystack) };
}

export function indexProposal(proposal: Proposal): IndexedRecord {
  const f = proposal.fields;
  const stage = STAGE_LABELS[currentStage(proposal)];
  return indexRecord('proposal', proposal.id, `${f.referenceNumber}: ${f.title}`, [f.city, stage, proposal.archivedAt ? 'archived' : ''].filter(Boolean).join(' · '), [
    [L.referenceNumber, f.referenceNumber],
    [L.eOfficeFileNumber, f.eOfficeFileNumber],
    [L.title, f.title],
    [L.buildingName, f.buildingName],
    [L.offeringParty, f.offeringParty],
    [L.city, f.city],
    [L.district, f.district],
    [L.siteAddress, f.siteAddress],
    [L.focalPerson, f.focalPerson],
    [L.floorsOffered, f.floorsOffered],
    [L.notes, f.notes],
    [L.siteVisitFindings, f.siteVisitFindings],
    [L.evaluationRemarks, f.evaluationRemarks],
    [L.committeeRecommendation, f.committeeRecommendation],
    [L.holdOrRejectionReason, f.holdOrRejectionReason],
  ]);
}

export function indexMou(mou: Mou, proposal: Pick<Proposal, 'fields'> | undefined): IndexedRecord {
  const f = mou.fields;
  const parties = f.parties.map((p) => p.name);
  const candidates: [string, string | undefined][] = [['MoU number', f.mouNumber]];
  for (const party of f.parties) candidates.push([`Party (${party.role})`, party.name]);
  for (const party of f.parties) for (const s of party.signatories) candidates.push([`Signatory for ${party.name}`, `${s.name}, ${s.designation}`]);
  for (const w of f.witnesses) candidates.push(['Witness', w.designation ? `${w.name}, ${w.designation}` : w.name]);
  if (proposal) candidates.push(['Proposal', `${proposal.fields.referenceNumber}: ${proposal.fields.title}`], ['City', proposal.fields.city]);
  candidates.push(['Venue', f.venue], ['Floors committed', f.floorsCommitted], ['Notes', f.notes], ['Renewal terms', f.renewalTerms]);
  for (const a of f.amendments) candidates.push([`Amendment ${a.number}`, `${a.number}: ${a.reason}`]);
  return indexRecord('mou', mou.id, `MoU ${f.mouNumber}`, [MOU_STATUS_LABELS[currentMouStatus(mou)], parties.join(', ')].filter(Boolean).join(' · '), candidates);
}

/** Which field a position in the haystack falls in (fieldStarts is ascending). */
function fieldAt(record: IndexedRecord, position: number): number {
  let low = 0;
  let high = record.fieldStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (record.fieldStarts[mid]! <= position) low = mid;
    else high = mid - 1;
  }
  return low;
}

const SNIPPET_CONTEXT = 40;

function snippet(field: SearchField, word: string): FieldMatch {
  const span = findInOriginal(field.text, word) ?? { start: 0, end: 0 };
  const from = Math.max(0, span.start - SNIPPET_CONTEXT);
  const to = Math.min(field.text.length, span.end + SNIPPET_CONTEXT);
  return {
    field: field.label,
    before: (from > 0 ? '…' : '') + field.text.slice(from, span.start),
    match: field.text.slice(span.start, span.end),
    after: field.text.slice(span.end, to) + (to < field.text.length ? '…' : ''),
  };
}

/** The fields that hold the query's words, one per field, best-identifying field first. */
export function matchesOf(record: IndexedRecord, words: readonly string[]): FieldMatch[] {
  const byField = new Map<number, string>();
  for (const word of words) {
    const at = record.haystack.indexOf(word);
    if (at < 0) continue;
    const field = fieldAt(record, at);
    const known = byField.get(field);
    if (known === undefined || word.length > known.length) byField.set(field, word);
  }
  return [...byField.entries()].sort((a, b) => a[0] - b[0]).map(([field, word]) => snippet(record.fields[field]!, word));
}

const byTitle = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The records holding every word, and for each its best field (where the first word is). */
function matching(records: readonly IndexedRecord[], words: readonly string[]): { records: IndexedRecord[]; fields: number[] } {
  const probes = words.flatMap(pairProbes);
  const [first, ...rest] = words as [string, ...string[]];
  const found: IndexedRecord[] = [];
  const fields: number[] = [];
  next: for (const record of records) {
    if (!mayContain(record, probes)) continue;
    const at = record.haystack.indexOf(first);
    if (at < 0) continue;
    for (const word of rest) if (!record.haystack.includes(word)) continue next;
    found.push(record);
    fields.push(fieldAt(record, at));
  }
  return { records: found, fields };
}

/**
 * Records whose best field comes first (a reference number before a word in the notes), then by
 * title. Only the records shown are sorted, so a keystroke never sorts thousands of matches.
 */
function ranked({ records, fields }: { records: IndexedRecord[]; fields: number[] }, limit: number): IndexedRecord[] {
  const out: { record: IndexedRecord; field: number }[] = [];
  for (let field = 0; out.length < limit; field++) {
    let more = false;
    for (let i = 0; i < records.length && out.length < limit; i++) {
      if (fields[i]! > field) more = true;
      else if (fields[i] === field) out.push({ record: records[i]!, field });
    }
    if (!more) break;
  }
  return out.sort((a, b) => a.field - b.field || byTitle.compare(a.record.title, b.record.title)).map((o) => o.record);
}

export interface ParkSearchIndex {
  proposals: readonly IndexedRecord[];
  mous: readonly IndexedRecord[];
}

/**
 * Builds the index over the records, reusing each unchanged record's entry: only records that
 * changed (new objects) are folded again. A save replaces one record in place, so the new arrays
 * are compared with the last ones slot by slot (pointer tests, no lookups) when their lengths agree.
 */
export class ParkSearchIndexer {
  private proposalEntries = new WeakMap<Proposal, IndexedRecord>();
  private mouEntries = new WeakMap<Mou, { entry: IndexedRecord; proposal: Proposal | undefined }>();
  private proposalById = new Map<string, Proposal>();
  private last: { proposals: readonly Proposal[]; mous: readonly Mou[]; index: ParkSearchIndex } | undefined;

  /**
   * Folds the records from `start` on, at most `count` of each kind, ahead of the first search;
   * returns where to go on from, or undefined when every record is folded.
   */
  warm(proposals: readonly Proposal[], mous: readonly Mou[], start: number, count: number): number | undefined {
    if (start === 0) this.proposalById = new Map(proposals.map((p) => [p.id, p]));
    const end = start + count;
    for (let i = start; i < Math.min(end, proposals.length); i++) if (!this.proposalEntries.has(proposals[i]!)) this.proposalEntries.set(proposals[i]!, indexProposal(proposals[i]!));
    for (let i = start; i < Math.min(end, mous.length); i++) {
      const m = mous[i]!;
      if (this.mouEntries.has(m)) continue;
      const proposal = m.fields.proposalId ? this.proposalById.get(m.fields.proposalId) : undefined;
      this.mouEntries.set(m, { entry: indexMou(m, proposal), proposal });
    }
    return end < Math.max(proposals.length, mous.length) ? end : undefined;
  }

  index(proposals: readonly Proposal[], mous: readonly Mou[]): ParkSearchIndex {
    const last = this.last;
    if (last && last.proposals === proposals && last.mous === mous) return last.index;
    const proposalEntry = (p: Proposal) => {
      let entry = this.proposalEntries.get(p);
      if (!entry) this.proposalEntries.set(p, (entry = indexProposal(p)));
      return entry;
    };
    const mouEntry = (m: Mou) => {
      const proposal = m.fields.proposalId ? this.proposalById.get(m.fields.proposalId) : undefined;
      const known = this.mouEntries.get(m);
      if (known && known.proposal === proposal) return known.entry;
      const entry = indexMou(m, proposal);
      this.mouEntries.set(m, { entry, proposal });
      return entry;
    };

    let proposalIndex: IndexedRecord[];
    const changedProposals = new Set<string>();
    if (last && last.proposals === proposals) proposalIndex = last.index.proposals as IndexedRecord[];
    else if (last && last.proposals.length === proposals.length) {
      proposalIndex = [...last.index.proposals];
      for (let i = 0; i < proposals.length; i++) {
        const p = proposals[i]!;
        if (p === last.proposals[i]) continue;
        proposalIndex[i] = proposalEntry(p);
        this.proposalById.set(p.id, p);
        changedProposals.add(p.id);
      }
    } else {
      this.proposalById = new Map(proposals.map((p) => [p.id, p]));
      proposalIndex = proposals.map(proposalEntry);
      changedProposals.add('*');
    }

    let mouIndex: IndexedRecord[];
    if (last && last.mous.length === mous.length && !changedProposals.has('*')) {
      mouIndex = [...last.index.mous];
      for (let i = 0; i < mous.length; i++) {
        const m = mous[i]!;
        const linkChanged = m.fields.proposalId !== undefined && changedProposals.has(m.fields.proposalId);
        if (m !== last.mous[i] || linkChanged) mouIndex[i] = mouEntry(m);
      }
    } else mouIndex = mous.map(mouEntry);

    const index = { proposals: proposalIndex, mous: mouIndex };
    this.last = { proposals, mous, index };
    return index;
  }
}

/**
 * Searches an index as the official types: keeps the previous query's matches, so a keystroke
 * that only adds to the query tests only the records that matched before.
 */
export class ParkSearcher {
  private previous: { index: ParkSearchIndex; folded: string; proposals: IndexedRecord[]; mous: IndexedRecord[] } | undefined;

  search(index: ParkSearchIndex, query: string, limit = 20): ParkSearchResult {
    const words = foldedWords(query);
    if (words.length === 0) {
      this.previous = undefined;
      return { query, proposals: { total: 0, hits: [] }, mous: { total: 0, hits: [] } };
    }
    const folded = foldForSearch(query).trimStart();
    const narrowing = this.previous && this.previous.index === index && folded.startsWith(this.previous.folded);
    const from = narrowing ? this.previous! : index;
    const proposals = matching(from.proposals, words);
    const mous = matching(from.mous, words);
    this.previous = { index, folded, proposals: proposals.records, mous: mous.records };
    const hits = (found: ReturnType<typeof matching>): SearchHit[] =>
      ranked(found, limit).map((r) => ({ kind: r.kind, id: r.id, title: r.title, subtitle: r.subtitle, matches: matchesOf(r, words) }));
    return { query, proposals: { total: proposals.records.length, hits: hits(proposals) }, mous: { total: mous.records.length, hits: hits(mous) } };
  }
}

/** The whole search in one call, for callers that keep no state between queries. */
export function searchParks(proposals: readonly Proposal[], mous: readonly Mou[], query: string, limit = 20): ParkSearchResult {
  return new ParkSearcher().search(new ParkSearchIndexer().index(proposals, mous), query, limit);
}
