import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import type { CaseEventAction } from '@lienthong/domain';
import { Case } from './case.entity';

/**
 * One line of a case's audit trail. Append-only: the database refuses UPDATE, DELETE and TRUNCATE
 * (triggers in the CasesReadModel migration), and (case_id, seq) makes a repeated write a no-op.
 * Tamper-evident: a trigger chains each row to the case's previous one by hash (CaseEventChain migration).
 */
@Entity({ name: 'case_events' })
@Unique('uq_case_events_case_seq', ['caseId', 'seq'])
@Unique('uq_case_events_case_chain', ['caseId', 'chainPos'])
export class CaseEventEntity {
  /** bigint: pg hands it over as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<Case>;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  action: CaseEventAction;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName: string | null;

  @Column({ name: 'step_id', type: 'varchar', length: 64, nullable: true })
  stepId: string | null;

  @Column({ name: 'level_code', type: 'varchar', length: 32, nullable: true })
  levelCode: string | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** The Update that caused the event (the API's user + Idempotency-Key), to answer retries. */
  @Column({ name: 'update_id', type: 'varchar', length: 300, nullable: true })
  updateId: string | null;

  @Column({ name: 'request_hash', type: 'varchar', length: 64, nullable: true })
  requestHash: string | null;

  /** Position in the case's hash chain (order of insertion, 1…n); set by the database, never by us. */
  @Column({ name: 'chain_pos', type: 'int', insert: false, update: false })
  chainPos: number;

  /** SHA-256 (hex) of the case's previous event in the chain; null for its first. Set by the database. */
  @Column({ name: 'prev_hash', type: 'varchar', length: 64, nullable: true, insert: false, update: false })
  prevHash: string | null;

  /** SHA-256 (hex) of this event's content and `prevHash`. Set by the database. */
  @Column({ type: 'varchar', length: 64, insert: false, update: false })
  hash: string;
}
