import { ValueModel } from '../../../src/core/model/valueModel';
import type { ReportCommit } from '../../../src/core/report/buildReport';

/** The day every report test is made on. */
export const TODAY = '2026-03-01';

/**
 * `.value/` files with known totals and every kind of bad input the report must survive:
 * mixed currencies and periods, a release without outcome, an outcome in another currency,
 * zero and negative baselines, a release dated in the future, a deleted intent, HTML and
 * Markdown in text fields.
 */
export const FIXTURE_FILES: Readonly<Record<string, string>> = {
  '.value/config.yaml': 'currency: EUR\n',
  '.value/intents/checkout-speed.yaml': `id: checkout-speed
title: "<script>alert('title')</script> Faster checkout"
why: Every 100 ms costs 1% conversion.
owner: "payments | team *bold* [x](javascript:alert(1))"
sponsor: "<img src=x onerror=alert(1)>"
status: active
metric: { name: conversion, unit: "%", baseline: 2.1, target: 2.4 }
value: { amount: 120000, currency: EUR, per: year, confidence: medium }
`,
  '.value/intents/onboarding.yaml': `id: onboarding
title: Guided onboarding
why: Half of new shops never publish.
owner: growth
status: proposed
metric: { name: signups, baseline: 0, target: 10 }
value: { amount: 50000, currency: USD, per: quarter }
`,
  '.value/intents/huge.yaml': `id: huge
title: Very large numbers
why: Numbers this size must still print.
owner: finance
status: dropped
value: { amount: 9000000000000000000000, currency: JPY, per: once, confidence: low }
`,
  '.value/releases/1.0.0.yaml': `release: 1.0.0
branch: release/1.0.0
base: main
created: 2025-06-01
expected:
  summary: Faster checkout lifts conversion.
  intents: [checkout-speed]
  measures:
    - { metric: conversion, baseline: 2.1, target: 2.3, review: 2025-08-15 }
    - { metric: checkout errors, baseline: 10, target: 5 }
    - { metric: refund cost, baseline: -5, target: -10 }
  value: { amount: 60000, currency: EUR, per: year }
outcome:
  recorded: 2025-09-01
  measures:
    - { metric: conversion, actual: 2.25, verdict: partial }
    - { metric: checkout errors, actual: 4, verdict: met }
    - { metric: refund cost, actual: -7.5 }
  value: { amount: 45000, currency: EUR, per: year }
  notes: Mobile Safari regression ate part of the gain.
`,
  '.value/releases/1.1.0.yaml': `release: 1.1.0
branch: release/1.1.0
base: main
created: 2026-01-10
author: "Eve <eve@example.com>"
expected:
  summary: "Onboarding & checkout | both <b>better</b>"
  intents: [checkout-speed, onboarding]
  measures:
    - { metric: conversion, baseline: 2.25, target: 2.4 }
    - { metric: signups, baseline: 0, target: 10 }
  value: { amount: 30000, currency: EUR, per: year }
outcome:
  recorded: 2026-02-20
  measures:
    - { metric: conversion, actual: 2.0, verdict: missed }
    - { metric: signups, actual: 4, verdict: partial }
  value: { amount: 10000, currency: USD, per: year }
  notes: "<img src=x onerror=alert(1)> measured in dollars"
`,
  '.value/releases/2.0.0.yaml': `release: 2.0.0
branch: release/2.0.0
base: main
created: 2026-02-01
expected:
  summary: Retire the old flow.
  intents: [checkout-speed, deleted-intent]
  measures:
    - { metric: conversion, target: 2.5, review: 2026-02-15 }
  value: { amount: 25000, currency: EUR, per: year }
`,
  '.value/releases/2.1.0.yaml': `release: 2.1.0
branch: release/2.1.0
base: main
created: 2026-02-25
expected:
  summary: More shops sign up.
  intents: [onboarding]
  measures:
    - { metric: signups, baseline: 0, target: 10, review: 2026-04-01 }
  value: { amount: 5000, currency: USD, per: quarter }
`,
  '.value/releases/3.0.0.yaml': `release: 3.0.0
branch: release/3.0.0
base: main
created: 2026-12-01
expected:
  summary: Planned ahead.
  intents: []
  value: { amount: 1000, currency: EUR, per: once }
`,
};

/** Commits with dates and trailer ids: 7 in all, 3 linked; `ghost` names no intent. */
export const FIXTURE_COMMITS: readonly ReportCommit[] = [
  { sha: 'c7', date: '2026-05-01T10:00:00+02:00', trailerIds: [] },
  { sha: 'c6', date: '2026-02-28T10:00:00+01:00', trailerIds: [] },
  { sha: 'c5', date: '2026-02-27T10:00:00+01:00', trailerIds: ['checkout-speed'] },
  { sha: 'c4', date: '2026-02-10T10:00:00+01:00', trailerIds: ['ghost'] },
  { sha: 'c3', date: '2026-01-15T10:00:00+01:00', trailerIds: ['onboarding', 'ghost'] },
  { sha: 'c2', date: '2025-08-20T10:00:00+02:00', trailerIds: [] },
  { sha: 'c1', date: '2025-08-10T10:00:00+02:00', trailerIds: ['checkout-speed'] },
];

export function fixtureModel(files: Readonly<Record<string, string>> = FIXTURE_FILES): ValueModel {
  const model = new ValueModel();
  for (const [file, text] of Object.entries(files)) model.setFile(file, text);
  return model;
}
