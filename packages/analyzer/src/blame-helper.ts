// Runs in a small child process: `git blame` for many files, one git process per file. Forking from the
// analyzer's own process, which holds every file's index by then, costs two to three times as much per git.
// Reads { root, requests: [file, lines][] } as JSON on stdin; writes [key, time][] as JSON on stdout.
import { blameLines } from "./match/git-history.js";

export interface BlameRequest {
  root: string;
  requests: [string, number[]][];
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => (input += chunk));
process.stdin.on("end", () => {
  const { root, requests } = JSON.parse(input) as BlameRequest;
  void blameLines(root, new Map(requests)).then((times) => process.stdout.write(JSON.stringify([...times])));
});
