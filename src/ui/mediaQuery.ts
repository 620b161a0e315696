/** A CSS media query as a signal, e.g. to swap the bots table for cards on narrow screens. */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export function createMediaQuery(query: string): Accessor<boolean> {
  if (typeof matchMedia === 'undefined') return () => false;
  const list = matchMedia(query);
  const [matches, setMatches] = createSignal(list.matches);
  const onChange = (event: MediaQueryListEvent): void => {
    setMatches(event.matches);
  };
  list.addEventListener('change', onChange);
  onCleanup(() => list.removeEventListener('change', onChange));
  return matches;
}
