/**
 * A custom strategy worker: one per bot running a custom strategy (spawned by the bot host),
 * plus short-lived ones that check a module (the custom strategies page, parameter checks).
 * It receives the module source, imports it from a blob: URL and answers the host's requests.
 * A hang here stalls only this worker, which the host then terminates. No logic lives here.
 */
import { createCustomStrategyEndpoint, serveCustomStrategy } from '../src/host/custom/endpoint';
import { hardenScope } from '../src/host/custom/hardenScope';
import { importModuleSource } from '../src/host/custom/importModuleSource';

const endpoint = createCustomStrategyEndpoint({
  importSource: (source) => {
    hardenScope(self);
    return importModuleSource(source);
  },
});
serveCustomStrategy(self, endpoint);
