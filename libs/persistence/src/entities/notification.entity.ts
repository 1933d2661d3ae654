import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Campaign } from './campaign.entity';
import { Case } from './case.entity';
import { User } from './user.entity';

/**
 * What a user is told about a case or a campaign; a case's are derived from its events by the projection. `kind` has a message
 * `notification.<kind>` (libs/i18n, or the process module's own texts) rendered with `params`. One per user, event and kind: a projection
 * retried or run twice notifies nobody twice.
 */
@Entity({ name: 'notifications' })
@Unique('uq_notifications_user_event_kind', ['userId', 'caseId', 'eventSeq', 'kind'])
@Unique('uq_notifications_user_campaign_event_kind', ['userId', 'campaignId', 'eventSeq', 'kind'])
// About a case or about a campaign (then `event_seq` is the campaign event's seq), never both.
@Check('ck_notifications_subject', 'num_nonnulls(case_id, campaign_id) = 1')
@Index('ix_notifications_user_created', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'case_id' })
  case: Relation<Case> | null;

  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_notifications_campaign' })
  campaign: Relation<Campaign> | null;

  @Column({ name: 'event_seq', type: 'int' })
  eventSeq: number;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
