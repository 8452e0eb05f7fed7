import type { BuildAppOptions, buildApp } from 'fauxqs';

/** The Fastify app `buildApp` returns, before it listens. */
export type FauxqsApp = ReturnType<typeof buildApp>;

/** fauxqs's own stores, typed by its declarations (its package exports the types, not the classes). */
export type FauxqsStores = NonNullable<BuildAppOptions['stores']>;
export type SnsStore = FauxqsStores['snsStore'];
export type SqsStore = FauxqsStores['sqsStore'];
export type SnsTopic = NonNullable<ReturnType<SnsStore['getTopic']>>;
export type SnsSubscription = NonNullable<ReturnType<SnsStore['getSubscription']>>;
export type SqsQueue = NonNullable<ReturnType<SqsStore['getQueueByArn']>>;
export type SqsMessage = SqsQueue['inflightMessages'] extends Map<string, infer Entry extends { message: unknown }> ? Entry['message'] : never;

/** The stores the additions read and change; an addition whose store is absent leaves the request to fauxqs. */
export interface AdditionStores {
  snsStore?: SnsStore;
  sqsStore?: SqsStore;
}

/** An SNS Query request as fauxqs's form parser hands it over: flat `Member.N.Field` keys. */
export type QueryParams = Readonly<Record<string, string>>;

/** What an SNS addition decides: answer the request itself, or hand (possibly rewritten) parameters to fauxqs. */
export type SnsOutcome =
  | { readonly kind: 'answer'; readonly status: number; readonly xml: string }
  | { readonly kind: 'forward'; readonly params: QueryParams };

/** An SNS action addition: never sees HTTP, only the request parameters and the stores. */
export type SnsAddition = (params: QueryParams, stores: AdditionStores) => SnsOutcome;
