/** Shared pieces of the action forms: the props every form takes, the subject picker and the footer. */
import { Button, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseActionInputT, CaseDetailT, CaseSubjectT } from '../../../api/cases';

export interface ActionFormProps {
  detail: CaseDetailT;
  /** Sends the body; the hook adds `expectedVersion` (the version of the case as loaded). */
  onSubmit: (body: CaseActionInputT) => void;
  pending: boolean;
  onCancel: () => void;
}

/** Subjects the Satgas handles itself (a kepala/perangkat desa is routed out, never disciplined). */
export const handledSubjects = (detail: CaseDetailT) => detail.subjects.filter((s) => s.track !== 'desa');
export const provenSubjects = (detail: CaseDetailT) => handledSubjects(detail).filter((s) => s.finding === 'proven');

/** Optional text: empty becomes null (the contract's OptText). */
export const opt = (v: string) => (v.trim() ? v.trim() : null);
export const filled = (...values: string[]) => values.every((v) => v.trim().length > 0);

/** A form's submit handler that sends only when the form is complete. */
export const submitWith = (valid: boolean, send: () => void) => (e: React.FormEvent) => {
  e.preventDefault();
  if (valid) send();
};

export function SubjectSelect({ subjects, value, onChange }: { subjects: CaseSubjectT[]; value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select label={t('cases.actions.subject')} required data={subjects.map((s) => ({ value: s.id, label: s.name }))} value={value} onChange={onChange}
      allowDeselect={false} comboboxProps={{ withinPortal: true }} data-testid="action-subject" />
  );
}

export function FormFooter({ valid, pending, onCancel }: { valid: boolean; pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs" mt="xs">
      <Text size="xs" c="dimmed">{valid ? null : t('cases.actions.requiredHint')}</Text>
      <Group gap="xs">
        <Button variant="default" onClick={onCancel}>{t('cases.actions.cancel')}</Button>
        <Button type="submit" disabled={!valid} loading={pending} data-testid="action-submit">{t('cases.actions.submit')}</Button>
      </Group>
    </Group>
  );
}
