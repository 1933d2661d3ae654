import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Why a case's chain breaks at an event. */
export type AuditBreakReason =
  /** The row's content (or its stored hash) no longer matches its hash: it was edited. */
  | 'content_changed'
  /** Its `prev_hash` is not the hash of the event before it: an event before it was replaced. */
  | 'link_broken'
  /** Positions skip: an event before it was deleted. */
  | 'event_missing';

export interface AuditBreak {
  caseId: string;
  /** The first event of the case whose chain does not hold (the events after it are not trusted either). */
  eventId: string;
  seq: number;
  chainPos: number;
  reason: AuditBreakReason;
}

export interface AuditVerification {
  casesChecked: number;
  eventsChecked: number;
  /** One entry per case whose chain is broken, its first broken event; empty when every chain holds. */
  broken: AuditBreak[];
  checkedAt: string;
}

/**
 * Recomputes every case's hash chain (CaseEventChain migration) with the same SQL function the insert
 * trigger uses, and names the first event of each case where it breaks. One pass over case_events in
 * chain order; read-only, safe to run on a live system.
 *
 * What it proves: that no row was edited, removed or replaced since it was chained, short of someone
 * who also recomputes every later hash of that case (a superuser can). Against that, keep the output
 * (or each case's last hash) somewhere the database's superuser cannot write.
 */
@Injectable()
export class AuditChainService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every case, or only the cases of `organizationIds` (an admin sees their own organizations'). */
  async verify(organizationIds?: string[]): Promise<AuditVerification> {
    // One snapshot for the breaks and the counts.
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.verifyIn(manager, organizationIds ?? null));
  }

  private async verifyIn(manager: EntityManager, organizationIds: string[] | null): Promise<AuditVerification> {
    const checkedAt = new Date().toISOString();
    const scope = `($1::uuid[] IS NULL OR e.case_id IN (SELECT id FROM cases WHERE organization_id = ANY($1::uuid[])))`;
    const rows: { case_id: string; id: string; seq: number; chain_pos: number; reason: AuditBreakReason }[] = await manager.query(
      `WITH chain AS (
         SELECT e.id, e.case_id, e.seq, e.chain_pos, e.prev_hash, e.hash,
           case_event_hash(e.prev_hash, e.chain_pos, e.case_id, e.seq, e.action, e.actor_id, e.actor_name, e.step_id,
             e.level_code, e.unit_id, e.comment, e.data, e.at, e.update_id, e.request_hash) AS recomputed,
           lag(e.hash) OVER w AS before_hash,
           row_number() OVER w AS n
         FROM case_events e
         WHERE ${scope}
         WINDOW w AS (PARTITION BY e.case_id ORDER BY e.chain_pos, e.id)
       )
       SELECT DISTINCT ON (case_id) case_id, id, seq, chain_pos,
         CASE WHEN hash IS DISTINCT FROM recomputed THEN 'content_changed'
              WHEN chain_pos IS DISTINCT FROM n THEN 'event_missing'
              ELSE 'link_broken' END AS reason
       FROM chain
       WHERE hash IS DISTINCT FROM recomputed OR prev_hash IS DISTINCT FROM before_hash OR chain_pos IS DISTINCT FROM n
       ORDER BY case_id, chain_pos, id`,
      [organizationIds],
    );
    const [counts]: { cases: string; events: string }[] = await manager.query(
      `SELECT count(DISTINCT e.case_id) AS cases, count(*) AS events FROM case_events e WHERE ${scope}`,
      [organizationIds],
    );
    return {
      casesChecked: Number(counts.cases),
      eventsChecked: Number(counts.events),
      broken: rows.map((r) => ({ caseId: r.case_id, eventId: String(r.id), seq: r.seq, chainPos: r.chain_pos, reason: r.reason })),
      checkedAt,
    };
  }
}
