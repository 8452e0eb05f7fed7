/** No Docker engine answers: the localstack backend cannot run here. The message is one line saying what to do. */
export class DockerUnavailableError extends Error {
  override readonly name = 'DockerUnavailableError';
}

/** The chosen LocalStack image does not start without `LOCALSTACK_AUTH_TOKEN`. */
export class LocalStackAuthTokenError extends Error {
  override readonly name = 'LocalStackAuthTokenError';
}

/** `dist/lambdas/<consumer>.zip` is missing for a consumer of the topology. */
export class LambdaBundlesMissingError extends Error {
  override readonly name = 'LambdaBundlesMissingError';
}
