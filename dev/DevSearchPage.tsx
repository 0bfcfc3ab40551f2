import { Content, Header, Page } from '@backstage/core-components';
import { SearchBar, SearchResult } from '@backstage/plugin-search-react';
import { Grid } from '@material-ui/core';
import { ArchitectureDocSearchResultListItem } from '../src';

/**
 * The dev portal's search page, laid out as an app's search page is: the
 * search bar and the results of the dev backend's search API, each
 * architecture doc listed by the plugin's result item. Mounted under the
 * search plugin's `SearchPage`, which keeps the query in the URL.
 */
export const DevSearchPage = () => (
  <Page themeId="home">
    <Header
      title="Search"
      subtitle="Architecture docs indexed by the dev backend's search module"
    />
    <Content>
      <Grid container direction="column" spacing={2}>
        <Grid item>
          <SearchBar />
        </Grid>
        <Grid item>
          <SearchResult>
            <ArchitectureDocSearchResultListItem />
          </SearchResult>
        </Grid>
      </Grid>
    </Content>
  </Page>
);
