import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/** The source tree's root (or dist/, once compiled: the layout below it is the same). */
const root = resolve(__dirname, '../../..');

/**
 * Modules the worker loads once per workflow thread and shares between workflows, instead of running
 * their module code again for every workflow it creates (the SDK's default: each workflow gets its own
 * module instances). The process registry is most of that code: every process's definitions, their
 * zod payload schemas (zod itself included) and their validation, about a third of the workflow
 * thread's CPU on a short case. Safe to share because it holds no state that changes: the definitions
 * and rules are data and pure functions, and the SDK freezes whatever the shared modules export.
 */
export const PRELOADED_WORKFLOW_MODULES = ['@lienthong/processes'];

/**
 * Options for bundling workflow code: `@lienthong/<lib>` resolves to `libs/<lib>/src`, as tsconfig's
 * `paths` says. Compiled code (dist/) has relative paths already; sources bundled by tests do not.
 */
export function workflowBundleOptions(
  workflowsPath: string,
): Required<Pick<BundleOptions, 'workflowsPath' | 'webpackConfigHook' | 'preloadModules'>> {
  const alias = Object.fromEntries(
    readdirSync(resolve(root, 'libs'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => [`@lienthong/${d.name}`, resolve(root, 'libs', d.name, 'src')]),
  );
  return {
    workflowsPath,
    preloadModules: PRELOADED_WORKFLOW_MODULES,
    webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } } }),
  };
}
