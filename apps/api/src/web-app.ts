import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where `npm run build` puts the officers' web app (apps/web, built by Vite into dist/web). This file
 * runs both compiled (dist/apps/api/src) and from source under jest (apps/api/src), hence two places.
 */
const WEB_DIST_CANDIDATES = [resolve(__dirname, '../../../web'), resolve(__dirname, '../../../dist/web')];

export function webDistDir(): string | undefined {
  return WEB_DIST_CANDIDATES.find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * Serves the built single-page app at `/`: its files as they are, and `index.html` for any other GET
 * outside `/api`, so that a reload or a shared link to `/cases/…` lands in the app's router. `/api/*`
 * is never answered here: an unknown API route stays a JSON 404. Without a build (API-only
 * deployments, most tests) nothing is served.
 */
export function serveWebApp(app: NestExpressApplication): void {
  const dir = webDistDir();
  if (!dir) return;
  // Vite names assets by content hash, so they may be cached for good; index.html must not be, or a
  // browser would keep asking for the assets of an old build.
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const indexHtml = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = req.path === '/api' || req.path.startsWith('/api/');
    // A missing file (an asset of an old build) is a 404, not the app's HTML under a .js name.
    const isFile = /\.[a-z0-9]+$/i.test(req.path);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi || isFile || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
