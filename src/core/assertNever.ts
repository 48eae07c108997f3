/** The one compile-time exhaustiveness check for switches over unions; reaching it at run time is a bug, named by its value. */
export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}
