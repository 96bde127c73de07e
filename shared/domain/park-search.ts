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
  return { kind, id, title, subtitle, fields, haystack, fieldStarts };
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

function matchesAll(record: IndexedRecord, words: readonly string[]): boolean {
  for (const word of words) if (!record.haystack.includes(word)) return false;
  return true;
}

/** Records whose best field comes first (a reference number before a word in the notes), otherwise in index order. */
function ranked(records: readonly IndexedRecord[], words: readonly string[], limit: number): IndexedRecord[] {
  const buckets: IndexedRecord[][] = [];
  for (const record of records) {
    const field = fieldAt(record, record.haystack.indexOf(words[0]!));
    (buckets[field] ??= []).push(record);
  }
  const out: IndexedRecord[] = [];
  for (const bucket of buckets) {
    if (!bucket) continue;
    for (const record of bucket) {
      if (out.length === limit) return out;
      out.push(record);
    }
  }
  return out;
}

export interface ParkSearchIndex {
  proposals: readonly IndexedRecord[];
  mous: readonly IndexedRecord[];
}

const byTitle = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Builds the index over the records, reusing each unchanged record's entry: only records that
 * changed (new objects) are folded again.
 */
export class ParkSearchIndexer {
  private proposalEntries = new WeakMap<Proposal, IndexedRecord>();
  private mouEntries = new WeakMap<Mou, { entry: IndexedRecord; proposal: Proposal | undefined }>();
  private last: { proposals: readonly Proposal[]; mous: readonly Mou[]; index: ParkSearchIndex } | undefined;

  index(proposals: readonly Proposal[], mous: readonly Mou[]): ParkSearchIndex {
    if (this.last && this.last.proposals === proposals && this.last.mous === mous) return this.last.index;
    const proposalById = new Map(proposals.map((p) => [p.id, p]));
    const proposalIndex = proposals.map((p) => {
      let entry = this.proposalEntries.get(p);
      if (!entry) this.proposalEntries.set(p, (entry = indexProposal(p)));
      return entry;
    });
    const mouIndex = mous.map((m) => {
      const proposal = m.fields.proposalId ? proposalById.get(m.fields.proposalId) : undefined;
      const known = this.mouEntries.get(m);
      if (known && known.proposal === proposal) return known.entry;
      const entry = indexMou(m, proposal);
      this.mouEntries.set(m, { entry, proposal });
      return entry;
    });
    const index = { proposals: proposalIndex.sort((a, b) => byTitle.compare(a.title, b.title)), mous: mouIndex.sort((a, b) => byTitle.compare(a.title, b.title)) };
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
    const narrowing = this.previous && this.previous.index === index && foldForSearch(query).trimStart().startsWith(this.previous.folded);
    const from = narrowing ? this.previous! : index;
    const proposals = from.proposals.filter((r) => matchesAll(r, words));
    const mous = from.mous.filter((r) => matchesAll(r, words));
    this.previous = { index, folded: foldForSearch(query).trimStart(), proposals, mous };
    const hits = (records: IndexedRecord[]): SearchHit[] =>
      ranked(records, words, limit).map((r) => ({ kind: r.kind, id: r.id, title: r.title, subtitle: r.subtitle, matches: matchesOf(r, words) }));
    return { query, proposals: { total: proposals.length, hits: hits(proposals) }, mous: { total: mous.length, hits: hits(mous) } };
  }
}

/** The whole search in one call, for callers that keep no state between queries. */
export function searchParks(proposals: readonly Proposal[], mous: readonly Mou[], query: string, limit = 20): ParkSearchResult {
  return new ParkSearcher().search(new ParkSearchIndexer().index(proposals, mous), query, limit);
}
