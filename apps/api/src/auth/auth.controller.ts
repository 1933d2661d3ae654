import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
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
import { AuthService, clientAddress } from './auth.service';
import { AuthUser, CurrentUser } from './current-user.decorator';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto, MeDto } from './dto/me.dto';
import { Public } from './public.decorator';

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
  login(@Body() body: LoginDto, @Ip() ip: string, @Headers('user-agent') userAgent?: string): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password, { address: clientAddress(ip), userAgent });
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: recorded in the audit log with the address (the web app then forgets its token)' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiUnauthorizedResponse({ description: 'No valid token' })
  logout(@CurrentUser() user: AuthUser, @Ip() ip: string, @Headers('user-agent') userAgent?: string): Promise<void> {
    return this.auth.logout(user, { address: clientAddress(ip), userAgent });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user with their roles and units' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.units.me(user.id);
  }
}
