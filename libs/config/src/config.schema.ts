import { isIP } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { z } from 'zod';

/**
 * The one place that reads the environment. Apps call `loadAppConfig()` once at boot; the embedded-stack
 * tools call `loadStackConfig()`. Everything else receives the parsed, typed object (lint forbids
 * `process.env` outside this library).
 */

const port = z.coerce.number().int().min(1).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalPath = z.string().min(1).optional();

/** Names Express (proxy-addr) gives to address ranges, beside addresses and CIDR ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (item: string): boolean => {
  if (PROXY_RANGE_NAMES.has(item)) return true;
  const [address, bits, ...rest] = item.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};

/**
 * Which hops may tell the client's address in X-Forwarded-For: unset or `false` (the default: the
 * address is the connection's, since anyone can send the header), a hop count (`1`: one reverse proxy
 * in front), or a comma-separated list of proxy addresses, CIDR ranges or `loopback`/`linklocal`/
 * `uniquelocal`. Given to Express as its `trust proxy` setting; sign-in throttling and the audit log
 * use the address it yields.
 */
const trustProxy = z
  .string()
  .transform((value, ctx): false | number | string[] => {
    const v = value.trim();
    if (['false', '0', 'no'].includes(v)) return false;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    const items = v.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = items.filter((item) => !isProxyAddress(item));
    if (items.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be false, a hop count, or proxy addresses/CIDR ranges/loopback/linklocal/uniquelocal (not ${bad.join(', ') || 'empty'})`,
      });
      return z.NEVER;
    }
    return items;
  });

/**
 * The secrets of docker/.env.example, which anyone can read: production refuses to start with them
 * (config.schema.spec.ts checks that these still match the file).
 */
export const EXAMPLE_JWT_SECRET = 'change-me-to-at-least-32-random-characters';
export const EXAMPLE_DB_PASSWORD = 'change-me-postgres';
/** Bits a JWT secret must carry, as estimated below; `openssl rand -base64 48` gives ~350. */
export const MIN_JWT_SECRET_BITS = 128;

/**
 * A rough upper bound of a secret's entropy, the smaller of two estimates: its length times the
 * Shannon entropy of its own characters (`aaaa…` scores 0), and its size compressed by deflate
 * (`0123456789` repeated compresses to its first ten). Random base64 of 48 bytes scores ~350. Neither
 * sees a long English sentence for what it is: the example's value and words such as "change-me" are
 * refused by name as well.
 */
export function estimatedSecretBits(secret: string): number {
  const chars = [...secret];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / chars.length) * Math.log2(n / chars.length);
  const shannon = perChar * chars.length;
  const compressed = deflateRawSync(Buffer.from(secret, 'utf8'), { level: 9 }).length * 8;
  return Math.round(Math.min(shannon, compressed));
}

const PLACEHOLDER_WORDS = /change[-_ ]?me|changeit|example|placeholder|your[-_ ]?secret|^secret/i;

/** The password in a postgres:// URL, decoded; '' when there is none (or the URL does not parse). */
function databasePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

export const appConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port.default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// connection URL'),
    DB_MIGRATE_ON_BOOT: bool.default(true),
    SEED_DEMO: bool.default(false),
    TEMPORAL_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port')
      .default('localhost:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('lienthong'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('lienthong'),
    TEMPORAL_TLS_CERT_PATH: optionalPath,
    TEMPORAL_TLS_KEY_PATH: optionalPath,
    TEMPORAL_TLS_CA_PATH: optionalPath,
    TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
    TEMPORAL_API_KEY: z.string().min(1).optional(),
    /** A prebuilt workflow bundle (production); without it the worker bundles `workflows/` at start. */
    WORKFLOW_BUNDLE_PATH: optionalPath,
    WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    /**
     * How many workflows the worker keeps in memory between their tasks (~0.5 MB each, measured). Cases
     * wait days between decisions, so a cache holds little that is used again; the SDK's default sizes
     * it by the machine's memory (1.4 GB of worker at 10,000 open cases here). A case not cached replays
     * its short history on its next decision: ~70 ms instead of ~16 ms (`npm run bench`).
     */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(100),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    JWT_EXPIRES_IN_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    TRUST_PROXY: trustProxy.default(false),
    /**
     * How many seconds a "day" of a case deadline lasts (7 days to verify, 14 to approve, milestone
     * targets). 86400 in production; set it low (say 2) in demos and tests to watch cases fall overdue
     * and escalate in seconds. Frozen into each case when it is submitted.
     */
    CASE_DAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(86_400),
    /**
     * How long after sending a change to a case workflow the worker's reconciler checks that the API
     * wrote it to the read model (it writes it itself if not: the API died, or answered 503 and the
     * change went through later). Longer than the API's 30 s wait on Temporal; short in tests.
     */
    PROJECTION_CHECK_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production') {
      // Unsafe defaults are refused at boot, one line per variable (issue 15): the example's secret
      // passed the length check and signed tokens anyone could forge.
      const secretBits = estimatedSecretBits(c.JWT_SECRET);
      if (c.JWT_SECRET === EXAMPLE_JWT_SECRET || PLACEHOLDER_WORDS.test(c.JWT_SECRET)) {
        ctx.addIssue({
          code: 'custom',
          path: ['JWT_SECRET'],
          message: 'is the example value (or a placeholder); in production set a random one: openssl rand -base64 48',
        });
      } else if (secretBits < MIN_JWT_SECRET_BITS) {
        ctx.addIssue({
          code: 'custom',
          path: ['JWT_SECRET'],
          message: `is too predictable (about ${secretBits} bits, at least ${MIN_JWT_SECRET_BITS} needed); in production set a random one: openssl rand -base64 48`,
        });
      }
      if (c.SEED_DEMO) {
        ctx.addIssue({
          code: 'custom',
          path: ['SEED_DEMO'],
          message: 'must be false in production: the demo users have a published password',
        });
      }
      const dbPassword = databasePassword(c.DATABASE_URL);
      if (!dbPassword) {
        ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'has no password; production needs one (postgres://user:password@host/db)' });
      } else if (dbPassword === EXAMPLE_DB_PASSWORD) {
        ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'has the example password (POSTGRES_PASSWORD of docker/.env.example); set a secret one' });
      }
    }
    if (Boolean(c.TEMPORAL_TLS_CERT_PATH) !== Boolean(c.TEMPORAL_TLS_KEY_PATH)) {
      ctx.addIssue({
        code: 'custom',
        path: [c.TEMPORAL_TLS_CERT_PATH ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH'],
        message: 'TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together',
      });
    }
  });

export type AppConfig = z.infer<typeof appConfigSchema>;

/** Settings of the embedded stack (`npm start`, the test harness, benchmarks). */
export const stackConfigSchema = z.object({
  LIENTHONG_DATA_DIR: z.string().min(1).default('.data'),
  LIENTHONG_TOOLS_DIR: z.string().min(1).default('.tools'),
  TEMPORAL_CLI_PATH: optionalPath,
  TEMPORAL_TEST_SERVER_PATH: optionalPath,
  EMBEDDED_TEMPORAL_PORT: port.default(7233),
  EMBEDDED_TEMPORAL_UI_PORT: port.default(8233),
  EMBEDDED_PG_PORT: port.default(5433),
  /** Set to use an external PostgreSQL instead of the embedded one. */
  DATABASE_URL: appConfigSchema.shape.DATABASE_URL.optional(),
  /** `npm run bench` against an external Temporal (host:port) instead of the embedded dev server. */
  BENCH_TEMPORAL_ADDRESS: appConfigSchema.shape.TEMPORAL_ADDRESS.unwrap().optional(),
  PORT: port.default(3000),
});

export type StackConfig = z.infer<typeof stackConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function parse<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  // An empty variable means "not set": `PORT=` in a .env file should fall back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: issue.path.join('.') || '(root)',
        message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
      })),
    );
  }
  return result.data;
}

export function loadAppConfig(env: Env = process.env): AppConfig {
  return parse(appConfigSchema, env);
}

export function loadStackConfig(env: Env = process.env): StackConfig {
  return parse(stackConfigSchema, env);
}

/**
 * What an entry point prints when it cannot start: a configuration problem is its own clear message
 * (no stack trace to wade through); anything else keeps its stack.
 */
export function describeStartupError(err: unknown): string {
  if (err instanceof ConfigError) return err.message;
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** The environment for a child process: this one's, with overrides (undefined removes a variable). */
export function childEnv(overrides: Env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}
