/** A file name from a deck's title: letters and digits kept, anything else a dash, `.deck.json` after it. */
export function deckFileName(title: string): string {
  const stem = title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${stem || 'deck'}.deck.json`;
}

/** Saves text as a file the way a browser downloads one: a Blob behind an `<a download>` clicked once. */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** Saves a Blob (a PNG, say) as a file. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // NOTE: revoking at once can cancel the download in some browsers; a moment later it has started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
