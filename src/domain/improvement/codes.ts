/**
 * The code lists of improvement work (docs/domain.md, "Quality Improvement objects"): the agencies a
 * test of change involves, its status and scale, and the decision an Act makes. Each list is the
 * single source of its values; labels are for people who do not read codes.
 */

export const agencies = ['social-work', 'legal', 'health', 'education', 'scra', 'chs', 'courts', 'other'] as const;
export type Agency = (typeof agencies)[number];

export const agencyLabels: Readonly<Record<Agency, string>> = {
  'social-work': 'Social work',
  legal: 'Legal services',
  health: 'Health',
  education: 'Education',
  scra: 'SCRA (the Reporter)',
  chs: "Children's Hearings Scotland",
  courts: 'Courts',
  other: 'Other',
};

export const testStatuses = ['idea', 'testing', 'adapting', 'adopted', 'abandoned', 'business-as-usual'] as const;
export type TestStatus = (typeof testStatuses)[number];

export const testStatusLabels: Readonly<Record<TestStatus, string>> = {
  idea: 'Idea',
  testing: 'Testing',
  adapting: 'Adapting',
  adopted: 'Adopted',
  abandoned: 'Abandoned',
  'business-as-usual': 'Business as usual',
};

export const testScales = ['one-team', 'locality', 'authority'] as const;
export type TestScale = (typeof testScales)[number];

export const testScaleLabels: Readonly<Record<TestScale, string>> = {
  'one-team': 'One team',
  locality: 'A locality',
  authority: 'The whole authority',
};

export const actDecisions = ['adopt', 'adapt', 'abandon'] as const;
export type ActDecision = (typeof actDecisions)[number];

export const actDecisionLabels: Readonly<Record<ActDecision, string>> = {
  adopt: 'Adopt',
  adapt: 'Adapt',
  abandon: 'Abandon',
};

export function isAgency(value: string): value is Agency {
  return (agencies as readonly string[]).includes(value);
}

export function isTestStatus(value: string): value is TestStatus {
  return (testStatuses as readonly string[]).includes(value);
}

export function isTestScale(value: string): value is TestScale {
  return (testScales as readonly string[]).includes(value);
}

export function isActDecision(value: string): value is ActDecision {
  return (actDecisions as readonly string[]).includes(value);
}
