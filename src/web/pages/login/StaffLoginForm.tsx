import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useLogin } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  tenant: string | undefined;
  onSuccess: () => void;
}

export function StaffLoginForm({ tenant, onSuccess }: Props) {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);

  const totpRequired = login.error instanceof ApiError && login.error.code === 'TOTP_REQUIRED';
  const showError = Boolean(login.error) && !totpRequired;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { tenant, username: username.trim(), password, totp: needTotp && totp ? totp : undefined },
      {
        onSuccess,
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'TOTP_REQUIRED') setNeedTotp(true);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {showError ? <ErrorAlert error={login.error} /> : null}
        <TextInput
          label={t('login.username')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          autoComplete="username"
          autoCapitalize="none"
          required
        />
        <PasswordInput
          label={t('login.password')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          required
        />
        {needTotp ? (
          <TextInput
            label={t('login.totp')}
            description={t('login.totpHint')}
            value={totp}
            onChange={(e) => setTotp(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            autoFocus
            required
          />
        ) : null}
        <Button
          type="submit"
          loading={login.isPending}
          disabled={!username.trim() || !password || (needTotp && totp.length !== 6)}
          fullWidth
        >
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
