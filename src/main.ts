import { ConfigError, readConfig, type Config } from './config.ts';
import { runCli } from './cli.ts';
import { ensureDemo } from './demo/seed-demo.ts';
import { createLogger } from './lib/logger.ts';
import { startPlatform, type Platform, type Roles } from './platform.ts';
import { buildSimulator, SIMULATOR_DEFAULTS } from '../simulator/server.ts';
import type { Logger } from 'pino';

const USAGE = `usage: xpecto <command>
  start                 everything in one process: API, workers, Cloud API simulator, demo organization
  api | worker          one role of a scaled-out deployment (DATABASE_URL, REDIS_URL)
  simulator             the Cloud API simulator alone (development and tests)
  migrate               apply database migrations
  org create --name N [--slug S] [--country CC]
  keys create --org SLUG|ID --name N [--mode test|live] [--scopes a,b]
  keys list --org SLUG|ID
  keys revoke --org SLUG|ID --id KEY_ID
  keys allow-ips --org SLUG|ID --id KEY_ID --cidrs C1,C2 | --any   a key's IP allow-list (--any: every source)
  consent verify --org SLUG|ID   prove the consent ledger untouched (exit status 3 if not)
  audit verify --org SLUG|ID | --operator [--seq N --hash H]   prove the audit log untouched (exit status 3 if not)
  audit head --org SLUG|ID | --operator   the chain's latest seq and hash, to keep elsewhere
  policy publish --file F.json --effective-at ISO --summary S --by OPERATOR_EMAIL
  policy list
  reports list [--status received|closed] [--limit N]   violation reports, newest first
  reports outcome --ref RPT-… --outcome TEXT [--by OPERATOR_EMAIL] [--confirmed]   decide a report (confirmed: it counts in the standing)
  enforcement set --org SLUG|ID --state good|warned|restricted|suspended|terminated --reason R --clause C [--until ISO] [--by OPERATOR_EMAIL]
  enforcement appeals   appeals waiting for a decision
  enforcement decide-appeal --org SLUG|ID --id APPEAL_ID --outcome upheld|overturned --reason R [--by OPERATOR_EMAIL]
  admin create --email E [--password P]
  operator keys create --email OPERATOR_EMAIL [--name N]   an operator API key (xp_op_…, printed once) for /v1/operator/*
  operator keys revoke --id KEY_ID`;

async function main(argv: string[]): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return runRoles(config, log, { api: true, worker: true }, true);
    case 'api':
      return runRoles(config, log, { api: true, worker: false }, false);
    case 'worker':
      return runRoles(config, log, { api: false, worker: true }, false);
    case 'simulator':
      return runSimulator(config, log);
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return;
    default:
      process.exitCode = await runCli(config, log, command, rest, USAGE);
  }
}

async function runRoles(config: Config, log: Logger, roles: Roles, withDemo: boolean): Promise<void> {
  const simulator = withDemo && config.simulator.inProcess && !config.graph.baseUrl
    ? buildSimulator({
        port: config.simulator.port,
        accessToken: config.simulator.accessToken,
        appSecret: config.simulator.appSecret,
        verifyToken: config.simulator.verifyToken,
        logger: log.child({ component: 'simulator' }),
      })
    : null;
  const simulatorUrl = simulator ? (await simulator.start()).url : null;
  const graphBaseUrl = config.graph.baseUrl ?? simulatorUrl ?? `http://127.0.0.1:${config.simulator.port}`;
  const platform = await startPlatform(config, log, roles, graphBaseUrl);
  // Known only now when PORT is 0: the simulator's webhooks go to wherever the API really listens.
  if (simulator && platform.url) simulator.state.config.webhookUrl = `${platform.url.replace('localhost', '127.0.0.1')}/webhooks/whatsapp`;
  stopOnSignals(log, async () => {
    await platform.stop();
    await simulator?.stop();
  });

  if (withDemo && simulator) await printDemo(platform, config, simulatorUrl!);
  else log.info({ url: platform.url, roles }, 'xpecto started');
}

async function printDemo(platform: Platform, config: Config, simulatorUrl: string) {
  const demo = await ensureDemo(platform.deps, {
    wabaId: SIMULATOR_DEFAULTS.waba.id,
    phoneNumberId: SIMULATOR_DEFAULTS.phoneNumber.id,
    accessToken: config.simulator.accessToken,
    appSecret: config.simulator.appSecret,
    verifyToken: config.simulator.verifyToken,
  });
  const base = config.publicUrl ?? platform.url!.replace('://0.0.0.0', '://127.0.0.1');
  console.log([
    '',
    `Xpecto is running (database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`}; Cloud API simulator: ${simulatorUrl}).`,
    `Base URL: ${base}`,
    `API docs: ${base}/docs`,
    `API key: ${demo.apiKey}`,
    `Dashboard: ${base}/`,
    `Owner login: ${demo.ownerEmail} / ${demo.ownerPassword}`,
    `Operator login: ${demo.operatorEmail} / ${demo.operatorPassword}`,
    '',
    'Send the approved hello_world template to a demo customer:',
    `  curl -s ${base}/v1/messages -H "Authorization: Bearer ${demo.apiKey}" -H 'content-type: application/json' \\`,
    `    -d '{"to":"+12025550100","type":"template","template":{"name":"hello_world","language":{"code":"en_US"}}}'`,
    '',
  ].join('\n'));
}

async function runSimulator(config: Config, log: Logger) {
  const simulator = buildSimulator({
    port: config.simulator.port,
    accessToken: config.simulator.accessToken,
    appSecret: config.simulator.appSecret,
    verifyToken: config.simulator.verifyToken,
    // With PORT=0 the platform's address is not known here: set it later with PUT /_sim/config.
    ...(config.port ? { webhookUrl: `http://127.0.0.1:${config.port}/webhooks/whatsapp` } : {}),
    logger: log,
  });
  const { url } = await simulator.start();
  log.info({ url }, 'Cloud API simulator listening');
  stopOnSignals(log, () => simulator.stop());
}

function stopOnSignals(log: Logger, stop: () => Promise<void>) {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight work');
    stop().then(
      () => process.exit(0),
      (err) => { log.error({ err }, 'unclean shutdown'); process.exit(1); },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof ConfigError) console.error(`configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
