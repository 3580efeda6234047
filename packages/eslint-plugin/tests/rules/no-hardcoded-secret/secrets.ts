/**
 * Made-up credentials in the real formats, generated at random for these tests. None of them was
 * ever issued by a provider.
 */
export const S = {
  awsKeyId: "AKIAUJZDEGXDNCF32EPF",
  awsTempKeyId: "ASIA3DHODZDOCIS2JHTL",
  awsSecret: "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",
  ghp: "ghp_8rESQedUStPKR0CsTy4Qwb8DwkNhFdnXsiVp",
  gho: "gho_zz63FfkCzJr4i0B3JrTAwR4y9ojfljoQoaF1",
  ghpat: "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",
  glpat: "glpat-TCQCyEZDz_TddJ8HyS5S",
  xoxb: "xoxb-513137353799-0751163726516-DzV8fUkkibjL5DZPjN0MEQ7w",
  xoxp: "xoxp-288200182633-043483954862-0579868282880-e50454f31af3176813e02ea68ef786e4",
  slackHook: "https://hooks.slack.com/services/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",
  skLive: "sk_live_51bvJDCTbyvHNsG9eh6Yo4gfqrc5XlrW",
  skTest: "sk_test_51i0B26R08qzjI6GKFSufrdZSlB5er8b",
  rkLive: "rk_live_51OfZqfM2oeq3hDavJA76rNicHTp8hkq",
  pkLive: "pk_live_51dlm7tOtHWnsCGRlrwZbqcabUGJmGEp",
  whsec: "whsec_7CgQ0PBQFI14zGtSnovm14TUOizwd1ia",
  openaiProj: "sk-proj-jG3uhkWKFLf6xuI5aHUQPFeNBTxaQWk8JzFalHlsZfYcMMDk",
  openaiLegacy: "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",
  openaiSvc: "sk-svcacct-K10Zb0RLZ5TR9SPofbciOx9gy1CJdObOIRpFqaDZ",
  anthropic: "sk-ant-api03-ili8GjHEAD6_Wj9KfzjsQGMrb9h-ImB-LK777pzNk8cL6j5IXAAjlsHUqJoUD_-Ydua-5ZMs1SWOpQaPAA",
  google: "AIzaRYpzbLGViYXjU2JgJngKtFI3OyV2dZAkg05",
  twilioSid: "AC49f145fda9988c79fc35526f7eaed467",
  twilioApiKey: "SK25a2a7b860dcd6c8a1f8b46287cced90",
  twilioToken: "41dff02cee737443e210471948d33296",
  sendgrid: "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",
  npm: "npm_C5T4uUhf7kvmlP7HVDctQUy1xvCkgafrfwA9",
  generic24: "4hJ9WnywX0t0ZBfdTEmxI6Cm",
  generic32: "uxV5EbOApZOXzcycDeZ6dqmVe5Mvxrv9",
  generic40: "9NcqVTSu7rtaUWM6ZO88eb0ogET9D9XyYq6B0Fi7",
  hex64: "f50947aaeb26c57d21fa5d328263dfe574de739988b886e7577496a2c8773e13",
  base64: "9mQmAVkNinkY0gDiC7ew0RpCKjuhsy7XKJrDcjqEFOpf",
  password: "Tq8vLx3KmZ2p!",
  password2: "Gr33n-Falcon-91",
  /** HS256 token for a `service_role`. */
  jwt: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInJvbGUiOiJzZXJ2aWNlX3JvbGUiLCJpYXQiOjE3MDAwMDAwMDB9.fLDpgyyjVw5HanSBeVRsfAGeAbP0VxNjAe_9i0mYtlu",
  /** A Supabase `anon` key: public by design. */
  jwtAnon:
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2QiLCJyb2xlIjoiYW5vbiIsImlhdCI6MTcwMDAwMDAwMH0.YI0KN1gNT11cUzYZAa3u2olZU6uqbgsYlVvsSKuvinX",
  pemLines: [
    "VgqSfagI6cDCQwjOPADKyr8whfdRdQHOb/yEMu2oNk1WKGwgmslY1vNobfExpCIL",
    "u2u9+ccrrelUnpR7P8aEUEr0qQ2Cmo6belUZ7cD+6KJSGU1jO2QXFnUEe+do91m2",
  ],
} as const;

/** The key material of a PEM block: its lines without whitespace. */
export const PEM_BODY = S.pemLines.join("");

/** Independent of the rule: Shannon entropy in bits per character, two decimals. */
export function entropyOf(value: string): string {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) entropy -= (count / value.length) * Math.log2(count / value.length);
  return entropy.toFixed(2);
}

/** Independent of the rule: the masked preview (4 + 3 characters from 20, 2 + 2 from 12, 1 + 1 from 8). */
export function previewOf(value: string): string {
  const [head, tail] = value.length >= 20 ? [4, 3] : value.length >= 12 ? [2, 2] : value.length >= 8 ? [1, 1] : [0, 0];
  return `${value.slice(0, head)}…${tail > 0 ? value.slice(-tail) : ""}`;
}

/** The message data describing `secret` (what the rule measures and masks). */
export function secretData(secret: string): { preview: string; length: string; entropy: string } {
  return { preview: previewOf(secret), length: String(secret.length), entropy: entropyOf(secret) };
}
