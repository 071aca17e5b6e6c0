/**
 * A log destination for tests: it keeps every line a process's logger writes. `lines()` parses
 * them, so a line that is not one JSON object fails the test that reads it.
 */
export function captureLog(): { stream: { write(line: string): void }; lines(): Record<string, unknown>[]; text(): string } {
  const raw: string[] = [];
  return {
    stream: { write: (line: string) => void raw.push(line) },
    lines: () =>
      raw
        .join("")
        .split("\n")
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => raw.join(""),
  };
}
