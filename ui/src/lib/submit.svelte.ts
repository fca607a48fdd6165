// One form's submission, as the sign-in screens share it: busy while it runs, and the
// message of the problem it ended with.
import { asProblem, type Problem } from "./api";
import { problemText } from "./i18n.svelte";

export class Submission {
  busy = $state(false);
  error = $state<string | null>(null);

  /** Runs `action`; a problem it throws becomes `error`, unless `taken` handles it. */
  async run(action: () => Promise<void>, taken: (p: Problem) => boolean = () => false): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await action();
    } catch (e) {
      const p = asProblem(e);
      if (!taken(p)) this.error = problemText(p);
    } finally {
      this.busy = false;
    }
  }
}
