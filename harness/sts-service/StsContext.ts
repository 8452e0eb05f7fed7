/** Temporary credentials STS handed out, for the stack to accept their signatures until they expire. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
}

/** What STS actions know: the account every caller belongs to, and who is told of credentials it issues. */
export interface StsContext {
  readonly accountId: string;
  readonly onCredentialsIssued?: (credentials: IssuedCredentials) => void;
}
