import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Campaign } from './campaign.entity';
import { Unit } from './unit.entity';
import { VND_TRANSFORMER } from './vnd.transformer';

/**
 * A unit's running figures in a campaign, updated in the same transaction as each of its entries. Its
 * row lock is what serializes concurrent entries of one unit, so receipt numbers come out unique and
 * gap-free (a rolled-back entry takes its number back with it), and progress reads one row per unit
 * instead of summing every contribution.
 */
@Entity({ name: 'campaign_unit_totals' })
export class CampaignUnitTotal {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid', primaryKeyConstraintName: 'PK_campaign_unit_totals' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_campaign_unit_totals_campaign' })
  campaign: Relation<Campaign>;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'PK_campaign_unit_totals' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_campaign_unit_totals_unit' })
  unit: Relation<Unit>;

  /** Net VND of the unit's own entries (reversals subtracted). */
  @Column({ type: 'bigint', default: 0, transformer: VND_TRANSFORMER })
  collected: number;

  /** Entries, reversals included. */
  @Column({ type: 'int', default: 0 })
  entries: number;

  /** VND the unit has handed to its parent, pending or confirmed (a disputed or withdrawn remittance gives it back). */
  @Column({ type: 'bigint', default: 0, transformer: VND_TRANSFORMER })
  remitted: number;

  /** Of `remitted`, what the parent confirmed. */
  @Column({ type: 'bigint', default: 0, transformer: VND_TRANSFORMER })
  confirmed: number;

  /** VND the unit's children remitted to it and it confirmed: part of what it holds and may remit. */
  @Column({ type: 'bigint', default: 0, transformer: VND_TRANSFORMER })
  received: number;

  /** The last receipt number given. */
  @Column({ name: 'last_receipt', type: 'int', default: 0 })
  lastReceipt: number;
}
