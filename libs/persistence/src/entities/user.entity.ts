import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Membership } from './membership.entity';

/** Someone who signs in: an officer or a chair (or an admin) of one or more units. */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; sign-in matches case-insensitively by lower-casing the input. */
  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  /** argon2id, encoded with its parameters ($argon2id$v=19$m=…). */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => Membership, (m) => m.user)
  memberships: Relation<Membership[]>;
}
