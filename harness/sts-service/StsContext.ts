/** What STS actions know: the account every caller belongs to. */
export interface StsContext {
  readonly accountId: string;
}
