import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Node request listener that answers one AWS service's wire protocol; it reads the body itself. */
export type ServiceHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** An emulated AWS service that the one-endpoint edge can route requests to. */
export interface EmulatedService {
  /** The SigV4 signing name of the service (`iam`, `sts`, `logs`, `lambda`, `sns`, `sqs`). */
  readonly signingName: string;
  readonly handle: ServiceHandler;
}
