/**
 * A run's abort controller, made only when something asks for its signal or aborts it. Most
 * handlers never look at the signal, and an `AbortSignal` is costly to make (it is transferable):
 * with hundreds of runs a second, making one per run showed in the dispatch profile.
 */
export class LazyAbort {
  #controller: AbortController | undefined

  /** The signal handed to the handler; made on first use. */
  get signal(): AbortSignal {
    this.#controller ??= new AbortController()
    return this.#controller.signal
  }

  abort(reason: unknown): void {
    this.#controller ??= new AbortController()
    this.#controller.abort(reason)
  }
}
