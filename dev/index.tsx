import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  Content,
  Header,
  Link,
  Page,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { createDevApp } from '@backstage/dev-utils';
import { ARCHITECTURE_DOC_ANNOTATION } from '../src/lib/annotation';
import { architectureDocsPlugin } from '../src/plugin';
import {
  DOC_SERVER_BASE_URL,
  getSampleEntity,
  sampleDocUrl,
  sampleScenarios,
} from './sample-catalog';

interface SampleDocRow {
  id: string;
  entityRef: string;
  title: string;
  demonstrates: string;
  annotation: string;
  docUrl?: string;
}

const sampleDocRows: SampleDocRow[] = sampleScenarios.map(scenario => {
  const entity = getSampleEntity(scenario.entityRef);
  return {
    id: stringifyEntityRef(entity),
    entityRef: stringifyEntityRef(entity),
    title: scenario.title,
    demonstrates: scenario.demonstrates,
    annotation:
      entity.metadata.annotations?.[ARCHITECTURE_DOC_ANNOTATION] ?? '(none)',
    docUrl: sampleDocUrl(entity),
  };
});

const sampleDocColumns: TableColumn<SampleDocRow>[] = [
  { title: 'Entity', field: 'entityRef' },
  { title: 'Case', field: 'title' },
  { title: 'Demonstrates', field: 'demonstrates' },
  { title: 'Annotation', field: 'annotation' },
  {
    title: 'Doc URL',
    field: 'docUrl',
    render: row =>
      row.docUrl ? <Link to={row.docUrl}>{row.docUrl}</Link> : '—',
  },
];

const SampleDocsPage = () => (
  <Page themeId="tool">
    <Header
      title="Sample docs"
      subtitle={`Sample entities and the docs served from ${DOC_SERVER_BASE_URL}`}
    />
    <Content>
      <Table<SampleDocRow>
        title="Sample entities"
        options={{ paging: false, search: false }}
        columns={sampleDocColumns}
        data={sampleDocRows}
      />
    </Content>
  </Page>
);

createDevApp()
  .registerPlugin(architectureDocsPlugin)
  .addPage({
    path: '/sample-docs',
    title: 'Sample docs',
    element: <SampleDocsPage />,
  })
  .render();
