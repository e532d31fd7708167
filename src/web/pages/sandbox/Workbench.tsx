import { useRef, useState } from 'react';
import { RulesCard } from './RulesCard';
import { SchemaCard } from './SchemaCard';
import { AlgorithmJobForm } from './AlgorithmJobForm';
import { SqlJobForm } from './SqlJobForm';
import { WorkbenchTabs } from './WorkbenchTabs';
import type { SandboxJob, SandboxSchema } from '../../api/sandbox-types';
import { exampleSql, sqlName } from './sql-example';
import type { WorkbenchTab } from './workbench-state';

/**
 * The workbench under one sandbox agreement: the granted schema and the rules beside it, then
 * the SQL editor (prefilled with a first query; clicking a view or column name inserts it) or
 * the registered algorithms. Keyed by agreement, so another agreement starts afresh.
 */
export function Workbench({ schema, tab, onTab, onSubmitted }: { schema: SandboxSchema; tab: WorkbenchTab; onTab(tab: WorkbenchTab): void; onSubmitted(job: SandboxJob): void }) {
  const [sql, setSql] = useState(() => exampleSql(schema));
  const editorRef = useRef<HTMLTextAreaElement | null>(null);

  const insert = (name: string) => {
    const editor = editorRef.current;
    const text = sqlName(name);
    const start = editor?.selectionStart ?? sql.length;
    const end = editor?.selectionEnd ?? sql.length;
    setSql(`${sql.slice(0, start)}${text}${sql.slice(end)}`);
    window.requestAnimationFrame(() => {
      editor?.focus();
      editor?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  return (
    <>
      <div className="grid-2 section-gap">
        <SchemaCard views={schema.views} onInsert={tab === 'sql' ? insert : undefined} />
        <RulesCard rules={schema.rules} />
      </div>
      <section className="card section-gap" data-testid="workbench">
        <WorkbenchTabs current={tab} onChange={onTab} />
        <div className="card-body" role="tabpanel" id={`sandbox-panel-${tab}`} aria-labelledby={`sandbox-tab-${tab}`}>
          {tab === 'sql'
            ? <SqlJobForm schema={schema} sql={sql} onSqlChange={setSql} editorRef={editorRef} onSubmitted={onSubmitted} />
            : <AlgorithmJobForm schema={schema} onSubmitted={onSubmitted} />}
        </div>
      </section>
    </>
  );
}
