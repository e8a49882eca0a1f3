import { AbSplitExecutor } from './ab-split.executor';
import { AlertTeamExecutor } from './alert-team.executor';
import { ConditionExecutor } from './condition.executor';
import { ExitExecutor } from './exit.executor';
import { SendEmailExecutor } from './send-email.executor';
import { SendSmsExecutor } from './send-sms.executor';
import { SwitchExecutor } from './switch.executor';
import { TagExecutor } from './tag.executor';
import { WaitExecutor } from './wait.executor';
import { WebhookExecutor } from './webhook.executor';

/** Every node executor, one file each; a test checks each step node type has exactly one. */
export const NODE_EXECUTOR_CLASSES = [SendEmailExecutor, SendSmsExecutor, WaitExecutor, ConditionExecutor, SwitchExecutor, AbSplitExecutor, ExitExecutor, TagExecutor, AlertTeamExecutor, WebhookExecutor];
