import { useMemo, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Button, makeStyles, Typography, useTheme } from '@material-ui/core';
import type {
  CoverageHistoryPoint,
  IndexedTemplateSection,
} from 'backstage-plugin-architecture-docs-common';
import { architectureDocsTranslationRef } from '../../translation';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 16, bottom: 28, left: 40 };

const useStyles = makeStyles(theme => ({
  chart: { width: '100%', maxWidth: WIDTH, height: 'auto', display: 'block' },
  axis: { stroke: theme.palette.text.secondary, strokeWidth: 1 },
  grid: { stroke: theme.palette.divider, strokeWidth: 1 },
  label: { fill: theme.palette.text.primary, fontSize: 11 },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    margin: theme.spacing(1, 0),
    fontSize: '0.8rem',
    listStyle: 'none',
    padding: 0,
  },
  swatch: {
    display: 'inline-block',
    width: 14,
    height: 3,
    marginRight: 4,
    verticalAlign: 'middle',
  },
  table: {
    borderCollapse: 'collapse',
    fontSize: '0.8rem',
    '& th, & td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.palette.divider}`,
      textAlign: 'right',
    },
    '& th:first-child, & td:first-child': { textAlign: 'left' },
  },
}));

/** One line of the chart: its name, colour and value (0–100) per point. */
interface ChartSeries {
  id: string;
  name: string;
  color: string;
  values: (number | null)[];
  width: number;
}

/** Section lines in colours that read on both themes' papers. */
const SECTION_COLORS = {
  light: ['#1b5e20', '#4a148c', '#e65100', '#006064', '#880e4f', '#3e2723'],
  dark: ['#81c784', '#ce93d8', '#ffb74d', '#4dd0e1', '#f48fb1', '#bcaaa4'],
};

/** The SVG path through the known values; gaps where a day has none. */
function linePath(
  values: (number | null)[],
  x: (index: number) => number,
  y: (value: number) => number,
): string {
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(index).toFixed(1)},${y(value).toFixed(1)}`;
    drawing = true;
  });
  return path;
}

/** Numbers the charts of the page, for their element ids. */
let nextChartId = 0;

function percent(value: number | null): string {
  return value === null ? '—' : String(Math.round(value));
}

/** Props of {@link CoverageHistoryChart}. */
export interface CoverageHistoryChartProps {
  /** Daily points, oldest first. */
  points: CoverageHistoryPoint[];
  sections: readonly IndexedTemplateSection[];
}

/**
 * The filtered view's history: the average score and each section's
 * coverage (share of docs with it present), in percent, per day, as a line
 * chart. The chart is one image for screen readers, named by its range; the
 * same figures are a table behind a button, for keyboards and screen readers.
 */
export function CoverageHistoryChart(props: CoverageHistoryChartProps) {
  const { points, sections } = props;
  const classes = useStyles();
  const theme = useTheme();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const [showTable, setShowTable] = useState(false);
  // Not `useId`: the plugin supports React 16 and 17 too.
  const [id] = useState(() => `coverage-history-${(nextChartId += 1)}`);
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;

  const series = useMemo((): ChartSeries[] => {
    const colors =
      SECTION_COLORS[theme.palette.type === 'dark' ? 'dark' : 'light'];
    return [
      {
        id: 'score',
        name: t('index.history.score'),
        color: theme.palette.text.primary,
        values: points.map(point => point.averageScore),
        width: 3,
      },
      ...sections.map((section, index) => ({
        id: section.id,
        name: section.title,
        color: colors[index % colors.length],
        values: points.map(point => {
          const share = point.sectionPresentShare[section.id];
          return typeof share === 'number' ? share * 100 : null;
        }),
        width: 1.5,
      })),
    ];
  }, [points, sections, theme, t]);

  let body;
  if (points.length === 0) {
    body = (
      <Typography variant="body2" data-testid="coverage-history-empty">
        {t('index.history.empty')}
      </Typography>
    );
  } else {
    const from = points[0].day;
    const to = points[points.length - 1].day;
    const innerWidth = WIDTH - PAD.left - PAD.right;
    const innerHeight = HEIGHT - PAD.top - PAD.bottom;
    const x = (index: number) =>
      PAD.left +
      (points.length === 1
        ? innerWidth / 2
        : (index / (points.length - 1)) * innerWidth);
    const y = (value: number) =>
      PAD.top +
      innerHeight -
      (Math.max(0, Math.min(100, value)) / 100) * innerHeight;
    body = (
      <>
        <svg
          className={classes.chart}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={titleId}
          data-testid="coverage-history-chart"
        >
          <title id={titleId}>
            {t('index.history.chartLabel', { from, to })}
          </title>
          {[0, 25, 50, 75, 100].map(tick => (
            <g key={tick} aria-hidden="true">
              <line
                className={tick === 0 ? classes.axis : classes.grid}
                x1={PAD.left}
                x2={WIDTH - PAD.right}
                y1={y(tick)}
                y2={y(tick)}
              />
              <text
                className={classes.label}
                x={PAD.left - 6}
                y={y(tick) + 4}
                textAnchor="end"
              >
                {tick}
              </text>
            </g>
          ))}
          <g aria-hidden="true">
            <text
              className={classes.label}
              x={x(0)}
              y={HEIGHT - 8}
              textAnchor="start"
            >
              {from}
            </text>
            {points.length > 1 && (
              <text
                className={classes.label}
                x={x(points.length - 1)}
                y={HEIGHT - 8}
                textAnchor="end"
              >
                {to}
              </text>
            )}
            {series.map(line => (
              <g key={line.id} data-series={line.id}>
                <path
                  d={linePath(line.values, x, y)}
                  fill="none"
                  stroke={line.color}
                  strokeWidth={line.width}
                />
                {line.values.map((value, index) =>
                  value === null ? null : (
                    <circle
                      key={index}
                      cx={x(index)}
                      cy={y(value)}
                      r={line.width + 0.5}
                      fill={line.color}
                    />
                  ),
                )}
              </g>
            ))}
          </g>
        </svg>
        <ul className={classes.legend} aria-hidden="true">
          {series.map(line => (
            <li key={line.id}>
              <span
                className={classes.swatch}
                style={{ background: line.color, height: line.width + 1 }}
              />
              {line.name}
            </li>
          ))}
        </ul>
        <Button
          size="small"
          variant="outlined"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable(shown => !shown)}
        >
          {showTable
            ? t('index.history.hideTable')
            : t('index.history.showTable')}
        </Button>
        {showTable && (
          <table
            id={tableId}
            className={classes.table}
            data-testid="coverage-history-table"
          >
            <caption>{t('index.history.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('index.history.day')}</th>
                <th scope="col">{t('index.history.docs')}</th>
                {series.map(line => (
                  <th scope="col" key={line.id}>
                    {line.id === 'score' ? line.name : `${line.name} (%)`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((point, index) => (
                <tr key={point.day}>
                  <th scope="row">{point.day}</th>
                  <td>{point.docs}</td>
                  {series.map(line => (
                    <td key={line.id}>{percent(line.values[index])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    );
  }
  return (
    <InfoCard
      title={t('index.history.title')}
      titleTypographyProps={{ component: 'h2' }}
      subheader={t('index.history.subtitle')}
    >
      <div data-testid="coverage-history">{body}</div>
    </InfoCard>
  );
}
