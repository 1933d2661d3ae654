import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, Unique } from 'typeorm';
import { REMITTANCE_STATUSES, RemittanceStatus } from '@lienthong/domain';
import { Campaign } from './campaign.entity';
import { Unit } from './unit.entity';
import { User } from './user.entity';
import { VND_TRANSFORMER } from './vnd.transformer';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Money a unit handed to its parent in a campaign, waiting for (or given) the parent's confirmation,
 * which is a one-step case (`case_id`). Never deleted; its status moves once, from pending, and only
 * the decision's columns with it (a trigger in the Remittances migration): each move is also an event
 * in the campaign's timeline. Idempotent per user and Idempotency-Key.
 */
@Entity({ name: 'campaign_remittances' })
@Unique('uq_campaign_remittances_idempotency', ['createdBy', 'idempotencyKey'])
@Unique('uq_campaign_remittances_case', ['caseId'])
@Index('ix_campaign_remittances_unit', ['campaignId', 'unitId'])
@Check('ck_campaign_remittances_status', `status IN (${list(REMITTANCE_STATUSES)})`)
@Check('ck_campaign_remittances_amount', 'amount >= 1')
export class RemittanceEntity {
  /** Derived by the API from the remitting officer and the Idempotency-Key. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_campaign_remittances' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_campaign_remittances_campaign' })
  campaign: Relation<Campaign>;

  /** The unit handing the money over. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_campaign_remittances_unit' })
  unit: Relation<Unit>;

  /** Its parent, receiving it (what its confirmed remittances add to). */
  @Column({ name: 'parent_unit_id', type: 'uuid' })
  parentUnitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_unit_id', foreignKeyConstraintName: 'fk_campaign_remittances_parent_unit' })
  parentUnit: Relation<Unit>;

  @Column({ type: 'bigint', transformer: VND_TRANSFORMER })
  amount: number;

  @Column({ name: 'remittance_date', type: 'date' })
  remittanceDate: string;

  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: RemittanceStatus;

  /** The confirmation's case (no foreign key: the case row is written once its workflow has started). */
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_campaign_remittances_created_by' })
  creator: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  /** When the case's outcome reached the ledger, and the comment it came with (a dispute's reason). */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment: string | null;
}
