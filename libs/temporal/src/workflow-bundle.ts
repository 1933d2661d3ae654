import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/** The source tree's root (or dist/, once compiled: the layout below it is the same). */
const root = resolve(__dirname, '../../..');

/**
 * Options for bundling workflow code: `@lienthong/<lib>` resolves to `libs/<lib>/src`, as tsconfig's
 * `paths` says. Compiled code (dist/) has relative paths already; sources bundled by tests do not.
 */
export function workflowBundleOptions(workflowsPath: string): Required<Pick<BundleOptions, 'workflowsPath' | 'webpackConfigHook'>> {
  const alias = Object.fromEntries(
    readdirSync(resolve(root, 'libs'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => [`@lienthong/${d.name}`, resolve(root, 'libs', d.name, 'src')]),
  );
  return {
    workflowsPath,
    webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } } }),
  };
}
