import type { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsBackend from '@backstage-community/plugin-tech-insights-backend';
import jsonRulesEngineFactChecker from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import {
  TEST_TEMPLATE_SECTIONS,
  analysedSource,
  analysedWrite,
  testEntity,
} from '../testing/__testUtils__/doc-writes';
import { indexedDocsTestPlugin } from '../testing/__testUtils__/indexed-docs-test-plugin';
import techInsightsModule from './index';

const DAY_MS = 24 * 60 * 60 * 1000;
const AT = new Date(Date.now() - 3 * DAY_MS - 60_000);

/** The README's example configuration: the retriever's cadence and the example check. */
function readmeTechInsightsConfig(): JsonObject {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
  const block = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map(match => match[1])
    .find(yaml => yaml.includes('architectureDocReady'));
  if (!block) throw new Error('The README has no example check');
  return parseYaml(block) as JsonObject;
}

/** A doc with the built-in template's sections of these titles, each with real content. */
function docWithSections(titles: string[]): string {
  return [
    '# Orders architecture',
    ...titles.map(
      title =>
        `## ${title}\n\nThe orders service handles ${title.toLowerCase()} for checkout, with its own decisions and owners.`,
    ),
  ].join('\n\n');
}

const ALL_SECTIONS = [
  'Purpose',
  'Context',
  'Design drivers',
  'Responsibilities',
  'Data and interfaces',
  'Operational flow',
  'Failure and fallback behavior',
  'Deployment and scaling',
  'Security and compliance',
  'Testing strategy',
  'Open questions',
  'See also',
];

describe('architectureDocsTechInsightsModule', () => {
  let backend: TestBackend;
  const tasks = new Map<string, SchedulerServiceTaskFunction>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, task.fn);
    },
  });
  const architectureDocs = indexedDocsTestPlugin({
    writes: [
      analysedWrite(
        testEntity('complete'),
        analysedSource(docWithSections(ALL_SECTIONS), { brokenLinks: 2 }),
        AT,
      ),
      analysedWrite(
        testEntity('no-security'),
        analysedSource(
          docWithSections(
            ALL_SECTIONS.filter(title => title !== 'Security and compliance'),
          ),
          { brokenLinks: null },
        ),
        AT,
      ),
      analysedWrite(
        testEntity('thin'),
        analysedSource(
          `${docWithSections(['Purpose', 'Security and compliance'])}\n\n\`\`\`mermaid\n\`\`\`\n`,
        ),
        AT,
      ),
    ],
    templateSections: TEST_TEMPLATE_SECTIONS,
    finishedAt: AT,
  });

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        mockServices.rootConfig.factory({ data: readmeTechInsightsConfig() }),
        scheduler.factory,
        catalogServiceMock.factory({ entities: [] }),
        architectureDocs.plugin,
        techInsightsBackend,
        jsonRulesEngineFactChecker,
        techInsightsModule,
      ],
    });
    const retrieve = tasks.get('architectureDocsFactRetriever');
    if (!retrieve) throw new Error('The fact retriever was not scheduled');
    await retrieve(new AbortController().signal);
  });

  afterAll(async () => {
    architectureDocs.close();
    await backend?.stop();
  });

  const latestFacts = (name: string) =>
    request(backend.server)
      .get(
        `/api/tech-insights/facts/latest?entity=component:default/${name}&ids[]=architectureDocsFactRetriever`,
      )
      .set('Authorization', mockCredentials.user.header());

  const runCheck = (name: string) =>
    request(backend.server)
      .post(`/api/tech-insights/checks/run/default/component/${name}`)
      .send({ checks: ['architectureDocReady'] })
      .set('Authorization', mockCredentials.user.header());

  it('should serve the facts of a doc through the Tech Insights API', async () => {
    const response = await latestFacts('complete');
    expect(response.status).toBe(200);
    expect(response.body.architectureDocsFactRetriever.facts).toEqual({
      score: 100,
      brokenLinks: 2,
      failingDiagrams: 0,
      daysSinceChange: 3,
      section_purpose: 'present',
      section_context: 'present',
      section_design_drivers: 'present',
      section_responsibilities: 'present',
      section_data_and_interfaces: 'present',
      section_operational_flow: 'present',
      section_failure_and_fallback_behavior: 'present',
      section_deployment_and_scaling: 'present',
      section_security_and_compliance: 'present',
      section_testing_strategy: 'present',
      section_open_questions: 'present',
      section_see_also: 'present',
    });
  });

  it('should count the diagrams that cannot render and leave unchecked links out', async () => {
    const thin = (await latestFacts('thin')).body.architectureDocsFactRetriever
      .facts;
    expect(thin.failingDiagrams).toBe(1);
    expect(thin.section_context).toBe('missing');
    const noSecurity = (await latestFacts('no-security')).body
      .architectureDocsFactRetriever.facts;
    expect(noSecurity).not.toHaveProperty('brokenLinks');
    expect(noSecurity.section_security_and_compliance).toBe('missing');
  });

  it('should declare a status fact per template section in its schema', async () => {
    const response = await request(backend.server)
      .get(
        '/api/tech-insights/fact-schemas?ids[]=architectureDocsFactRetriever',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    // Tech Insights serves each schema's facts beside its id and version.
    const schema = response.body.find(
      (item: { id: string }) => item.id === 'architectureDocsFactRetriever',
    );
    expect(schema.section_security_and_compliance.type).toBe('string');
    expect(schema.score.type).toBe('integer');
  });

  it.each([
    ['complete', true],
    ['no-security', false],
    ['thin', false],
  ])(
    "should evaluate the README's example check on %s as %s",
    async (name, passes) => {
      const response = await runCheck(name);
      expect(response.status).toBe(200);
      expect(response.body).toHaveLength(1);
      expect(response.body[0].check.id).toBe('architectureDocReady');
      expect(response.body[0].result).toBe(passes);
    },
  );
});
