import type { Problem } from "./bindings";

/** A command's `Problem`, thrown so callers can use try/catch. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

/** Turns anything a command threw into a `Problem` the UI can show. */
export function asProblem(e: unknown): Problem {
  if (e instanceof ProblemError) return e.problem;
  return { code: "internal", params: { reason: String(e) }, fields: [] };
}
