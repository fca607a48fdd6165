// Forms holding input the user typed and has not saved register here. Anything that would
// throw that input away — the navigation bar, a tab, «Бас тарту», Escape — asks first
// (`mayLeave`), and the question is shown by LeaveDialog, mounted once in App.
import { onDestroy } from "svelte";

const dirtyChecks = new Set<() => boolean>();
const asking = $state<{ answer: ((leave: boolean) => void) | null }>({ answer: null });

/** Registers a form for as long as the calling component lives. */
export function trackUnsaved(isDirty: () => boolean): void {
  dirtyChecks.add(isDirty);
  onDestroy(() => dirtyChecks.delete(isDirty));
}

export function hasUnsaved(): boolean {
  return [...dirtyChecks].some((dirty) => dirty());
}

/** True at once when nothing would be lost; otherwise asks the user. */
export function mayLeave(): Promise<boolean> {
  if (!hasUnsaved()) return Promise.resolve(true);
  // A second request while the question is open (a double click) waits for the same answer.
  const earlier = asking.answer;
  return new Promise((resolve) => {
    asking.answer = (leave) => {
      asking.answer = null;
      earlier?.(leave);
      if (leave) dirtyChecks.clear();
      resolve(leave);
    };
  });
}

/** Runs `then` if the user may leave. */
export async function leaveThen(then: () => void): Promise<void> {
  if (await mayLeave()) then();
}

/**
 * For a form: `mark` when the user types (wire it to the form's input and change events),
 * `leave(close)` for its «Бас тарту», Escape and backdrop — it asks first when something
 * was typed.
 */
export function unsavedInput(): { mark: () => void; leave: (close: () => void) => () => void } {
  let dirty = false;
  trackUnsaved(() => dirty);
  return {
    mark: () => {
      dirty = true;
    },
    leave: (close) => () => void leaveThen(close),
  };
}

/** The open question, for LeaveDialog. */
export function pendingQuestion(): ((leave: boolean) => void) | null {
  return asking.answer;
}
