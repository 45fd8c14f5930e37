import { useEffect, useRef, useState } from 'react';
import { formatCalendarDay, formatNumber } from '../format.ts';

export type DaySeries = { key: string; label: string; className: string };
export type Day = { date: string } & Record<string, number | string>;

/**
 * A grouped bar chart of counts per day, drawn as SVG. The picture is for sighted users; the same numbers are a
 * table (shown on request) that screen readers are pointed to, so nothing lives only in the drawing.
 */
export function DayChart({ id, title, days, series }: { id: string; title: string; days: Day[]; series: DaySeries[] }) {
  const width = useWidth();
  const height = 220;
  const pad = { top: 12, right: 8, bottom: 28, left: 40 };
  const plotW = width.px - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...days.flatMap((d) => series.map((s) => Number(d[s.key]) || 0)));
  const top = niceCeiling(max);
  const slot = plotW / Math.max(days.length, 1);
  const bar = Math.max(2, (slot * 0.8) / series.length);
  const y = (v: number) => pad.top + plotH - (v / top) * plotH;
  // Day labels as often as they fit (about 48 px each), always including today's.
  const every = Math.max(1, Math.ceil(48 / slot));
  const ticks = [0, top / 2, top].filter((v, i, all) => Number.isInteger(v) && all.indexOf(v) === i);
  const total = (key: string) => days.reduce((sum, d) => sum + (Number(d[key]) || 0), 0);
  const summary = series.map((s) => `${s.label} ${formatNumber(total(s.key))}`).join(', ');

  return (
    <figure className="day-chart" aria-labelledby={`${id}-caption`} ref={width.ref}>
      <figcaption id={`${id}-caption`} className="day-chart-caption">
        {title}: {summary}.
      </figcaption>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s) => <li key={s.key}><span className={`legend-swatch ${s.className}`} />{s.label}</li>)}
      </ul>
      <svg width={width.px} height={height} viewBox={`0 0 ${width.px} ${height}`} role="img" aria-labelledby={`${id}-caption`} aria-describedby={`${id}-table-note`} className="day-chart-svg">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width.px - pad.right} y1={y(v)} y2={y(v)} className="chart-grid" />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="chart-axis">{formatNumber(v)}</text>
          </g>
        ))}
        {days.map((d, i) => {
          const x0 = pad.left + i * slot + slot * 0.1;
          return (
            <g key={d.date}>
              {series.map((s, j) => {
                const v = Number(d[s.key]) || 0;
                return (
                  <rect key={s.key} x={x0 + j * bar} y={y(v)} width={Math.max(bar - 1, 1)} height={pad.top + plotH - y(v)} className={s.className}>
                    <title>{`${formatCalendarDay(d.date, 'long')}: ${s.label} ${formatNumber(v)}`}</title>
                  </rect>
                );
              })}
              {(days.length - 1 - i) % every === 0 ? (
                <text x={pad.left + i * slot + slot / 2} y={height - 8} textAnchor="middle" className="chart-axis">{formatCalendarDay(d.date)}</text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details className="chart-table">
        <summary id={`${id}-table-note`}>Show the numbers as a table</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr><th scope="col">Day</th>{series.map((s) => <th key={s.key} scope="col" className="num">{s.label}</th>)}</tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{formatCalendarDay(d.date, 'long')}</th>
                  {series.map((s) => <td key={s.key} className="num">{formatNumber(Number(d[s.key]) || 0)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** 1, 2, 5 × 10ⁿ at or above the value, so the axis reads in round numbers. */
function niceCeiling(n: number): number {
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return Math.max(step * power, 2);
  return 10 * power;
}

/** The figure's width in CSS pixels, followed as the window resizes, so bars and labels are drawn at their size. */
function useWidth() {
  const ref = useRef<HTMLElement>(null);
  const [px, setPx] = useState(640);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => { if (entry) setPx(Math.max(240, Math.floor(entry.contentRect.width))); });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, px };
}
