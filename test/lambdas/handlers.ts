import { handler as fraudScreening } from '../../lambdas/fraud-screening/handler.ts';
import { handler as orderProcessor } from '../../lambdas/order-processor/handler.ts';
import { handler as userNotification } from '../../lambdas/user-notification/handler.ts';
import type { ConsumerHandler } from '../../lambdas/shared/createConsumerHandler.ts';

/** Every consumer handler, for behaviour all of them share. Import `./environment.ts` before this module. */
export const consumerHandlers: [consumer: string, handler: ConsumerHandler][] = [
  ['fraud-screening', fraudScreening],
  ['order-processor', orderProcessor],
  ['user-notification', userNotification],
];
