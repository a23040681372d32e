import { useEffect, useState } from 'react';
import { Card, Stack, Stepper, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useImport } from '../../api/imports';
import type { ImportViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { DoneStep } from './DoneStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { UploadStep } from './UploadStep';

function stepOf(view: ImportViewT | undefined, editMapping: boolean): number {
  if (!view) return 0;
  if (view.status === 'uploaded' || (editMapping && (view.status === 'validated' || view.status === 'failed'))) return 1;
  if (view.status === 'committed') return 3;
  return 2;
}

/** Import wizard: upload → mapping → review → done. The job id lives in ?id= so a reload resumes. */
export default function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const job = useImport(id);
  const [editMapping, setEditMapping] = useState(false);
  const view = id ? job.data : undefined;
  const active = stepOf(view, editMapping);

  useEffect(() => setEditMapping(false), [id]);

  const setId = (next: string | null) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (next) n.set('id', next);
      else n.delete('id');
      return n;
    });
  const restart = () => { setEditMapping(false); setId(null); };

  return (
    <Stack gap="md">
      <Title order={2} size="h3">{t('imports.title')}</Title>
      <Card>
        <Stepper active={active} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={t('imports.stepUpload')}>
            <UploadStep onUploaded={(v) => setId(v.id)} />
          </Stepper.Step>
          <Stepper.Step label={t('imports.stepMapping')}>
            {view ? (
              <MappingStep key={view.id} view={view} onValidated={() => setEditMapping(false)} />
            ) : null}
          </Stepper.Step>
          <Stepper.Step label={t('imports.stepPreview')}>
            {view ? (
              <PreviewStep view={view} onEditMapping={() => setEditMapping(true)} onRestart={restart} />
            ) : null}
          </Stepper.Step>
          <Stepper.Completed>
            {view ? <DoneStep view={view} onRestart={restart} /> : null}
          </Stepper.Completed>
        </Stepper>
        {id && job.isPending ? <PageLoader /> : null}
        <ErrorAlert error={id ? job.error : null} />
      </Card>
    </Stack>
  );
}
