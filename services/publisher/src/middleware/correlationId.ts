import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { CORRELATION_ID_HEADER } from '../../../../contracts/index.ts';
import type { PublisherState } from '../types.ts';

/** What a caller-supplied correlation id may look like; anything else is replaced, not echoed. */
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export const CORRELATION_ID_RESPONSE_HEADER = 'X-Correlation-Id';

export interface CorrelationIdOptions {
  logger: Logger;
  newId: () => string;
}

/** Adopts a valid `X-Correlation-Id` or mints one, echoes it on every response and binds it to a child logger. */
export function correlationId(options: CorrelationIdOptions): Middleware<PublisherState> {
  return async function correlationId(ctx, next) {
    const supplied = ctx.get(CORRELATION_ID_HEADER);
    const id = CORRELATION_ID_PATTERN.test(supplied) ? supplied : options.newId();
    ctx.state.correlationId = id;
    ctx.state.logger = options.logger.child({ correlationId: id });
    ctx.set(CORRELATION_ID_RESPONSE_HEADER, id);
    await next();
  };
}
