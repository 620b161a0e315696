/** Sets document.title for the current page ("Settings — Flotilla"). */
import { createEffect } from 'solid-js';

export function usePageTitle(title: () => string): void {
  createEffect(() => {
    document.title = `${title()} — Flotilla`;
  });
}
