import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Campaign } from './campaign.entity';
import { Unit } from './unit.entity';
import { VND_TRANSFORMER } from './vnd.transformer';

/** A unit's quota (chỉ tiêu) in a campaign, set by its parent; each change is also an event in the timeline. */
@Entity({ name: 'campaign_quotas' })
@Check('ck_campaign_quotas_amount', 'amount >= 0')
export class CampaignQuota {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid', primaryKeyConstraintName: 'PK_campaign_quotas' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_campaign_quotas_campaign' })
  campaign: Relation<Campaign>;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'PK_campaign_quotas' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_campaign_quotas_unit' })
  unit: Relation<Unit>;

  @Column({ type: 'bigint', transformer: VND_TRANSFORMER })
  amount: number;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
