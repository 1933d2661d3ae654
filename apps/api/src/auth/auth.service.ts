import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lienthong/config';
import { DomainError } from '@lienthong/domain';
import { User } from '@lienthong/persistence';
import { UnitsService } from '../units/units.service';
import { AuthAuditService } from './auth-audit.service';
import { AuthUser } from './current-user.decorator';
import { LoginResponseDto } from './dto/me.dto';
import { ADDRESS_SLOWDOWN_MS, SignInGuard } from './sign-in-guard.service';

/** Where a sign-in comes from: the client's address (per TRUST_PROXY) and its User-Agent. */
export interface ClientInfo {
  address: string;
  userAgent?: string;
}

/**
 * The address that counts and is logged. `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) is 10.0.0.1:
 * one office, one counter. Behind a trusted proxy the value comes from X-Forwarded-For, which the
 * client wrote: whatever it is, it is kept to 64 characters (the audit column's size).
 */
export const clientAddress = (ip: string | undefined): string =>
  (ip || 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '').slice(0, 64);

@Injectable()
export class AuthService {
  // Verified against when the username is unknown, so both failures cost the same time.
  private readonly decoyHash = argon2.hash('decoy-password-for-timing', { type: argon2.argon2id });

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly units: UnitsService,
    private readonly guard: SignInGuard,
    private readonly audit: AuthAuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, client: ClientInfo): Promise<LoginResponseDto> {
    const name = username.normalize('NFC').trim().toLowerCase();
    const failed = async (error: DomainError, userId?: string) => {
      await this.audit.record({ event: 'sign_in_failed', username: name, userId, ...client, outcome: error.code });
      return error;
    };

    // The attempt is counted before the hash: concurrent guesses cannot all read "under the limit".
    const reservation = await this.guard.reserve(name);
    if (!reservation.allowed) {
      throw await failed(new DomainError('rate_limited', 'auth.too_many_attempts', { seconds: reservation.retryAfterSeconds }));
    }

    const user = await this.dataSource.getRepository(User).findOneBy({ username: name, active: true });
    const ok = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), password).catch(() => false);
    if (!user || !ok) {
      const address = await this.guard.failedFrom(client.address);
      if (address.slowed) {
        // Slows guessing from this address; a right password from it is never held back (above).
        await sleep(ADDRESS_SLOWDOWN_MS);
        throw await failed(new DomainError('rate_limited', 'auth.address_slowed', { seconds: Math.ceil(ADDRESS_SLOWDOWN_MS / 1000) }));
      }
      // One message for both cases: whether the username exists is not the caller's business.
      throw await failed(new DomainError('unauthenticated', 'auth.invalid_credentials'));
    }
    await this.guard.succeeded(name);
    await this.audit.record({ event: 'sign_in', username: user.username, userId: user.id, ...client });

    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username });
    return { accessToken, expiresIn: this.config.JWT_EXPIRES_IN_SECONDS, user: await this.units.me(user.id) };
  }

  /**
   * Recorded in the audit log. The token itself stays valid until it expires (JWT_EXPIRES_IN_SECONDS):
   * the web app forgets it; revocation comes with refresh tokens (issue 15, sessions).
   */
  async logout(user: AuthUser, client: ClientInfo): Promise<void> {
    await this.audit.record({ event: 'sign_out', username: user.username, userId: user.id, ...client });
  }
}
