import { createInterface } from "node:readline/promises";

/** How init talks to the user; the command gets the process's, tests can pass their own answers. */
export interface InitIo {
  out(text: string): void;
  /** True when a person can answer: stdin and stdout are terminals. */
  interactive: boolean;
  /** Asks a yes/no question; only called when `interactive`. */
  confirm(question: string): Promise<boolean>;
}

export function processIo(): InitIo {
  return {
    out: (text) => process.stdout.write(text),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    confirm: async (question) => {
      const readline = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return /^y(es)?$/i.test((await readline.question(`${question} [y/N] `)).trim());
      } finally {
        readline.close();
      }
    },
  };
}
