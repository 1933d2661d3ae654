import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { CASE_STATUSES, CaseState, CaseStatus } from '@lienthong/domain';
import { Organization } from './organization.entity';
import { Unit } from './unit.entity';
import { User } from './user.entity';
import { VND_TRANSFORMER } from './vnd.transformer';

/**
 * The read model of one case: a snapshot of the workflow's `CaseState` (the source of truth) plus the
 * columns lists, inboxes and search filter on. Written only by CaseProjectionService, which never
 * moves a row back to an older `last_seq`.
 */
@Entity({ name: 'cases' })
@Check('ck_cases_status', `status IN (${CASE_STATUSES.map((s) => `'${s}'`).join(', ')})`)
// Both by hand in the migration (INCLUDE columns, a partial WHERE): lists and search scope-first, the inbox.
@Index('ix_cases_origin_created', { synchronize: false })
@Index('ix_cases_pending_inbox', { synchronize: false })
// By hand too (GIN over an expression): search by words within a scope, see the SearchWords migration.
@Index('ix_cases_search_words', { synchronize: false })
export class Case {
  /** Assigned by the API (the workflow ID derives from it), never generated here. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<Organization>;

  @Column({ name: 'process_type', type: 'varchar', length: 64 })
  processType: string;

  @Column({ name: 'definition_version', type: 'int' })
  definitionVersion: number;

  @Column({ name: 'origin_unit_id', type: 'uuid' })
  originUnitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'origin_unit_id' })
  originUnit: Relation<Unit>;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  @Column({ name: 'current_step', type: 'varchar', length: 64, nullable: true })
  currentStep: string | null;

  @Column({ name: 'current_level', type: 'varchar', length: 32, nullable: true })
  currentLevel: string | null;

  @Column({ name: 'deciding_unit_id', type: 'uuid', nullable: true })
  decidingUnitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'deciding_unit_id' })
  decidingUnit: Relation<Unit> | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'boolean', default: false })
  overdue: boolean;

  @Column({ type: 'boolean', default: false })
  escalated: boolean;

  @Column({ name: 'requested_amount', type: 'bigint', nullable: true, transformer: VND_TRANSFORMER })
  requestedAmount: number | null;

  @Column({ name: 'approved_amount', type: 'bigint', nullable: true, transformer: VND_TRANSFORMER })
  approvedAmount: number | null;

  @Column({ name: 'disbursed_amount', type: 'bigint', default: 0, transformer: VND_TRANSFORMER })
  disbursedAmount: number;

  @Column({ name: 'funding_source', type: 'text', nullable: true })
  fundingSource: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator: Relation<User>;

  @Index('ix_cases_created_at')
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Sequence number of the last event this row reflects. */
  @Column({ name: 'last_seq', type: 'int' })
  lastSeq: number;

  /**
   * Who may not decide the current step for what they decided already (chain.rules barredFromCurrentStep):
   * everyone who decided a step that still stands, or voted on the current one; only the latter on a
   * step that lets earlier deciders decide it too (the chair who voted in the council signs).
   */
  @Column({ name: 'decided_by', type: 'uuid', array: true, default: () => "'{}'" })
  decidedBy: string[];

  /** The current step is reserved to these roles at its unit (`['chair']`); null: any officer or chair. */
  @Column({ name: 'deciding_roles', type: 'text', array: true, nullable: true })
  decidingRoles: string[] | null;

  /** The current step is a council's: only these people vote on it; null: not a council step. */
  @Column({ name: 'deciding_user_ids', type: 'uuid', array: true, nullable: true })
  decidingUserIds: string[] | null;

  /**
   * Title and the definition's search fields, folded (no diacritics, lower case). Searched through a
   * trigram GIN index that the migration creates by hand (pg_trgm operator class), hence synchronize: false.
   */
  @Index('ix_cases_search_text', { synchronize: false })
  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  /** Hash of the request that created the case, to recognise a replayed Idempotency-Key with another body. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  /** The whole `CaseState` snapshot; the API computes allowed actions from it with the workflow's rules. */
  @Column({ type: 'jsonb' })
  state: CaseState;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;
}
