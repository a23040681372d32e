import { useEffect, useRef } from 'react';
import { Alert, Anchor, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportDraft, StepErrors } from './reportForm';

/** What every step receives: the draft, a patch function and the errors of the last "Next". */
export interface StepProps {
  draft: ReportDraft;
  set: (patch: Partial<ReportDraft>) => void;
  errors: StepErrors;
}

/** Translated message of one field (undefined when the field is fine). */
export function useFieldError(errors: StepErrors) {
  const { t } = useTranslation();
  return (id: string): string | undefined => {
    const e = errors[id];
    return e ? t(e.key, e.params) : undefined;
  };
}

/** Error summary at the top of a step: focused when it appears, each line jumps to its field. */
export function ErrorSummary({ errors }: { errors: StepErrors }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  }, [errors]); // eslint-disable-line react-hooks/exhaustive-deps
  if (entries.length === 0) return null;
  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="light" title={t('reports.summaryTitle')} role="alert" data-testid="error-summary">
      <List size="sm">
        {entries.map(([id, e]) => (
          <List.Item key={id}>
            <Anchor
              href={`#${id}`}
              size="sm"
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(id)?.focus();
              }}
            >
              {t(e.key, e.params)}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
