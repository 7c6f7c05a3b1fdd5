import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface BarSeries {
  label: string;
  values: number[];
}

interface Props {
  /** The accessible name of the plot. */
  label: string;
  /** One per bar, in order. */
  categories: string[];
  series: BarSeries[];
  format: (value: number) => string;
}

// Distinguishable in light and dark themes, and for the common colour-vision deficiencies (Okabe–Ito).
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const HEIGHT = 220;

/** Stacked bars drawn by uPlot: the stack's top is the category's total, each series one band of it. */
export function StackedBars({ label, categories, series, format }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // uPlot draws bars from zero, so each band is its running total, drawn tallest first for the shorter to show.
    const running = series.map((_, i) => categories.map((__, j) => series.slice(0, i + 1).reduce((s, x) => s + (x.values[j] ?? 0), 0)));
    const order = series.map((_, i) => i).reverse();
    const bars = uPlot.paths.bars!({ size: [0.6, 80] });
    const plot = new uPlot(
      {
        width: Math.max(el.clientWidth, 240),
        height: HEIGHT,
        scales: { x: { time: false, range: [-0.5, categories.length - 0.5] }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
        axes: [
          { values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? (categories[v] ?? '') : '')), splits: () => categories.map((_, i) => i) },
          { values: (_u, ticks) => ticks.map(format), size: 70 },
        ],
        legend: { show: true },
        cursor: { points: { show: false } },
        series: [
          { label: '' },
          ...order.map((i) => ({
            label: series[i]!.label,
            fill: COLOURS[i % COLOURS.length],
            stroke: COLOURS[i % COLOURS.length],
            paths: bars,
            points: { show: false },
            // The legend says the band's own value, not the running total it is drawn at.
            value: (_u: uPlot, _v: number | null, _s: number, idx: number | null) => (idx === null ? '' : format(series[i]!.values[idx] ?? 0)),
          })),
        ],
      },
      [categories.map((_, i) => i), ...order.map((i) => running[i]!)],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(el.clientWidth, 240), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [categories, series, format]);

  return <div ref={box} className="usage-plot" role="img" aria-label={label} />;
}
