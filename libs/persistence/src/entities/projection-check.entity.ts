import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A change the API sent to a case workflow and has not yet seen written to the read model. The API
 * writes the row before the Update and deletes it once it has projected the result; a row left behind
 * (the API died, or gave up waiting on Temporal while the change still went through) is picked up by
 * the worker's projection reconciler when it falls due. No foreign key: the case may not exist yet.
 */
@Entity({ name: 'projection_checks' })
@Index('ix_projection_checks_due_at', ['dueAt'])
export class ProjectionCheck {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'PK_projection_checks' })
  caseId: string;

  /** The Update ID (or `submitted` for a creation): two requests on one case are two rows. */
  @PrimaryColumn({ name: 'update_id', type: 'varchar', length: 300, primaryKeyConstraintName: 'PK_projection_checks' })
  updateId: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** How many times the reconciler has tried; it keeps trying, this is for the logs. */
  @Column({ type: 'int', default: 0 })
  attempts: number;
}
