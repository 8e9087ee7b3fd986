import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { VisuallyHidden } from '../shared/visually-hidden';
import { useId } from 'react';
import type { DashboardSummary } from '../../src/shared/contract';
import { SEVERITY_LABELS, exactTime, formatCount, keysOf, type Severity } from '../shared/format';

const FILL: Record<Severity, string> = {
  error: token('color.background.danger.bold'),
  warning: token('color.background.warning.bold'),
  info: token('color.background.information.bold'),
};
const HEIGHT = 96;
const BAR = 20;
const GAP = 8;

/**
 * Open findings after each recent full scan, stacked by severity. Drawn as plain SVG (no chart
 * library in the bundle) with token colours, so light and dark both read; the same numbers are in a
 * visually hidden table for screen readers.
 */
export function TrendChart({ trend }: { trend: DashboardSummary['trend'] }) {
  const titleId = useId();
  if (trend.length < 2)
    return (
      <Text color="color.text.subtle" size="small">
        The trend appears after two full scans.
      </Text>
    );
  const max = Math.max(1, ...trend.map((t) => t.total));
  const barWidth = BAR;
  const WIDTH = trend.length * (BAR + GAP) - GAP;
  const first = trend[0];
  const last = trend[trend.length - 1];
  const summary =
    first && last
      ? `Open findings went from ${formatCount(first.total)} on ${exactTime(first.finishedAt)} to ${formatCount(last.total)} on ${exactTime(last.finishedAt)} over ${trend.length} scans.`
      : '';
  return (
    <Stack space="space.100">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        style={{ display: 'block' }}
        data-testid="trend-chart"
      >
        <title id={titleId}>{summary}</title>
        <line
          x1={0}
          x2={WIDTH}
          y1={HEIGHT - 0.5}
          y2={HEIGHT - 0.5}
          style={{ stroke: token('color.border') }}
        />
        {trend.map((t, i) => {
          let y = HEIGHT;
          return (
            <g key={t.scanId}>
              {keysOf(SEVERITY_LABELS).map((s) => {
                const h = (t.bySeverity[s] / max) * (HEIGHT - 4);
                y -= h;
                return h > 0 ? (
                  <rect
                    key={s}
                    x={i * (barWidth + GAP)}
                    y={y}
                    width={barWidth}
                    height={h}
                    style={{ fill: FILL[s] }}
                  />
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <Legend />
      <Text size="small" color="color.text.subtle">
        {summary}
      </Text>
      <VisuallyHidden>
        <table>
          <caption>Open findings after each scan</caption>
          <thead>
            <tr>
              <th scope="col">Finished</th>
              {keysOf(SEVERITY_LABELS).map((s) => (
                <th key={s} scope="col">
                  {SEVERITY_LABELS[s]}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {trend.map((t) => (
              <tr key={t.scanId}>
                <th scope="row">{exactTime(t.finishedAt)}</th>
                {keysOf(SEVERITY_LABELS).map((s) => (
                  <td key={s}>{t.bySeverity[s]}</td>
                ))}
                <td>{t.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Stack>
  );
}

function Legend() {
  return (
    <div
      aria-hidden="true"
      style={{ display: 'flex', gap: token('space.150'), font: token('font.body.small') }}
    >
      {keysOf(SEVERITY_LABELS).map((s) => (
        <span key={s} style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
          <span
            style={{ width: 10, height: 10, borderRadius: 2, background: FILL[s], display: 'inline-block' }}
          />
          <span style={{ color: token('color.text.subtle') }}>{SEVERITY_LABELS[s]}</span>
        </span>
      ))}
    </div>
  );
}
