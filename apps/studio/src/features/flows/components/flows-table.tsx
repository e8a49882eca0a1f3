import { PublicationChip } from '../../../components/publication-chip';
import { RelativeTime } from '../../../components/relative-time';
import type { FlowDetail } from '../types';
import { describeTriggers } from '../utils/describe-triggers';
import { draftEditedSincePublished } from '../utils/draft-edited-since-published';
import { describeSteps } from '../utils/describe-steps';

function FlowRow({ flow }: { flow: FlowDetail }) {
  const triggers = describeTriggers(flow.draft);
  const steps = describeSteps(flow.draft);
  return (
    <tr>
      <td>{flow.name}</td>
      <td>
        <PublicationChip publishedVersion={flow.publishedVersion?.version ?? null} status={flow.status} />
        {draftEditedSincePublished(flow) && <div className="muted small">Draft edited since</div>}
      </td>
      <td>
        {triggers.length > 0 ? (
          triggers.map((trigger, index) => <div key={index}>{trigger}</div>)
        ) : (
          <span className="muted">No trigger</span>
        )}
      </td>
      <td>
        {steps.length > 0 ? (
          <ol className="step-list">
            {steps.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
        ) : (
          <span className="muted">No steps</span>
        )}
      </td>
      <td>
        <RelativeTime value={flow.updatedAt} />
      </td>
    </tr>
  );
}

/** Trigger and steps are read from each flow's draft, which is what runs unless it was edited after publishing. */
export function FlowsTable({ flows }: { flows: FlowDetail[] }) {
  return (
    <div className="table-wrapper">
      <table className="table">
        <caption className="visually-hidden">Flows</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">State</th>
            <th scope="col">Trigger</th>
            <th scope="col">Steps</th>
            <th scope="col">Last updated</th>
          </tr>
        </thead>
        <tbody>
          {flows.map((flow) => (
            <FlowRow key={flow.id} flow={flow} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
