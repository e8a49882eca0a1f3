import type { FieldIssue } from '../utils/form-model';

/** Errors inside a field's value (its own are shown by the form), each once, beside the inputs they are about. */
export function IssueList({ issues, nested = true }: { issues: FieldIssue[]; nested?: boolean }) {
  const messages = [...new Set(issues.filter((issue) => !nested || issue.path.length > 0).map((issue) => issue.message))];
  if (messages.length === 0) return null;
  return (
    <ul className="config-form__issues">
      {messages.map((message) => (
        <li key={message} className="field__error">
          {message}
        </li>
      ))}
    </ul>
  );
}
