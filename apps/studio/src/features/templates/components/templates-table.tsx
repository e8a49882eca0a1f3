import { Link, useNavigate } from 'react-router-dom';
import { PublicationChip } from '../../../components/publication-chip';
import { RelativeTime } from '../../../components/relative-time';
import type { EmailTemplateSummary } from '../types';

export function templatePath(id: string): string {
  return `/templates/${encodeURIComponent(id)}`;
}

interface TemplatesTableProps {
  templates: EmailTemplateSummary[];
  selectedId?: string;
}

export function TemplatesTable({ templates, selectedId }: TemplatesTableProps) {
  const navigate = useNavigate();

  return (
    <div className="table-wrapper">
      <table className="table table--interactive">
        <caption className="visually-hidden">Email templates</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Subject</th>
            <th scope="col">State</th>
            <th scope="col">Last updated</th>
          </tr>
        </thead>
        <tbody>
          {templates.map((template) => {
            const selected = template.id === selectedId;
            return (
              // The name link is the keyboard and screen-reader route; the row click is a mouse shortcut.
              <tr
                key={template.id}
                className={selected ? 'table__row--selected' : undefined}
                onClick={() => navigate(templatePath(template.id))}
              >
                <td>
                  <Link
                    to={templatePath(template.id)}
                    aria-current={selected ? 'true' : undefined}
                    onClick={(event) => event.stopPropagation()}
                  >
                    {template.name}
                  </Link>
                </td>
                <td>{template.subject}</td>
                <td>
                  <PublicationChip publishedVersion={template.publishedVersion} />
                </td>
                <td>
                  <RelativeTime value={template.updatedAt} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
