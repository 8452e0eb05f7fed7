/** The live topology cannot be read as "topic -> queue -> Lambda"; the message says which piece is off. */
export class DiscoveryError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A filter policy uses a construct this matcher does not evaluate, so expectations would be guesses. */
export class UnsupportedFilterPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
