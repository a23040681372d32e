import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOtpRequest, useOtpVerify } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  tenant: string | undefined;
  devOutbox: boolean;
  onSuccess: () => void;
}

/** Employee sign-in: identity number, then a 6-digit one-time code. */
export function OtpLoginForm({ tenant, devOutbox, onSuccess }: Props) {
  const { t } = useTranslation();
  const request = useOtpRequest();
  const verify = useOtpVerify();
  const [idNumber, setIdNumber] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);

  const sendCode = (event?: FormEvent) => {
    event?.preventDefault();
    request.mutate({ tenant, idNumber: idNumber.trim() }, { onSuccess: () => setSent(true) });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate({ tenant, idNumber: idNumber.trim(), code }, { onSuccess });
  };

  if (!sent) {
    return (
      <form onSubmit={sendCode} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={request.error} />
          <TextInput
            label={t('login.idNumber')}
            value={idNumber}
            onChange={(e) => setIdNumber(e.currentTarget.value)}
            inputMode="numeric"
            autoComplete="username"
            required
          />
          <Button type="submit" loading={request.isPending} disabled={idNumber.trim().length < 3} fullWidth>
            {t('login.sendCode')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {request.data?.message ? (
          <Alert color="teal" variant="light" icon={<IconMailCheck size={18} />}>
            {request.data.message}
          </Alert>
        ) : null}
        {devOutbox ? (
          <Text size="sm">
            {t('login.devOutboxHint')}{' '}
            <Anchor href="/dev/outbox" target="_blank" rel="noopener">
              {t('nav.outbox')}
            </Anchor>
          </Text>
        ) : null}
        <ErrorAlert error={verify.error ?? request.error} />
        <TextInput
          label={t('login.code')}
          description={t('login.codeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          required
          styles={{ input: { letterSpacing: '0.4em', fontSize: 20, textAlign: 'center' } }}
        />
        <Button type="submit" loading={verify.isPending} disabled={code.length !== 6} fullWidth>
          {t('login.submit')}
        </Button>
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={() => { setSent(false); setCode(''); verify.reset(); }}>
            {t('login.changeId')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={() => sendCode()} disabled={request.isPending}>
            {t('login.resend')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
