import { Box, Group, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../../shared/case-workflow.js';
import type { CaseDetailT } from '../../api/cases';

/** The main line of the workflow (side routes — forwarded, merged, rejected — are shown on top of it). */
const MAIN_LINE: readonly CaseState[] = [
  'registered', 'verification', 'clarification', 'examination', 'conclusion', 'recommendation', 'awaiting_ppk', 'follow_up', 'closed',
];

/** Where the case is in the workflow, as a wrapping row of numbered steps (fits 360 px phones). */
export function CaseSteps({ detail }: { detail: CaseDetailT }) {
  const { t } = useTranslation();
  // A forwarded case stands where it will return to; a closed case has passed every step.
  const at: CaseState = detail.state === 'forwarded' ? (detail.external?.returnTo ?? 'verification') : detail.state;
  const current = MAIN_LINE.indexOf(at);
  // Steps the case really went through; a step before the current one it never entered was skipped
  // (e.g. no Tim Pemeriksa for a moral or light sanction, or a case closed early).
  const visited = new Set<CaseState>(detail.events.flatMap((e) => [e.fromState, e.toState]).filter((x): x is CaseState => Boolean(x)));
  return (
    <Box component="ol" aria-label={t('cases.detail.steps')} m={0} p={0} style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 6 }} data-testid="case-steps">
      {MAIN_LINE.map((s, i) => {
        const passed = i < current || detail.state === 'closed';
        const skipped = passed && !visited.has(s) && s !== 'closed';
        const done = passed && !skipped;
        const active = i === current && detail.state !== 'closed';
        const label = s === 'closed' && detail.closeReason ? `${t('cases.state.closed')}: ${t(`cases.closeReason.${detail.closeReason}`)}` : t(`cases.state.${s}`);
        return (
          <Box component="li" key={s} aria-current={active ? 'step' : undefined}>
            <Group gap={6} wrap="nowrap" px={active ? 8 : { base: 3, sm: 8 }} py={{ base: 3, sm: 4 }} title={label}
              style={{
                borderRadius: 999,
                border: `1px solid var(--mantine-color-${active ? 'blue-6' : done ? 'teal-3' : 'gray-3'})`,
                background: active ? 'var(--mantine-color-blue-0)' : undefined,
              }}>
              <ThemeIcon size={20} radius="xl" color={active ? 'blue' : done ? 'teal' : 'gray'} variant={done || active ? 'filled' : 'light'}>
                {done ? <IconCheck size={12} /> : skipped ? <IconMinus size={12} /> : <Text size="10px" fw={700}>{i + 1}</Text>}
              </ThemeIcon>
              {/* On phones only the current step is named; the others keep their name for screen readers. */}
              {active ? (
                <Text size="xs" fw={700}>{label}</Text>
              ) : (
                <>
                  <Text size="xs" c={done ? undefined : 'dimmed'} td={skipped ? 'line-through' : undefined} visibleFrom="sm">{label}</Text>
                  <VisuallyHidden hiddenFrom="sm">{label}</VisuallyHidden>
                </>
              )}
            </Group>
          </Box>
        );
      })}
    </Box>
  );
}
