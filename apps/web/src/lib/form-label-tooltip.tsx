import { lazy, Suspense, type ComponentProps } from 'react';

// antd's Form.Item label imports Tooltip (and with it rc-trigger, portals, positioning, motion and
// colour utilities, ~20 KB gzip) for its optional `tooltip` prop, which the login page never
// uses. vite.config.ts points that one import here, so Tooltip loads when a label first shows
// one; until then the label's icon renders without its tooltip.
const Tooltip = lazy(() => import('antd/es/tooltip'));

export default function FormLabelTooltip(props: ComponentProps<typeof Tooltip>) {
  return (
    <Suspense fallback={props.children}>
      <Tooltip {...props} />
    </Suspense>
  );
}
