/** Keeps the last few lines of a service's output, to explain why it failed to start. */
export class RecentLines {
  private readonly lines: string[] = [];

  constructor(private readonly limit = 20) {}

  push(text: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.lines.push(line.trimEnd());
      if (this.lines.length > this.limit) this.lines.shift();
    }
  }

  toString(): string {
    return this.lines.join('\n');
  }
}
