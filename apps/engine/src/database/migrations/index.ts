import { Foundation1764000000000 } from './1764000000000-foundation';
import { Spine1764000000001 } from './1764000000001-spine';
import { EngineV21764000000002 } from './1764000000002-engine-v2';
import { ShopData1764000000003 } from './1764000000003-shop-data';
import { ShopIntegrations1764000000004 } from './1764000000004-shop-integrations';
import { CsvImports1764000000005 } from './1764000000005-csv-imports';
import { SendingPolicy1764000000007 } from './1764000000007-sending-policy';
import { AwaitedEvents1764000000006 } from './1764000000006-awaited-events';
import { Lifecycle1764000000009 } from './1764000000009-lifecycle';
import { Sms1764000000008 } from './1764000000008-sms';
import { Digests1764000000014 } from './1764000000014-digests';
import { AwaitedEventTruth1764000000016 } from './1764000000016-awaited-event-truth';
import { ShipmentWatch1764000000011 } from './1764000000011-shipment-watch';
import { Actions1764000000012 } from './1764000000012-actions';
import { RunLogsAndCounters1764000000013 } from './1764000000013-run-logs-and-counters';
import { DryRunReads1764000000015 } from './1764000000015-dry-run-reads';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [
  Foundation1764000000000,
  Spine1764000000001,
  EngineV21764000000002,
  ShopData1764000000003,
  ShopIntegrations1764000000004,
  CsvImports1764000000005,
  SendingPolicy1764000000007,
  AwaitedEvents1764000000006,
  Lifecycle1764000000009,
  Sms1764000000008,
  Digests1764000000014,
  AwaitedEventTruth1764000000016,
  ShipmentWatch1764000000011,
  Actions1764000000012,
  RunLogsAndCounters1764000000013,
  DryRunReads1764000000015,
];
