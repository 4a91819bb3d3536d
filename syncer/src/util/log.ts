/** Plain, line-oriented log to stderr; stdout stays free for command output (status --json, …). */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLog(options: { quiet?: boolean; write?: (line: string) => void } = {}): Log {
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const line = (level: string, message: string) => write(`${new Date().toISOString()} ${level} ${message}`);
  return {
    info: (m) => {
      if (!options.quiet) line('INFO', m);
    },
    warn: (m) => line('WARN', m),
    error: (m) => line('ERROR', m),
  };
}

/** A log that keeps lines in memory, for tests and for progress-bar mode where lines are shown after the bar. */
export function memoryLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...createLog({ write: (l) => lines.push(l) }) };
}
