import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lienthong/config';

/** An office or a ward often signs in from one public address: its allowance is wider than one account's. */
export const ADDRESS_ALLOWANCE_FACTOR = 4;
/** How long a wrong password from a slowed address waits before it is answered. */
export const ADDRESS_SLOWDOWN_MS = 1000;
/** Expired counters are swept by about one attempt in this many. */
const SWEEP_ONE_IN = 100;

export interface Reservation {
  /** False when the username is locked: refuse without hashing. */
  allowed: boolean;
  /** Seconds until the username's window ends. */
  retryAfterSeconds: number;
}

export interface AddressFailure {
  /** True once the address has more failures in its window than its allowance. */
  slowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Counts failed sign-ins in PostgreSQL, so that every API replica shares them.
 *
 * Per username: each attempt first reserves a failure with one atomic upsert, *before* the slow
 * password hash, and is refused (429) if that makes more than LOGIN_MAX_FAILURES in the window. Thirty
 * guesses sent at once are numbered 1…30 by the database, and only the first few reach the hash. A
 * success deletes the count; a failure keeps its reservation. The window starts at the first failure
 * and lasts LOGIN_LOCKOUT_SECONDS: a locked username stays locked until it ends, right password or not
 * (guessing must not be cheaper than waiting).
 *
 * Per address: failures only, counted after the hash. Past ADDRESS_ALLOWANCE_FACTOR times the
 * username's limit, a *wrong* password from that address is answered after a delay with 429 and
 * Retry-After. A right password is never refused or delayed because of its address: an office behind
 * one NAT must not be locked out by one person's typos or by someone spraying usernames from it.
 */
@Injectable()
export class SignInGuard {
  private readonly maxFailures: number;
  private readonly windowSeconds: number;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxFailures = config.LOGIN_MAX_FAILURES;
    this.windowSeconds = config.LOGIN_LOCKOUT_SECONDS;
  }

  async reserve(username: string): Promise<Reservation> {
    if (Math.floor(Math.random() * SWEEP_ONE_IN) === 0) await this.sweep();
    const { failures, retryAfterSeconds } = await this.count(`user:${username}`);
    return { allowed: failures <= this.maxFailures, retryAfterSeconds };
  }

  /** The right password: the username starts afresh. */
  async succeeded(username: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_throttles WHERE key = $1`, [`user:${username}`]);
  }

  /** A wrong password (the username's count was already reserved): counts against the address. */
  async failedFrom(address: string): Promise<AddressFailure> {
    const { failures, retryAfterSeconds } = await this.count(`addr:${address}`);
    return { slowed: failures > this.maxFailures * ADDRESS_ALLOWANCE_FACTOR, retryAfterSeconds };
  }

  /** One more failure on `key`, in its window or in a new one if it has ended: the count and the window's end. */
  private async count(key: string): Promise<{ failures: number; retryAfterSeconds: number }> {
    const [row]: { failures: number; retry_after: number }[] = await this.dataSource.query(
      `INSERT INTO sign_in_throttles AS t (key, failures, window_started_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE t.window_started_at END
       RETURNING t.failures, GREATEST(1, CEIL(EXTRACT(EPOCH FROM t.window_started_at + make_interval(secs => $2) - now())))::int AS retry_after`,
      [key, this.windowSeconds],
    );
    return { failures: row.failures, retryAfterSeconds: row.retry_after };
  }

  /** Counters whose window has ended say nothing any more; made-up usernames would otherwise pile up. */
  private async sweep(): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_throttles WHERE window_started_at <= now() - make_interval(secs => $1)`, [
      this.windowSeconds,
    ]);
  }
}
