// Texts for the quick-reader tests: files as teams and Value Lens write them, and a seeded
// mutator that bends them into the edge cases of YAML.

export const INTENT = `# Why we make checkout faster
id: checkout-speed
title: "Faster checkout \\"now\\" \\u00e9"
why: >
  Cart abandonment is 68%; each second
  of delay costs about 1% conversion.

  Second paragraph.
owner: payments-team  # the team
sponsor: 'Head of ''Commerce'''
status: active
metric: { name: checkout conversion, unit: "%", baseline: 2.1, target: 2.40 }
value: {amount: 120000, currency: EUR, per: year, confidence: medium}
paths:
  - "src/checkout/**"
  - '!src/checkout/legacy/**'
  - docs/checkout/*.md
branches: ["feature/checkout-*", hotfix/*]
links: []
notes: |
  line one
  line two
extra: ~
empty:
flags: { a: true, b: False, c: null, d: .inf, e: -.INF, f: .nan, g: 0o17, h: 0x1F, i: +12, j: 1e3, k: 007, l: 1_000, m: 2026-01-10 }
`;

export const RELEASE = `release: 2.4.0
branch: release/2.4.0
base: main
created: 2026-01-10
author: Dana <dana@example.com>
expected:
  summary: Release 2.4.0 should lift cart conversion to 2.3%.
  intents: [checkout-speed, search-relevance]
  measures:
    - { metric: checkout conversion, baseline: 2.1, target: 2.3, review: 2026-12-10 }
    - metric: search clicks
      baseline: 10
      review: 2026-12-11
  value: { amount: 5000, currency: EUR, per: year }
outcome:
  recorded: 2026-12-20
  measures:
  - { metric: checkout conversion, actual: 2.25, verdict: partial }
  -
    metric: x
  notes: >-
    Mobile Safari regression
    ate part of the gain.
`;

export const CONFIG = `releaseBranches:
  - release/*
  - "hotfix/*"
baseBranch: main
trailer: Intent
currency: EUR
constructor: 1
toString: two
`;

export const CORPUS = [INTENT, RELEASE, CONFIG];

const PIECES = [' ', '  ', '\n', '\n  ', ':', ': ', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '>', '|', '-', '+', 'a', 'Z', '0', '1.5', '.', '\\', '\\u0041', '&a', '*a', '!', '?', '%', '@', '~', 'null', 'true', '\t', '\r\n', 'key: v\n', '  - x\n', '\n\n', 'é', '---\n', 'a: b: c'];

/** A small seeded generator, so a failing case can be replayed. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `text` with one to three random edits: insert, delete or replace a short run. */
export function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const piece = PIECES[Math.floor(random() * PIECES.length)]!;
    const kind = random();
    if (kind < 0.4) out = out.slice(0, at) + piece + out.slice(at);
    else if (kind < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 3));
    else out = out.slice(0, at) + piece + out.slice(at + piece.length);
  }
  return out;
}
