import { useState, type FormEvent } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApelRoster, useCreateApel } from '../../api/apel';
import { ApiError } from '../../api/client';
import { fieldErrors } from '../../api/fieldErrors';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { ApelDetailsFields, detailsBody, detailsComplete, type ApelDetails } from './ApelDetailsFields';
import { ApelErrorAlert } from './ApelErrorAlert';

/** Today as YYYY-MM-DD in the Pemda's zone, the zone the server checks the apel date in. */
function today(timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** "Buat laporan": the details of the apel; attendance and photos follow on the report page. */
export default function ApelNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const campaignId = params.get('campaign') ?? '';
  const unitId = params.get('unit') ?? '';
  const roster = useApelRoster(campaignId, unitId);
  const create = useCreateApel(campaignId);
  const { session } = useAuth();
  const [details, setDetails] = useState<ApelDetails>(() => ({
    heldOn: today(session?.tenant?.timezone), place: '', leaderName: '', readerName: '', witnesses: [], notes: '',
  }));
  const errors = create.error instanceof ApiError && create.error.code === 'VALIDATION_FAILED' ? fieldErrors(create.error) : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { unitId, ...detailsBody(details) },
      {
        onSuccess: (view) => {
          notifySuccess(t('apel.created'));
          navigate(`/apel/${view.id}`, { replace: true });
        },
      },
    );
  };

  const back = (
    <Anchor component={Link} to={`/apel?campaign=${encodeURIComponent(campaignId)}`} size="sm">
      <Group gap={4}><IconArrowLeft size={14} />{t('apel.backToList')}</Group>
    </Anchor>
  );

  if (roster.isPending && campaignId && unitId) return <PageLoader />;

  return (
    <Stack gap="md" maw={880}>
      {back}
      <div>
        <Title order={2} size="h3">{t('apel.newTitle')}</Title>
        {roster.data ? (
          <Text size="sm" c="dimmed">
            {roster.data.unit.name} · {t('apel.employees', { count: roster.data.employees.length })}
          </Text>
        ) : null}
      </div>
      <ErrorAlert error={roster.error} />
      {roster.data ? (
        <Card p="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text fw={600}>{t('apel.detailsTitle')}</Text>
              <ApelDetailsFields value={details} onChange={setDetails} errors={errors} />
              <ApelErrorAlert error={create.error && Object.keys(errors).length === 0 ? create.error : null} />
              <Group justify="flex-end">
                <Button type="submit" loading={create.isPending} disabled={!detailsComplete(details)}>
                  {t('apel.create')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      ) : null}
    </Stack>
  );
}
