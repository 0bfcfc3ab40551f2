// The coverage API queries the backend benchmark measures, shared with the
// tool that measures them alone (backend/dev/perf/measureCoverageQueries.ts):
// filtered (owner, doc status, section status, text, lifecycle with a score
// range, system) and sorted, each as the page's URL query.

/** The queries, with `section` the template section the section filter asks about. */
export function coverageQueries(section) {
  return [
    'owner=group:team-07&sort=score&dir=desc',
    'status=analysed&sort=entity',
    `section=${section}&sectionStatus=missing&sort=owner`,
    'q=orders&sort=score&dir=asc',
    'lifecycle=production&minScore=40&maxScore=90&sort=missing&dir=desc',
    'system=billing-platform&sort=brokenLinks&dir=desc',
  ];
}
