import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';

function normalize(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

/**
 * Vietnamese arrives composed (NFC) from most keyboards and decomposed (NFD) from some (macOS, old
 * IMEs): "Thụy" can be 4 or 6 code points. Normalizing every request body to NFC at the door means
 * search, uniqueness and equality work on one form.
 */
@Injectable()
export class NfcInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.body && typeof req.body === 'object') req.body = normalize(req.body);
    return next.handle();
  }
}
