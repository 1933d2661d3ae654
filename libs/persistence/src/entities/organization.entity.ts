import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { OrganizationLevel } from './organization-level.entity';

/** A tenant: one association (Hội CCB quận Long Biên, Hội LHPN …) with its own chain of levels. */
@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => OrganizationLevel, (level) => level.organization)
  levels: Relation<OrganizationLevel[]>;
}
