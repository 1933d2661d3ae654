import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DomainError } from '../../../../libs/domain/src';
import { JWT_ALGORITHM, JWT_ISSUER } from './auth.constants';
import { AuthUser } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';

/** Global guard: a valid, unexpired HS256 token signed with our secret, or 401. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new DomainError('unauthenticated', 'auth.token_missing');
    try {
      // The algorithm is pinned: a token claiming "none" or RS256 is refused whatever it carries.
      const payload = await this.jwt.verifyAsync<{ sub: string; username: string }>(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
      });
      if (typeof payload.sub !== 'string' || typeof payload.username !== 'string') throw new Error('bad claims');
      req.user = { id: payload.sub, username: payload.username };
      return true;
    } catch {
      throw new DomainError('unauthenticated', 'auth.token_invalid');
    }
  }
}
