import { useMemo, useRef, useState } from 'react';
import { Button, Group, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { fieldErrors } from '../../api/fieldErrors';
import { createPowSolver } from '../../api/pow';
import { submitReport } from '../../api/reports';
import type { SubmitResultT } from '../../api/types';
import { ErrorSummary } from './ErrorSummary';
import { EvidenceStep } from './EvidenceStep';
import { FactsStep } from './FactsStep';
import { IdentityStep } from './IdentityStep';
import { ReceiptCard } from './ReceiptCard';
import { ReportedStep } from './ReportedStep';
import { ReviewStep, type SubmitPhase } from './ReviewStep';
import { emptyDraft, toInput, validateStep, type ReportDraft, type StepErrors } from './reportForm';

const STEPS = ['who', 'reported', 'what', 'evidence', 'review'] as const;
const REVIEW = STEPS.length - 1;

/** The guided report form, shared by the public page (with proof of work) and the internal one. */
export function ReportForm({ internal = false, tenant }: { internal?: boolean; tenant?: string }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)');
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const [active, setActive] = useState(0);
  const [errors, setErrors] = useState<StepErrors>({});
  const [phase, setPhase] = useState<SubmitPhase>('idle');
  const [percent, setPercent] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<SubmitResultT | null>(null);
  const pow = useMemo(() => (internal ? null : createPowSolver()), [internal]);
  const top = useRef<HTMLDivElement>(null);

  const set = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const show = (step: number) => {
    setErrors({});
    setActive(step);
    if (step === REVIEW) pow?.prepare(); // start the proof of work while the reporter reads
    top.current?.scrollIntoView({ block: 'start' });
  };
  const next = () => {
    const found = validateStep(active, draft);
    setErrors(found);
    if (Object.keys(found).length === 0) show(active + 1);
  };

  const submit = async () => {
    setError(null);
    for (let step = 0; step < REVIEW; step++) {
      const found = validateStep(step, draft);
      if (Object.keys(found).length > 0) {
        setActive(step);
        setErrors(found);
        return;
      }
    }
    try {
      let altcha: string | undefined;
      if (pow) {
        setPhase('solving');
        altcha = await pow.take();
      }
      setPhase('uploading');
      setPercent(0);
      const input = toInput(draft);
      setResult(await submitReport(internal, { input, files: draft.files, altcha, tenant, onProgress: setPercent }));
      top.current?.scrollIntoView({ block: 'start' });
    } catch (err) {
      setError(err);
      // A used or expired challenge: have a fresh one ready for the next click.
      if (err instanceof ApiError && err.code === 'POW_INVALID') pow?.prepare();
      const fields = fieldErrors(err);
      if (Object.keys(fields).some((k) => k.startsWith('reporter') || k.startsWith('contact'))) setActive(0);
    } finally {
      setPhase('idle');
    }
  };

  const reset = () => {
    setDraft(emptyDraft());
    setResult(null);
    setActive(0);
  };

  if (result) {
    return (
      <div ref={top}>
        <ReceiptCard result={result} tenant={tenant} onAnother={reset} />
      </div>
    );
  }

  const props = { draft, set, errors };
  const body = [
    <IdentityStep key="who" {...props} internal={internal} />,
    <ReportedStep key="reported" {...props} />,
    <FactsStep key="what" {...props} />,
    <EvidenceStep key="evidence" {...props} />,
    <ReviewStep key="review" draft={draft} goTo={show} phase={phase} percent={percent} error={error} onSubmit={() => void submit()} internal={internal} />,
  ];
  return (
    <Stack gap="md" ref={top}>
      <Stepper active={active} onStepClick={(step) => step < active && show(step)} allowNextStepsSelect={false} size="sm" iconSize={wide ? 34 : 28}>
        {STEPS.map((key) => (
          <Stepper.Step key={key} label={wide ? t(`reports.steps.${key}`) : undefined} aria-label={t(`reports.steps.${key}`)} />
        ))}
      </Stepper>
      {!wide ? (
        <Text size="sm" fw={600} c="dimmed" aria-live="polite">
          {t('reports.stepOf', { n: active + 1, total: STEPS.length })}: {t(`reports.steps.${STEPS[active]}`)}
        </Text>
      ) : null}
      <ErrorSummary errors={errors} />
      {body[active]}
      {active < REVIEW ? (
        <Group justify="space-between" gap="sm" grow>
          {active > 0 ? <Button size="md" variant="default" onClick={() => show(active - 1)}>{t('reports.back')}</Button> : <span />}
          <Button size="md" onClick={next}>{t('reports.next')}</Button>
        </Group>
      ) : (
        <Button size="md" variant="default" onClick={() => show(active - 1)} disabled={phase !== 'idle'}>{t('reports.back')}</Button>
      )}
    </Stack>
  );
}
