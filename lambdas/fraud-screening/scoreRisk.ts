import type { OrderPlaced } from '../../contracts/index.ts';

/**
 * Points per risk signal. Totals are in minor units and currency-blind, like the subscription's filter
 * policy (`orderTotal >= 50000`) that decides which orders reach this consumer at all.
 */
export const RiskRules = {
  totalTiers: [
    { atLeast: 250_000, points: 60, reason: 'total>=250000' },
    { atLeast: 100_000, points: 40, reason: 'total>=100000' },
    { atLeast: 50_000, points: 20, reason: 'total>=50000' },
  ],
  unitTiers: [
    { atLeast: 50, points: 30, reason: 'units>=50' },
    { atLeast: 10, points: 15, reason: 'units>=10' },
  ],
  noEmail: { points: 25, reason: 'no-email' },
  disposableEmail: { points: 25, reason: 'disposable-email-domain' },
  disposableDomains: ['mailinator.com', 'guerrillamail.com', '10minutemail.com', 'trashmail.com', 'yopmail.com'],
  levels: [
    { atLeast: 60, level: 'high' },
    { atLeast: 30, level: 'medium' },
    { atLeast: 0, level: 'low' },
  ],
} as const;

export type RiskLevel = (typeof RiskRules.levels)[number]['level'];

export interface RiskAssessment {
  score: number;
  level: RiskLevel;
  reasons: string[];
}

/** A deterministic risk score from the order alone: the same event always scores the same. */
export function scoreRisk(event: OrderPlaced): RiskAssessment {
  const signals: { points: number; reason: string }[] = [];
  const totalTier = RiskRules.totalTiers.find((tier) => event.total >= tier.atLeast);
  if (totalTier) signals.push(totalTier);
  const units = event.items.reduce((sum, item) => sum + item.quantity, 0);
  const unitTier = RiskRules.unitTiers.find((tier) => units >= tier.atLeast);
  if (unitTier) signals.push(unitTier);
  const email = event.customer.email;
  if (!email) signals.push(RiskRules.noEmail);
  else if (isDisposable(email)) signals.push(RiskRules.disposableEmail);

  const score = Math.min(100, signals.reduce((sum, signal) => sum + signal.points, 0));
  const level = RiskRules.levels.find((tier) => score >= tier.atLeast)?.level ?? 'low';
  return { score, level, reasons: signals.map((signal) => signal.reason) };
}

function isDisposable(email: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return RiskRules.disposableDomains.some((disposable) => domain === disposable || domain.endsWith(`.${disposable}`));
}

/** The outcome detail, e.g. `risk=high score=65 reasons=total>=250000,no-email`. */
export function describeRisk(assessment: RiskAssessment): string {
  return `risk=${assessment.level} score=${assessment.score} reasons=${assessment.reasons.join(',') || 'none'}`;
}
