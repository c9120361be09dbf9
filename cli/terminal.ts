import cliProgress from "cli-progress";

/** An error the CLI reports as one line (no stack) and turns into the given exit status. */
export class CliError extends Error {
  override name = "CliError";
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

export type Progress = { update(done: number, total: number): void; stop(): void };

/**
 * A progress bar on stderr, started on the first update. On a terminal it redraws in place; when stderr is not
 * a terminal (CI, pipes, tests) cli-progress draws nothing, so logs stay clean.
 */
export function progressBar(label: string): Progress {
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(done, total) {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            format: `${label.padEnd(16)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
            hideCursor: true,
            barsize: 30,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

/** Reads a line from the terminal without echoing it (for passwords). Ctrl-C cancels. */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY)
    return Promise.reject(new CliError("cannot prompt for a password: stdin is not a terminal", 2));
  // Raw mode before the question is shown, so nothing typed after it can be echoed.
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let chars: string[] = [];
    const finish = (error?: CliError) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(chars.join(""));
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return finish();
        if (ch === "\u0003") return finish(new CliError("cancelled", 130));
        if (ch === "\u007f" || ch === "\b") chars = chars.slice(0, -1);
        else if (ch >= " ") chars.push(ch);
      }
    };
    stdin.on("data", onData);
  });
}
