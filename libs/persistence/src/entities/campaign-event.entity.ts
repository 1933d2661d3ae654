import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import type { CampaignEventAction } from '@lienthong/domain';
import { Campaign } from './campaign.entity';

/**
 * One line of a campaign's timeline (launch, quota set or changed, reminders, close, cancel, reversals).
 * Append-only: the database refuses UPDATE, DELETE and TRUNCATE (triggers in the Campaigns migration).
 * `event_key` makes a repeated write a no-op: the API's user + Idempotency-Key for what a person did,
 * a fixed key (`close`, `remind-7`) for what the workflow did.
 */
@Entity({ name: 'campaign_events' })
@Unique('uq_campaign_events_seq', ['campaignId', 'seq'])
@Unique('uq_campaign_events_key', ['campaignId', 'eventKey'])
export class CampaignEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'PK_campaign_events' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_campaign_events_campaign' })
  campaign: Relation<Campaign>;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  action: CampaignEventAction;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName: string | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'event_key', type: 'varchar', length: 300, nullable: true })
  eventKey: string | null;

  @Column({ name: 'request_hash', type: 'varchar', length: 64, nullable: true })
  requestHash: string | null;
}
