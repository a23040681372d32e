import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Code, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTotpEnable, useTotpSetup } from '../api/session';
import { useAuth } from '../components/auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';

/** "Keamanan akun": set up TOTP two-step sign-in. */
export default function SecurityPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const [code, setCode] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate(code, {
      onSuccess: () => { notifySuccess(t('security.enabled')); setup.reset(); setCode(''); },
    });
  };

  return (
    <Stack gap="md" maw={640}>
      <Title order={2} size="h3">{t('security.title')}</Title>
      {user?.hasTotp ? (
        <Alert color="teal" icon={<IconShieldCheck size={18} />}>{t('security.totpOn')}</Alert>
      ) : (
        <Alert color="yellow" icon={<IconShieldX size={18} />}>{t('security.totpOff')}</Alert>
      )}
      <Card>
        <Stack gap="sm">
          <ErrorAlert error={setup.error} />
          {!setup.data ? (
            <Group>
              <Button onClick={() => setup.mutate()} loading={setup.isPending}>{t('security.setup')}</Button>
            </Group>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack gap="sm">
                <Text size="sm">{t('security.setupHint')}</Text>
                <div>
                  <Text size="xs" c="dimmed">{t('security.secret')}</Text>
                  <Group gap="xs" wrap="nowrap">
                    <Code fz="md" style={{ wordBreak: 'break-all' }} data-testid="totp-secret">{setup.data.secret}</Code>
                    <CopyButton value={setup.data.secret}>
                      {({ copied, copy }) => (
                        <Button size="compact-xs" variant="light" onClick={copy}>{copied ? t('common.copied') : t('common.copy')}</Button>
                      )}
                    </CopyButton>
                  </Group>
                </div>
                <div>
                  <Text size="xs" c="dimmed">{t('security.uri')}</Text>
                  <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{setup.data.uri}</Code>
                </div>
                <ErrorAlert error={enable.error} />
                <TextInput
                  label={t('security.code')}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  maw={200}
                />
                <Group>
                  <Button type="submit" loading={enable.isPending} disabled={code.length !== 6}>{t('security.enable')}</Button>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
