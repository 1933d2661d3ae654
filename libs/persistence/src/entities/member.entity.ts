import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Unit } from './unit.entity';

/** A person in the association's registry (hội viên), registered at a branch. */
@Entity({ name: 'members' })
@Check('ck_members_gender', `gender IS NULL OR gender IN ('male', 'female')`)
export class Member {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_members_unit_id')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<Unit>;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  gender: 'male' | 'female' | null;

  @Column({ name: 'birth_year', type: 'int', nullable: true })
  birthYear: number | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
