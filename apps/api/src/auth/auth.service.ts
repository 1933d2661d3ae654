import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lienthong/config';
import { DomainError } from '@lienthong/domain';
import { User } from '@lienthong/persistence';
import { UnitsService } from '../units/units.service';
import { LoginResponseDto } from './dto/me.dto';
import { LoginThrottle } from './login-throttle';

/** An office often shares one public address: its allowance is wider than one account's. */
const ADDRESS_ALLOWANCE_FACTOR = 4;

@Injectable()
export class AuthService {
  private readonly byUsername: LoginThrottle;
  private readonly byAddress: LoginThrottle;
  // Verified against when the username is unknown, so both failures cost the same time.
  private readonly decoyHash = argon2.hash('decoy-password-for-timing', { type: argon2.argon2id });

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly units: UnitsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const windowMs = config.LOGIN_LOCKOUT_SECONDS * 1000;
    this.byUsername = new LoginThrottle(config.LOGIN_MAX_FAILURES, windowMs);
    this.byAddress = new LoginThrottle(config.LOGIN_MAX_FAILURES * ADDRESS_ALLOWANCE_FACTOR, windowMs);
  }

  async login(username: string, password: string, address: string): Promise<LoginResponseDto> {
    const name = username.trim().toLowerCase();
    const userKey = `user:${name}`;
    const addressKey = `addr:${address}`;
    const wait = Math.max(this.byUsername.retryAfterSeconds(userKey), this.byAddress.retryAfterSeconds(addressKey));
    if (wait > 0) throw new DomainError('rate_limited', 'auth.too_many_attempts', { seconds: wait });

    const user = await this.dataSource.getRepository(User).findOneBy({ username: name, active: true });
    const ok = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), password).catch(() => false);
    if (!user || !ok) {
      this.byUsername.recordFailure(userKey);
      this.byAddress.recordFailure(addressKey);
      // One message for both cases: whether the username exists is not the caller's business.
      throw new DomainError('unauthenticated', 'auth.invalid_credentials');
    }
    this.byUsername.clear(userKey);

    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username });
    return { accessToken, expiresIn: this.config.JWT_EXPIRES_IN_SECONDS, user: await this.units.me(user.id) };
  }
}
