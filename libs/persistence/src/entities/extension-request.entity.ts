import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, Unique } from 'typeorm';
import { EXTENSION_STATUSES, ExtensionStatus } from '@lienthong/domain';
import { Campaign } from './campaign.entity';
import { Unit } from './unit.entity';
import { User } from './user.entity';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A unit's request to keep collecting in a campaign until `until`, decided by its parent in a one-step
 * case (`case_id`). Approved, it lets that unit record contributions until the end of that day. Never
 * deleted; its status moves once, from pending (a trigger in the Remittances migration).
 */
@Entity({ name: 'campaign_extensions' })
@Unique('uq_campaign_extensions_idempotency', ['createdBy', 'idempotencyKey'])
@Unique('uq_campaign_extensions_case', ['caseId'])
@Index('ix_campaign_extensions_unit', ['campaignId', 'unitId'])
@Check('ck_campaign_extensions_status', `status IN (${list(EXTENSION_STATUSES)})`)
export class ExtensionRequestEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_campaign_extensions' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_campaign_extensions_campaign' })
  campaign: Relation<Campaign>;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_campaign_extensions_unit' })
  unit: Relation<Unit>;

  @Column({ type: 'date' })
  until: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 16 })
  status: ExtensionStatus;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_campaign_extensions_created_by' })
  creator: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment: string | null;
}
