import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Unit } from './unit.entity';
import { User } from './user.entity';

/**
 * The audit of member imports: who imported which file into which unit, when, and what it did.
 * Append-only (the database refuses UPDATE, DELETE and TRUNCATE; MembersRegister migration).
 */
@Entity({ name: 'member_imports' })
@Index('ix_member_imports_unit_created', ['unitId', 'createdAt'])
export class MemberImport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_member_imports' })
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_member_imports_unit' })
  unit: Relation<Unit>;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_member_imports_user' })
  user: Relation<User>;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ type: 'int' })
  rows: number;

  @Column({ type: 'int' })
  created: number;

  @Column({ type: 'int' })
  updated: number;

  @Column({ type: 'int' })
  unchanged: number;

  @Column({ type: 'int' })
  errors: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
