/**
 * A modal dialog on the native <dialog>: showModal() makes the page behind it inert, moves
 * focus inside (to the first control), and Escape closes it; focus returns to the control that
 * opened it. Open and close it through the `open` prop.
 */
import { createEffect, createUniqueId, onCleanup, onMount, type JSX } from 'solid-js';

export function Dialog(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: JSX.Element;
}): JSX.Element {
  let dialog!: HTMLDialogElement;
  let opener: HTMLElement | null = null;
  const titleId = `dialog-title-${createUniqueId()}`;

  onMount(() => {
    const onClose = (): void => {
      props.onClose();
      opener?.focus();
      opener = null;
    };
    dialog.addEventListener('close', onClose);
    onCleanup(() => dialog.removeEventListener('close', onClose));
  });

  createEffect(() => {
    if (props.open && !dialog.open) {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!props.open && dialog.open) {
      dialog.close();
    }
  });

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={titleId}>
      <h2 id={titleId} class="dialog-title">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}
