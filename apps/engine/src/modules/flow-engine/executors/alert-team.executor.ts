import { Injectable } from '@nestjs/common';
import { alertTeamNodeType, type AlertTeamConfig } from '@postino/flow-model';
import { TeamAddressRepository } from '../../alerts/team-address.repository';
import { TeamAlertEffect } from '../effects/alert/team-alert.effect';
import { NodeExecutor, NodeOutcome, StepContext, StepEffects } from '../node-executor';

/** The team e-mail's channel (messaging/sending/channels/team-email/). */
const TEAM_EMAIL = 'team_email';

type Prepared = Map<string, string | null>;

/**
 * Opens an alert about the run's shipment and asks for an e-mail to the shop's team address, read for the
 * batch's merchants at once. The e-mail is a message like any other (retries, exactly once), whose text the
 * team-email sender builds from this node's config.
 */
@Injectable()
export class AlertTeamExecutor implements NodeExecutor<typeof alertTeamNodeType, Prepared> {
  readonly nodeType = alertTeamNodeType;

  constructor(
    private readonly alerts: TeamAlertEffect,
    private readonly addresses: TeamAddressRepository,
  ) {}

  prepare(steps: StepContext<AlertTeamConfig>[]): Promise<Prepared> {
    return this.addresses.effectiveMany(steps.map((step) => step.merchantId));
  }

  execute(step: StepContext<AlertTeamConfig>, teamAddresses: Prepared, effects: StepEffects): NodeOutcome {
    effects.add(this.alerts, { title: step.config.title, note: step.config.note || null });
    const recipient = teamAddresses.get(step.merchantId)?.toLowerCase() ?? '';
    effects.message({
      channel: TEAM_EMAIL,
      recipient,
      templateVersionId: null,
      skipReason: recipient ? null : 'the shop has no team address',
    });
    return { kind: 'continue', port: 'next' };
  }
}
