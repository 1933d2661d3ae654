import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Case } from './case.entity';
import { User } from './user.entity';

/**
 * What a user is told about a case, derived from its events by the projection. `kind` has a message
 * `notification.<kind>` (libs/i18n, or the process module's own texts) rendered with `params`. One per user, event and kind: a projection
 * retried or run twice notifies nobody twice.
 */
@Entity({ name: 'notifications' })
@Unique('uq_notifications_user_event_kind', ['userId', 'caseId', 'eventSeq', 'kind'])
@Index('ix_notifications_user_created', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case: Relation<Case>;

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
