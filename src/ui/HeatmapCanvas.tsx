import { useEffect, useRef, useState } from 'react';
import { formatFull } from '../core/index.ts';
import { heatCss, paintCanvas, scaleLimit } from '../render/heatmap.ts';
import { extent, rangeText } from '../render/tensor-geometry.ts';

interface HeatmapProps {
  readonly values: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
  /** Names element k on hover: `W[0, 1]`. */
  readonly name: (k: number) => string;
  readonly label: string;
  readonly testId: string;
  /** Largest side on screen, in CSS pixels. */
  readonly size?: number;
}

/** A heatmap as one canvas (one pixel per cell, scaled up unsmoothed), its scale's ends, and the cell under the pointer. */
export function HeatmapCanvas({ values, rows, cols, name, label, testId, size = 256 }: HeatmapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState(-1);
  useEffect(() => {
    if (canvas.current) paintCanvas(canvas.current, values, rows, cols);
  }, [values, rows, cols]);
  const cell = Math.max(1, Math.min(24, Math.floor(size / Math.max(rows, cols))));
  const { min, max } = extent(values);
  const limit = scaleLimit(values);
  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - box.left) / box.width) * cols);
    const row = Math.floor(((e.clientY - box.top) / box.height) * rows);
    const k = row * cols + col;
    setHover(col >= 0 && col < cols && row >= 0 && k < values.length ? k : -1);
  };
  return (
    <figure className="heatmap-figure" data-testid={testId}>
      <canvas
        ref={canvas}
        className="heatmap-canvas"
        style={{ width: cols * cell, height: rows * cell }}
        role="img"
        aria-label={`${label}: heatmap of ${values.length} numbers from ${formatFull(min)} to ${formatFull(max)}`}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(-1)}
      />
      <figcaption>
        <span className="heat-scale" aria-hidden="true">
          <span className="swatch" style={{ background: heatCss(-limit, limit) }} /> −{formatFull(limit)}
          <span className="swatch" style={{ background: heatCss(0, limit) }} /> 0
          <span className="swatch" style={{ background: heatCss(limit, limit) }} /> {formatFull(limit)}
        </span>
        <span className="heat-range">{label}: {rangeText(min, max)}</span>
        <output className="heat-hover" data-testid={`${testId}.hover`}>
          {hover >= 0 ? `${name(hover)} = ${formatFull(values[hover] as number)}` : ' '}
        </output>
      </figcaption>
    </figure>
  );
}
