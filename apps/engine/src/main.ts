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
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
