import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Written by the smoke workflow's activity; the primary key is the business key, so a retry cannot write twice. */
@Entity({ name: 'smoke_pings' })
export class SmokePing {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
