// The development backend started by `npm start` (dev/start.mjs): the catalog
// with the dev portal's sample and generated entities, guest sign-in, the
// permission framework with an allow-all policy, this plugin, and search
// (its default Lunr engine) with this plugin's collator. Its
// configuration is the repository's app-config.yaml (SQLite in memory, the
// sample doc server allowed for reading, a short indexing schedule).
import { createBackend } from '@backstage/backend-defaults';
import { sampleCatalogModule } from './sampleCatalogProvider';

const backend = createBackend();

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(sampleCatalogModule);
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
backend.add(import('../src'));
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('../src/search'));

backend.start();
