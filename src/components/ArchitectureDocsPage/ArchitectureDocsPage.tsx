import { type ReactNode } from 'react';
import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useArchitectureDocsConfig } from '../../hooks/useArchitectureDocsConfig';
import { useConfigProblems } from '../../hooks/useConfigProblems';
import { DEFAULT_ARCHITECTURE_TAB_PATH } from '../../routes';
import { useTemplateModel } from '../../hooks/useTemplateModel';
import { ArchitectureDocsErrorBoundary } from '../ArchitectureDocsErrorBoundary';
import { architectureDocsTranslationRef } from '../../translation';
import { ConfigProblemsNotice } from '../ConfigProblemsNotice';
import { useCoverageScan } from './useCoverageScan';
import { useFocusRingStyles } from '../focusRing';
import { CoverageView } from './CoverageView';
import { useCoverageEntities } from './useCoverageEntities';
import { useDocSource } from '../../hooks/useDocSource';
import { BackendUnavailableNotice } from '../IndexFreshness';
import { IndexedCoverageView } from './IndexedCoverageView';

/**
 * Props of {@link ArchitectureDocsPage}.
 * @public
 */
export interface ArchitectureDocsPageProps {
  /**
   * The path of the architecture tab under an entity page, where the rows
   * link to. Default `architecture`.
   */
  tabPath?: string;
}

/** The page when the browser fetches and analyses every doc. */
function BrowserCoverageContent(props: { tabPath: string }) {
  const config = useArchitectureDocsConfig();
  const { kinds, concurrency } = config.coverage;
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const {
    template,
    loading: templateLoading,
    problem: templateProblem,
  } = useTemplateModel();
  const problems = useConfigProblems(templateProblem);
  const kindsKey = kinds.join('\n');
  const entities = useCoverageEntities(kindsKey);
  const scan = useCoverageScan({
    entities: entities.value,
    template,
    templateReady: !templateLoading,
    concurrency,
  });

  let body: ReactNode;
  if (entities.error) {
    body = <ResponseErrorPanel error={entities.error} />;
  } else if (
    !entities.loading &&
    (!entities.value || entities.value.length === 0)
  ) {
    body = (
      <EmptyState
        missing="data"
        title={t('page.empty.title')}
        description={t('page.empty.description', { kinds: kinds.join(', ') })}
      />
    );
  } else {
    body = (
      <CoverageView
        scan={scan}
        tabPath={props.tabPath}
        loading={entities.loading}
      />
    );
  }
  return (
    <>
      <ConfigProblemsNotice problems={problems} />
      {body}
    </>
  );
}

/** The page, from the backend's index or the browser as configured. */
function CoverageContent(props: { tabPath: string }) {
  const source = useDocSource();
  const problems = useConfigProblems();
  if (source.source === 'deciding') return <Progress />;
  if (source.source === 'unavailable') {
    return <BackendUnavailableNotice error={source.error} />;
  }
  if (source.source === 'backend') {
    return (
      <>
        <ConfigProblemsNotice problems={problems} />
        <IndexedCoverageView
          backendApi={source.backendApi}
          tabPath={props.tabPath}
        />
      </>
    );
  }
  return <BrowserCoverageContent tabPath={props.tabPath} />;
}

/**
 * The catalog-wide page: every entity of the configured kinds with its
 * architecture doc's status, score, missing and placeholder sections and
 * broken links; a per-section summary; filters kept in the URL; CSV export.
 * @public
 */
export function ArchitectureDocsPage(props: ArchitectureDocsPageProps) {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const focusRing = useFocusRingStyles();
  return (
    <Page themeId="tool" className={focusRing.focusRing}>
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <Content data-testid="architecture-docs-page">
        <ArchitectureDocsErrorBoundary view="page">
          <CoverageContent
            tabPath={props.tabPath ?? DEFAULT_ARCHITECTURE_TAB_PATH}
          />
        </ArchitectureDocsErrorBoundary>
      </Content>
    </Page>
  );
}
