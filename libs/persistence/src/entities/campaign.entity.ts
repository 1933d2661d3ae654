import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, Unique } from 'typeorm';
import { CAMPAIGN_STATUSES, CampaignStatus } from '@lienthong/domain';
import { Organization } from './organization.entity';
import { Unit } from './unit.entity';
import { User } from './user.entity';
import { VND_TRANSFORMER } from './vnd.transformer';

/**
 * A fund campaign (vận động quỹ), launched at `unitId` and living in every unit below it. The row is
 * the campaign's record; its lifecycle (launch, cancel, the close at the end date) is driven by the
 * workflow `campaign-<id>`, whose activities write `status`. Contributions are rows of their own.
 */
@Entity({ name: 'campaigns' })
@Unique('uq_campaigns_code', ['code'])
@Check('ck_campaigns_status', `status IN (${CAMPAIGN_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Check('ck_campaigns_target', 'target >= 1')
@Check('ck_campaigns_dates', 'end_date >= start_date')
export class Campaign {
  /** Derived by the API from the creator and the Idempotency-Key. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_campaigns' })
  id: string;

  /** Human-readable, per year: `VD-2026-0001`. */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_campaigns_organization' })
  organization: Relation<Organization>;

  @Index('ix_campaigns_unit_id')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_campaigns_unit' })
  unit: Relation<Unit>;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'fund_name', type: 'text' })
  fundName: string;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'bigint', transformer: VND_TRANSFORMER })
  target: number;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  /** A suggested gift per member, VND: a hint, never a quota on people. */
  @Column({ type: 'bigint', nullable: true, transformer: VND_TRANSFORMER })
  suggestion: number | null;

  /** Whether the disclosure is readable without signing in. */
  @Column({ type: 'boolean', default: false })
  public: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: CampaignStatus;

  /** The seq of the last timeline event (campaign_events.seq is allocated from it). */
  @Column({ name: 'last_seq', type: 'int', default: 0 })
  lastSeq: number;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  /** Hash of the creating request: a replayed Idempotency-Key with another body is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_campaigns_created_by' })
  creator: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true })
  launchedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
