import { SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApelUpdateBodyT, ApelViewT } from '../../api/types';

/** The editable details of a report, as the form holds them. */
export interface ApelDetails {
  heldOn: string;
  place: string;
  leaderName: string;
  readerName: string;
  witnesses: string[];
  notes: string;
}

export function detailsOf(report: ApelViewT): ApelDetails {
  return {
    heldOn: report.heldOn,
    place: report.place,
    leaderName: report.leaderName,
    readerName: report.readerName,
    witnesses: report.witnesses,
    notes: report.notes ?? '',
  };
}

export function detailsBody(d: ApelDetails): Required<ApelUpdateBodyT> {
  return {
    heldOn: d.heldOn,
    place: d.place.trim(),
    leaderName: d.leaderName.trim(),
    readerName: d.readerName.trim(),
    witnesses: d.witnesses.map((w) => w.trim()).filter(Boolean),
    notes: d.notes.trim() ? d.notes.trim() : null,
  };
}

export function detailsComplete(d: ApelDetails): boolean {
  return Boolean(d.heldOn) && [d.place, d.leaderName, d.readerName].every((s) => s.trim().length >= 2);
}

export function sameDetails(a: ApelDetails, b: ApelDetails): boolean {
  return JSON.stringify(detailsBody(a)) === JSON.stringify(detailsBody(b));
}

interface Props {
  value: ApelDetails;
  onChange: (value: ApelDetails) => void;
  readOnly?: boolean;
  /** Per-field messages from the server, keyed by field name. */
  errors?: Record<string, string>;
  /** Limits of the date picker (campaign window). */
  maxDate?: string;
}

/** tanggal, tempat, pemimpin apel, pembaca ikrar, saksi, catatan. */
export function ApelDetailsFields({ value, onChange, readOnly, errors = {}, maxDate }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof ApelDetails>(key: K, v: ApelDetails[K]) => onChange({ ...value, [key]: v });
  const short = (s: string) => s.length > 0 && s.trim().length < 2;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput type="date" label={t('apel.heldOn')} required={!readOnly} value={value.heldOn} max={maxDate}
          onChange={(e) => set('heldOn', e.currentTarget.value)} readOnly={readOnly} error={errors.heldOn} />
        <TextInput label={t('apel.place')} required={!readOnly} value={value.place} placeholder={t('apel.placePlaceholder')}
          onChange={(e) => set('place', e.currentTarget.value)} readOnly={readOnly}
          error={errors.place ?? (short(value.place) ? t('apel.required') : undefined)} />
        <TextInput label={t('apel.leaderName')} required={!readOnly} value={value.leaderName}
          onChange={(e) => set('leaderName', e.currentTarget.value)} readOnly={readOnly}
          error={errors.leaderName ?? (short(value.leaderName) ? t('apel.required') : undefined)} />
        <TextInput label={t('apel.readerName')} required={!readOnly} value={value.readerName}
          onChange={(e) => set('readerName', e.currentTarget.value)} readOnly={readOnly}
          error={errors.readerName ?? (short(value.readerName) ? t('apel.required') : undefined)} />
      </SimpleGrid>
      <TagsInput label={t('apel.witnesses')} description={readOnly ? undefined : t('apel.witnessesHint')}
        value={value.witnesses} onChange={(v) => set('witnesses', v)} readOnly={readOnly} maxTags={10}
        clearable={!readOnly} error={errors.witnesses} splitChars={[',', ';']} />
      <Textarea label={t('apel.notes')} value={value.notes} onChange={(e) => set('notes', e.currentTarget.value)}
        readOnly={readOnly} autosize minRows={2} maxRows={6} maxLength={2000} error={errors.notes} />
    </Stack>
  );
}
