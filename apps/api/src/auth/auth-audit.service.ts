import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type AuthEventKind = 'sign_in' | 'sign_in_failed' | 'sign_out';

export interface AuthEvent {
  event: AuthEventKind;
  username: string;
  userId?: string | null;
  address: string;
  userAgent?: string | null;
  /** Why a sign-in failed: the error code the caller got. */
  outcome?: string | null;
}

/** The sign-in audit log (`auth_events`, append-only by trigger): who, from where, when, and how it went. */
@Injectable()
export class AuthAuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(e: AuthEvent): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO auth_events (event, username, user_id, address, user_agent, outcome) VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.event, e.username.slice(0, 64), e.userId ?? null, e.address.slice(0, 64), e.userAgent?.slice(0, 300) ?? null, e.outcome ?? null],
    );
  }
}
