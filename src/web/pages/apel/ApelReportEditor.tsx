import { useMemo, useState } from 'react';
import { Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApelRoster, useSetAttendance, useUpdateApel } from '../../api/apel';
import { ApiError } from '../../api/client';
import { fieldErrors } from '../../api/fieldErrors';
import type { ApelViewT, AttendanceStatusT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { ApelActions } from './ApelActions';
import { ApelDetailsFields, detailsBody, detailsComplete, detailsOf, sameDetails, type ApelDetails } from './ApelDetailsFields';
import { ApelPhotos, PHOTO_MAX_COUNT } from './ApelPhotos';
import { AttendanceEditor, type RosterRow } from './AttendanceEditor';

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <Card p={{ base: 'sm', sm: 'md' }}>
      <Text fw={600}>{title}</Text>
      {hint ? <Text size="xs" c="dimmed" mb="sm">{hint}</Text> : <div style={{ height: 8 }} />}
      {children}
    </Card>
  );
}

/**
 * The editable body of a report. Details and attendance are edited locally and saved together
 * ("Simpan", and again before "Ajukan"); photos upload immediately.
 */
export function ApelReportEditor({ report }: { report: ApelViewT }) {
  const { t } = useTranslation();
  const editable = report.can.edit;
  const roster = useApelRoster(report.campaignId, report.unitId, editable);
  const update = useUpdateApel(report.id);
  const putAttendance = useSetAttendance(report.id);
  const [details, setDetails] = useState<ApelDetails>(() => detailsOf(report));
  const [attendance, setAttendance] = useState<Record<string, AttendanceStatusT>>(() =>
    Object.fromEntries(report.attendance.map((a) => [a.employeeId, a.status])),
  );
  const [attendanceDirty, setAttendanceDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const rows: RosterRow[] = useMemo(
    () =>
      editable
        ? (roster.data?.employees ?? []).map((e) => ({ employeeId: e.id, name: e.name, idNumber: e.idNumber, jabatanName: e.jabatanName }))
        : report.attendance.map((a) => ({ employeeId: a.employeeId, name: a.name, idNumber: a.idNumber, jabatanName: a.jabatanName })),
    [editable, roster.data, report.attendance],
  );

  // Unsaved when changed here, never saved, or the roster no longer matches what was saved.
  const savedIds = new Set(report.attendance.map((a) => a.employeeId));
  const rosterDiffers = editable && roster.data !== undefined &&
    (rows.length !== savedIds.size || rows.some((r) => !savedIds.has(r.employeeId)));
  const attendancePending = editable && rows.length > 0 && (attendanceDirty || rosterDiffers);
  const detailsPending = editable && !sameDetails(details, detailsOf(report));
  const shownDetails = editable ? details : detailsOf(report);

  const save = async () => {
    setError(null);
    try {
      if (detailsPending) await update.mutateAsync(detailsBody(details));
      if (attendancePending) {
        await putAttendance.mutateAsync({
          entries: rows.map((r) => ({ employeeId: r.employeeId, status: attendance[r.employeeId] ?? 'hadir' })),
        });
        setAttendanceDirty(false);
      }
    } catch (err) {
      setError(err);
      throw err;
    }
  };

  const validation = error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? fieldErrors(error) : {};

  return (
    <Stack gap="md">
      <Section title={t('apel.detailsTitle')}>
        <ApelDetailsFields value={shownDetails} onChange={setDetails} readOnly={!editable} errors={validation} />
      </Section>
      <Section title={t('apel.attendanceTitle')} hint={editable ? t('apel.attendanceHint') : undefined}>
        <ErrorAlert error={roster.error} />
        {editable && roster.isPending ? <PageLoader /> : null}
        {rows.length === 0 && !(editable && roster.isPending) ? (
          <Text size="sm" c="dimmed">{t('apel.rosterEmpty')}</Text>
        ) : null}
        {rows.length > 0 ? (
          <AttendanceEditor
            rows={rows}
            value={attendance}
            readOnly={!editable}
            onChange={(next) => {
              setAttendance(next);
              setAttendanceDirty(true);
            }}
          />
        ) : null}
        {attendancePending ? <Text size="xs" c="orange.8" mt="xs">{t('apel.notSaved')}</Text> : null}
      </Section>
      <Section title={t('apel.photosTitle', { count: report.photos.length, max: PHOTO_MAX_COUNT })}>
        <ApelPhotos report={report} />
      </Section>
      <ApelActions
        report={report}
        dirty={detailsPending || attendancePending}
        canSave={detailsComplete(details)}
        saving={update.isPending || putAttendance.isPending}
        save={save}
        error={error}
        setError={setError}
      />
    </Stack>
  );
}
