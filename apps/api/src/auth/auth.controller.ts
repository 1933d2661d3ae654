import { Body, Controller, createParamDecorator, ExecutionContext, Get, HttpCode, Post } from '@nestjs/common';
import type { Request } from 'express';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { UnitsService } from '../units/units.service';
import { AuthService, clientAddress, ClientInfo } from './auth.service';
import { AuthUser, CurrentUser } from './current-user.decorator';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto, MeDto } from './dto/me.dto';
import { Public } from './public.decorator';

/** The client's address (req.ip, as TRUST_PROXY allows) and User-Agent, for throttling and the audit log. */
const Client = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientInfo => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return { address: clientAddress(req.ip), userAgent: req.headers['user-agent'] };
});

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly units: UnitsService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password; returns a bearer token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password (the message does not say which)' })
  @ApiTooManyRequestsResponse({
    description:
      'auth.too_many_attempts: the username has had too many failures (any password is refused until Retry-After). ' +
      'auth.address_slowed: wrong username or password, from an address with many failures (answered late; a right password is never refused for its address)',
  })
  login(@Body() body: LoginDto, @Client() client: ClientInfo): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password, client);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: recorded in the audit log with the address (the web app then forgets its token)' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiUnauthorizedResponse({ description: 'No valid token' })
  logout(@CurrentUser() user: AuthUser, @Client() client: ClientInfo): Promise<void> {
    return this.auth.logout(user, client);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user with their roles and units' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.units.me(user.id);
  }
}
