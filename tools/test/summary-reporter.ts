import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export interface TestSummary {
  passed: number;
  failed: number;
  skipped: number;
}

/** Counts a run's tests for tools/test/run.ts, which reads them from the file named by POSTINO_TEST_SUMMARY. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const file = process.env.POSTINO_TEST_SUMMARY;
    if (!file) return;
    const summary: TestSummary = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      let moduleFailures = 0;
      for (const test of testModule.children.allTests()) {
        const { state } = test.result();
        if (state === 'passed') summary.passed++;
        else if (state === 'failed') moduleFailures++;
        else summary.skipped++;
      }
      // A file that fails outside any test (syntax error, failing beforeAll) is a failure too.
      if (moduleFailures === 0 && testModule.state() === 'failed') moduleFailures = 1;
      summary.failed += moduleFailures;
    }
    summary.failed += unhandledErrors.length;
    writeFileSync(file, JSON.stringify(summary));
  }
}
