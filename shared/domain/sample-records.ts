import type { Database } from './database';
import type { Mou } from './mou';
import type { Proposal } from './proposal';
import { SAMPLE_MOUS } from './sample-mous';
import { SAMPLE_PROPOSALS } from './sample-parks';

export interface SampleRecordsFound {
  proposals: Proposal[];
  mous: Mou[];
  kept: { record: Proposal | Mou; reason: string }[];
}

const norm = (s: string) => s.trim().toLowerCase();
const SAMPLE_REFERENCES = new Set(SAMPLE_PROPOSALS.map((s) => norm(s.fields.referenceNumber)));
const SAMPLE_MOU_NUMBERS = new Set(SAMPLE_MOUS.map((s) => norm(s.fields.mouNumber)));

/**
 * The sample records an older Park Desk put into the register, that can be removed without
 * losing anything an official entered: a sample reference (or MoU number), created when the
 * sample data was loaded and never changed since. A sample record that was changed, or that a
 * remaining record links to, is kept and said why.
 */
export function findSampleRecords(db: Readonly<Database>): SampleRecordsFound {
  const loadedAt = db.settings.sampleDataLoadedAt;
  const found: SampleRecordsFound = { proposals: [], mous: [], kept: [] };
  if (!loadedAt) return found;
  const asAdded = (r: Proposal | Mou) => r.createdAt === loadedAt && r.updatedAt === loadedAt;
  const added = (r: Proposal | Mou) => r.createdAt === loadedAt;

  const proposals = db.proposals.filter((p) => SAMPLE_REFERENCES.has(norm(p.fields.referenceNumber)) && added(p));
  const mous = db.mous.filter((m) => SAMPLE_MOU_NUMBERS.has(norm(m.fields.mouNumber)) && added(m));
  const removing = new Set([...proposals, ...mous].filter(asAdded).map((r) => r.id));
  const keep = (record: Proposal | Mou, reason: string) => {
    if (!removing.delete(record.id)) return false;
    found.kept.push({ record, reason });
    return true;
  };
  for (const record of [...proposals, ...mous]) if (!asAdded(record)) found.kept.push({ record, reason: 'It was changed after it was added, so it may hold your own entries.' });

  // A record that stays must not be left linked to nothing: keep what it links to, until nothing more changes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const mou of db.mous) {
      if (removing.has(mou.id)) continue;
      const { proposalId, previousMouId } = mou.fields;
      const proposal = proposalId ? proposals.find((p) => p.id === proposalId) : undefined;
      const previous = previousMouId ? mous.find((m) => m.id === previousMouId) : undefined;
      if (proposal && keep(proposal, `MoU ${mou.fields.mouNumber}, which stays, is linked to it.`)) changed = true;
      if (previous && keep(previous, `MoU ${mou.fields.mouNumber}, which stays, renews or supersedes it.`)) changed = true;
    }
  }
  found.proposals = proposals.filter((p) => removing.has(p.id));
  found.mous = mous.filter((m) => removing.has(m.id));
  return found;
}

/** The register without the records found; the sample mark cleared, so the offer is not made again. */
export function withoutSampleRecords(db: Readonly<Database>, found: SampleRecordsFound): Database {
  const gone = new Set([...found.proposals, ...found.mous].map((r) => r.id));
  const { sampleDataLoadedAt: _cleared, ...settings } = db.settings;
  return { ...db, settings, proposals: db.proposals.filter((p) => !gone.has(p.id)), mous: db.mous.filter((m) => !gone.has(m.id)) };
}
