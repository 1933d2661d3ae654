import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface DueCheck {
  caseId: string;
  updateId: string;
  attempts: number;
}

/**
 * The API's promise to write what it asked a case workflow to change (table `projection_checks`).
 * A case workflow hands each change back to its caller instead of writing it itself (see
 * workflows/shared/case-runtime.ts); if the caller never writes it — it died after the Update, or
 * answered 503 while the change went through later — the row stays behind, falls due, and the
 * worker's reconciler asks the workflow and writes the read model instead.
 */
@Injectable()
export class ProjectionChecksService {
  constructor(private readonly dataSource: DataSource) {}

  /** Before the Update: "if this is still here after `afterSeconds`, check the case". */
  async expect(caseId: string, updateId: string, afterSeconds: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO projection_checks (case_id, update_id, due_at) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (case_id, update_id) DO UPDATE SET due_at = EXCLUDED.due_at`,
      [caseId, updateId, afterSeconds],
    );
  }

  /** The change is in the read model, or definitely did not happen. */
  settle(caseId: string, updateIds: string[]): Promise<void> {
    return settleChecks(this.dataSource.manager, caseId, updateIds);
  }

  /**
   * Leases up to `limit` due checks: they fall due again after `leaseSeconds`, so a reconciler that
   * dies mid-way only delays them, and two reconcilers never take the same rows (SKIP LOCKED).
   */
  async takeDue(limit: number, leaseSeconds: number): Promise<DueCheck[]> {
    const rows: { case_id: string; update_id: string; attempts: number }[] = await this.dataSource.query(
      // As a CTE, so the driver hands back rows (a bare UPDATE … RETURNING comes back as [rows, count]).
      `WITH taken AS (
         UPDATE projection_checks p SET due_at = now() + make_interval(secs => $2), attempts = p.attempts + 1
         FROM (SELECT case_id, update_id FROM projection_checks WHERE due_at <= now()
               ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
         WHERE p.case_id = due.case_id AND p.update_id = due.update_id
         RETURNING p.case_id, p.update_id, p.attempts)
       SELECT * FROM taken`,
      [limit, leaseSeconds],
    );
    return rows.map((r) => ({ caseId: r.case_id, updateId: r.update_id, attempts: r.attempts }));
  }
}

/** Settles checks, in a caller's transaction if given one (the projection settles the writer's check in its own statement). */
export async function settleChecks(manager: EntityManager, caseId: string, updateIds: string[]): Promise<void> {
  await manager.query('DELETE FROM projection_checks WHERE case_id = $1 AND update_id = ANY($2)', [caseId, updateIds]);
}
