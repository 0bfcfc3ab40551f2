import { Content, Header, Link, Page, Progress, ResponseErrorPanel, Table } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteParams, entityRouteRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { getArchitectureDocRef } from '../../lib';
import { useArchitectureDocsConfig } from '../../hooks/useArchitectureDocsConfig';
import { architectureDocsTranslationRef } from '../../translation';

/**
 * The catalog-wide page: every entity of the configured kinds and whether it
 * points at an architecture doc.
 * @public
 */
export function ArchitectureDocsPage() {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const config = useArchitectureDocsConfig();
  const entityRoute = useRouteRef(entityRouteRef);
  const { value, loading, error } = useAsync(
    async () =>
      (await catalogApi.getEntities({ filter: { kind: config.coverage.kinds } })).items,
    [catalogApi, config.coverage.kinds],
  );

  let body;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else {
    body = (
      <Table<Entity>
        options={{ paging: false, search: false }}
        data={value ?? []}
        columns={[
          {
            title: 'Entity',
            render: entity => (
              <Link to={entityRoute(entityRouteParams(entity))}>
                {entity.metadata.title ?? entity.metadata.name}
              </Link>
            ),
          },
          {
            title: 'Doc',
            render: entity => getArchitectureDocRef(entity, config.annotation) ?? 'no annotation',
          },
        ]}
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <Content>{body}</Content>
    </Page>
  );
}
