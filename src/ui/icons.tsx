/** Step-control icons drawn as SVG, so they show the same with any font. */
const paths = {
  start: 'M5 4h2v16H5zM19 4v16L8 12z',
  prev: 'M18 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  next: 'M6 4v16l12-8z',
  end: 'M17 4h2v16h-2zM5 4v16l11-8z',
} as const;

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
