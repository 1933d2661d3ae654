import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** Who is calling, from the verified token. */
export interface AuthUser {
  id: string;
  username: string;
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
