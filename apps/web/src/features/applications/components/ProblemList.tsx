import { Button } from 'antd';
import type { TSubmissionProblem } from '@jhrm/contracts';
import { groupProblems, type DraftTab } from '../model/problems';

/**
 * Every reason 提交 was refused, grouped by the kind's tabs; each is a link to the field (or the
 * list row, or the materials / video drawer) that needs it.
 */
export function ProblemList({
  problems,
  tabs,
  onGo,
}: {
  problems: readonly TSubmissionProblem[];
  tabs: readonly DraftTab[];
  onGo: (p: TSubmissionProblem) => void;
}) {
  return (
    <div className="draft-problems">
      {groupProblems(problems, tabs).map((g) => (
        <section key={g.key} aria-label={g.label}>
          <h3>
            {g.label}（{g.problems.length}）
          </h3>
          <ul>
            {g.problems.map((p, i) => (
              <li key={`${p.path}-${i}`}>
                <Button type="link" size="small" onClick={() => onGo(p)}>
                  {p.message}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
