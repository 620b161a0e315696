/**
 * Whether an element is on screen, from one IntersectionObserver shared by the page. A long
 * list uses it to update only the rows one can see: with 100 bots streaming, re-rendering and
 * repainting every row's live figures several times a second is most of the main thread's
 * work (npm run bench -- dashboard), for rows nobody is looking at.
 */
import { createSignal, onCleanup, onMount, type Accessor } from 'solid-js';

/** Rows just outside the viewport count as visible, so scrolling shows fresh figures. */
const ROOT_MARGIN = '200px 0px';

const watchers = new Map<Element, (isVisible: boolean) => void>();
let observer: IntersectionObserver | undefined;

function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) watchers.get(entry.target)?.(entry.isIntersecting);
    },
    { rootMargin: ROOT_MARGIN },
  );
  return observer;
}

/**
 * A signal that is true while `element()` is on (or near) the screen. True until the first
 * report, and always true where IntersectionObserver does not exist.
 */
export function createVisibility(element: () => Element | undefined): Accessor<boolean> {
  const [isVisible, setVisible] = createSignal(true);
  if (typeof IntersectionObserver === 'undefined') return isVisible;
  onMount(() => {
    const target = element();
    if (!target) return;
    watchers.set(target, setVisible);
    sharedObserver().observe(target);
    onCleanup(() => {
      watchers.delete(target);
      observer?.unobserve(target);
    });
  });
  return isVisible;
}

/**
 * `read()` while visible; while hidden, the last value read (without tracking what `read`
 * depends on, so a hidden row does not re-render on every live update).
 */
export function whileVisible<T>(isVisible: Accessor<boolean>, read: () => T): (previous?: T) => T {
  let hasValue = false;
  let last: T;
  return () => {
    if (isVisible() || !hasValue) {
      last = read();
      hasValue = true;
    }
    return last;
  };
}
