/**
 * Step-control icons drawn as SVG, so they show the same with any font. Each has a shape of its own, as in a video
 * editor: play is a lone triangle, a single step is a triangle against a bar (|▶, ◀|), and start and end are a double
 * triangle against a bar (|◀◀, ▶▶|), so "Play" and "Step forward" cannot be mistaken for each other.
 */
const paths = {
  start: 'M3 5h2.5v14H3zM13 5v14L6 12zM21 5v14l-7-7z',
  prev: 'M16 5h2.5v14H16zM14 5v14L5 12z',
  play: 'M6 3v18l15-9z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  next: 'M5.5 5H8v14H5.5zM10 5v14l9-7z',
  end: 'M3 5v14l7-7zM11 5v14l7-7zM18.5 5H21v14h-2.5z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false" data-icon={name}>
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
