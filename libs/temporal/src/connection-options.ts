import { readFileSync } from 'node:fs';
import type { AppConfig } from '@lienthong/config';

/**
 * Connection settings shared by the client (API) and the worker: plain for the embedded dev server,
 * mTLS for a self-hosted cluster, API key (with TLS) for Temporal Cloud.
 */
export function temporalConnectionOptions(config: AppConfig) {
  const mtls = config.TEMPORAL_TLS_CERT_PATH && config.TEMPORAL_TLS_KEY_PATH;
  const tlsWanted = mtls || config.TEMPORAL_API_KEY || config.TEMPORAL_TLS_CA_PATH;
  const tls = tlsWanted
    ? {
        serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME,
        serverRootCACertificate: config.TEMPORAL_TLS_CA_PATH ? readFileSync(config.TEMPORAL_TLS_CA_PATH) : undefined,
        clientCertPair: mtls
          ? { crt: readFileSync(config.TEMPORAL_TLS_CERT_PATH!), key: readFileSync(config.TEMPORAL_TLS_KEY_PATH!) }
          : undefined,
      }
    : undefined;
  return { address: config.TEMPORAL_ADDRESS, tls, apiKey: config.TEMPORAL_API_KEY };
}
