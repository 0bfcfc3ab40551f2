import { createDevApp } from '@backstage/dev-utils';
import { architectureDocsPlugin } from '../src/plugin';

createDevApp().registerPlugin(architectureDocsPlugin).render();
