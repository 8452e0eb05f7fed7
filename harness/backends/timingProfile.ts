import { AWS_TIMING, FAST_TIMING, type LambdaTiming } from '../lambda-service/LambdaTiming.ts';

/** The embedded stack's timing profiles, by the name `FANOUT_TIMING` (or `npm run features -- --aws-timing`) gives. */
export const TimingProfile = { fast: FAST_TIMING, aws: AWS_TIMING } as const satisfies Record<string, LambdaTiming>;
export type TimingProfileName = keyof typeof TimingProfile;

/** `FANOUT_TIMING`: `fast` (the default) or `aws`, the realistic profile of `harness/lambda-service/LambdaTiming.ts`. */
export function selectedTiming(env: NodeJS.ProcessEnv = process.env): LambdaTiming {
  const value = env.FANOUT_TIMING?.trim() || 'fast';
  if (!(value in TimingProfile)) {
    throw new Error(`unknown timing profile "${value}": choose one of ${Object.keys(TimingProfile).join(', ')} (FANOUT_TIMING or --aws-timing)`);
  }
  return TimingProfile[value as TimingProfileName];
}
