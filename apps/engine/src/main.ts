import { Logger } from 'nestjs-pino';
import { startEngine } from './bootstrap';
import { EngineConfigError, loadEngineConfig } from './config/engine-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadEngineConfig(process.env);
  } catch (error) {
    if (error instanceof EngineConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const engine = await startEngine(config);
  engine.app.get(Logger).log(`engine (${config.ROLE}) listening on ${engine.url}`, 'Bootstrap');
  // A requested stop is a success: close gracefully, then exit 0. (Nest's own shutdown hooks would re-raise
  // the signal after closing, so the process would always look killed.) A second signal kills at once.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      engine.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
