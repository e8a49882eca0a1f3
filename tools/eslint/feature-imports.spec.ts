import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The repository's own configuration, so the test fails if the rule is ever dropped from it.
const eslint = new ESLint({ cwd: process.cwd() });
const CUSTOMER_FILE = 'apps/studio/src/features/customers/components/customer-card.tsx';

async function boundaryErrors(code: string, filePath = CUSTOMER_FILE): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((message) => message.ruleId === 'postino/feature-public-imports')
    .map((message) => message.message);
}

describe('features import each other only through their index', () => {
  it("refuses another feature's components, relative or by path", async () => {
    expect(await boundaryErrors("import { OrdersTable } from '../../orders/components/orders-table';\n")).toEqual([
      "Import the 'orders' feature through its index ('features/orders'), not '../../orders/components/orders-table'.",
    ]);
    expect(await boundaryErrors("export { x } from 'src/features/orders/utils/line-total';\n")).toHaveLength(1);
    expect(await boundaryErrors("void import('../../outbox/api/outbox-api');\n")).toHaveLength(1);
  });

  it("allows the other feature's index and the feature's own insides", async () => {
    expect(
      await boundaryErrors(
        [
          "import { a } from '../../orders';",
          "import { b } from '../../orders/index';",
          "import { c } from '../utils/customer-name';",
          "import { d } from '../../../lib/api-client';",
        ].join('\n') + '\n',
      ),
    ).toEqual([]);
  });

  it('leaves the app shell free to assemble features', async () => {
    const route = 'apps/studio/src/app/routes/orders.tsx';
    expect(await boundaryErrors("import { x } from '../../features/orders/components/orders-table';\n", route)).toEqual([]);
  });
});
