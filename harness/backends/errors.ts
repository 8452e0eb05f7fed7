/** Terraform outputs that are missing, not JSON, or lack what the specs need. */
export class TerraformOutputsError extends Error {
  override readonly name = 'TerraformOutputsError';
}

/** A setting a backend needs (an environment variable or option) is missing or malformed. */
export class BackendSettingError extends Error {
  override readonly name = 'BackendSettingError';
}

/** A stack the harness did not start is not running, not reachable, or not provisioned. */
export class StackUnreachableError extends Error {
  override readonly name = 'StackUnreachableError';
}
