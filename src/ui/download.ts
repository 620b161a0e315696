/**
 * Saves text as a file on the user's device: a Blob URL followed by a temporary
 * `<a download>` (works offline, needs no server); the URL is released shortly after.
 */

/** How long the Blob URL outlives the click, so the browser can start reading it. */
const RELEASE_DELAY_MS = 10_000;

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_DELAY_MS);
}
