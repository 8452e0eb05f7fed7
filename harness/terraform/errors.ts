/** A terraform command exited non-zero; the message ends with the tail of its output. */
export class TerraformCommandError extends Error {
  override readonly name = 'TerraformCommandError';
}
