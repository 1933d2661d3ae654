import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { DomainError } from '@lienthong/domain';
import { JWT_ALGORITHM, JWT_ISSUER } from './auth.constants';
import { AuthUser } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';

/** Global guard: a valid, unexpired HS256 token signed with our secret, of an active user, or 401. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new DomainError('unauthenticated', 'auth.token_missing');
    let claims: AuthUser;
    try {
      // The algorithm is pinned: a token claiming "none" or RS256 is refused whatever it carries.
      const payload = await this.jwt.verifyAsync<{ sub: string; username: string }>(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
      });
      if (typeof payload.sub !== 'string' || typeof payload.username !== 'string') throw new Error('bad claims');
      claims = { id: payload.sub, username: payload.username };
    } catch {
      throw new DomainError('unauthenticated', 'auth.token_invalid');
    }
    // A primary-key lookup per request, so that disabling or deleting a user takes effect at once
    // rather than when their token expires.
    const active = await this.dataSource.query<unknown[]>('SELECT 1 FROM users WHERE id = $1 AND active', [claims.id]);
    if (active.length === 0) throw new DomainError('unauthenticated', 'auth.token_invalid');
    req.user = claims;
    return true;
  }
}
