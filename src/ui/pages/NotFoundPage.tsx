/** Shown for an unknown route, with a way back to the dashboard. */
import type { JSX } from 'solid-js';
import { usePageTitle } from '../pageTitle';
import { href } from '../router';

export function NotFoundPage(props: { path: string }): JSX.Element {
  usePageTitle(() => 'Page not found');
  return (
    <section class="page narrow">
      <h1 tabindex="-1">Page not found</h1>
      <p>
        There is no page at <code>{props.path}</code>.
      </p>
      <p>
        <a class="button button-primary" href={href('/')}>
          Go to the dashboard
        </a>
      </p>
    </section>
  );
}
