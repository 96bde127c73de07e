import Database from 'better-sqlite3';
import type { Database as ParkDatabase } from '../../shared/domain/database';
import type { Proposal } from '../../shared/domain/proposal';
import { summarise, type Timing } from './measure';

/**
 * The conventional alternative, measured on the same records: SQLite (WAL off, synchronous FULL),
 * one row per record holding its JSON. Open = read every row and parse it; save = update one row.
 */
export function measureSqlitePeer(file: string, data: ParkDatabase, runs: number): { open: Timing; save: Timing } {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS proposals (id TEXT PRIMARY KEY, json TEXT NOT NULL); CREATE TABLE IF NOT EXISTS mous (id TEXT PRIMARY KEY, json TEXT NOT NULL);');
  const insertProposal = db.prepare('INSERT OR REPLACE INTO proposals (id, json) VALUES (?, ?)');
  const insertMou = db.prepare('INSERT OR REPLACE INTO mous (id, json) VALUES (?, ?)');
  db.transaction(() => {
    for (const p of data.proposals) insertProposal.run(p.id, JSON.stringify(p));
    for (const m of data.mous) insertMou.run(m.id, JSON.stringify(m));
  })();
  db.close();

  const openSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const reader = new Database(file, { readonly: true });
    const proposals = reader.prepare('SELECT json FROM proposals').all() as { json: string }[];
    const mous = reader.prepare('SELECT json FROM mous').all() as { json: string }[];
    const parsed = [proposals.map((r) => JSON.parse(r.json)), mous.map((r) => JSON.parse(r.json))];
    if (parsed[0]!.length !== data.proposals.length) throw new Error('sqlite peer lost rows');
    reader.close();
    openSamples.push(performance.now() - start);
  }

  const writer = new Database(file);
  writer.pragma('synchronous = FULL');
  const update = writer.prepare('UPDATE proposals SET json = ? WHERE id = ?');
  const saveSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const proposal: Proposal = { ...data.proposals[i % data.proposals.length]!, updatedAt: new Date().toISOString() };
    const start = performance.now();
    writer.transaction(() => update.run(JSON.stringify(proposal), proposal.id))();
    saveSamples.push(performance.now() - start);
  }
  writer.close();
  return { open: summarise(openSamples), save: summarise(saveSamples) };
}
