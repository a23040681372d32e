import { useState, type FormEvent } from 'react';
import { Button, Divider, Group, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TIMEZONE_LABEL, TIMEZONES, type TenantTimezone } from '../../../shared/enums.js';
import { fieldErrors } from '../../api/fieldErrors';
import { useCreateTenant } from '../../api/tenants';
import type { RegionT, TenantViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions } from '../../components/labels';
import { RegionSelect } from '../../components/RegionSelect';
import { kindOfRegion, suggestName, suggestSlug, TENANT_KINDS, type TenantKind } from './tenantDefaults';

const TIMEZONE_OPTIONS = TIMEZONES.map((tz) => ({ value: tz, label: `${TIMEZONE_LABEL[tz]} (${tz})` }));
const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** "Daftarkan instansi": the tenant and its first BKPSDM admin (POST /api/tenants). */
export function TenantCreateForm({ onCreated, onCancel }: { onCreated: (t: TenantViewT) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const kinds = useEnumOptions('tenantKind', TENANT_KINDS);
  const create = useCreateTenant();
  const [wilayahCode, setWilayahCode] = useState<string | null>(null);
  const [kind, setKind] = useState<TenantKind>('kabupaten');
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [touched, setTouched] = useState({ name: false, slug: false });
  const [timezone, setTimezone] = useState<TenantTimezone>('Asia/Jakarta');
  const [address, setAddress] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = fieldErrors(create.error);

  /** Picking a region fills kind, name and slug unless the user already typed them. */
  const onRegion = (code: string | null, region: RegionT | null) => {
    setWilayahCode(code);
    if (!region) return;
    setKind(kindOfRegion(region));
    if (!touched.name) setName(suggestName(region));
    if (!touched.slug) setSlug(suggestSlug(region));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        slug: slug.trim(),
        name: name.trim(),
        kind,
        wilayahCode,
        timezone,
        address: orNull(address),
        admin: { username: username.trim(), displayName: displayName.trim(), email: orNull(email), password },
      },
      { onSuccess: onCreated },
    );
  };

  const ready =
    slug.trim().length >= 3 && name.trim().length >= 3 && username.trim().length >= 3 &&
    displayName.trim().length >= 2 && password.length >= 12;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <RegionSelect label={t('tenants.region')} value={wilayahCode} onChange={onRegion} error={errors.wilayahCode} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select label={t('tenants.kind')} data={kinds} value={kind} onChange={(v) => v && setKind(v as TenantKind)}
            allowDeselect={false} error={errors.kind} required />
          <Select label={t('tenants.timezone')} data={TIMEZONE_OPTIONS} value={timezone}
            onChange={(v) => v && setTimezone(v as TenantTimezone)} allowDeselect={false} error={errors.timezone} required />
        </SimpleGrid>
        <TextInput label={t('tenants.name')} value={name} required error={errors.name}
          onChange={(e) => { setName(e.currentTarget.value); setTouched((x) => ({ ...x, name: true })); }} />
        <TextInput label={t('tenants.slug')} description={t('tenants.slugHint')} value={slug} required error={errors.slug}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} autoCapitalize="none" autoComplete="off"
          onChange={(e) => { setSlug(e.currentTarget.value.toLowerCase()); setTouched((x) => ({ ...x, slug: true })); }} />
        <TextInput label={t('tenants.address')} value={address} error={errors.address}
          onChange={(e) => setAddress(e.currentTarget.value)} />
        <Divider mt="xs" />
        <Text fw={600} size="sm">{t('tenants.admin')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('tenants.username')} description={t('tenants.usernameHint')} value={username} required
            autoCapitalize="none" autoComplete="off" error={errors['admin.username']}
            onChange={(e) => setUsername(e.currentTarget.value.toLowerCase())} />
          <TextInput label={t('tenants.displayName')} value={displayName} required error={errors['admin.displayName']}
            onChange={(e) => setDisplayName(e.currentTarget.value)} />
        </SimpleGrid>
        <TextInput label={t('tenants.email')} type="email" value={email} error={errors['admin.email']}
          onChange={(e) => setEmail(e.currentTarget.value)} />
        <PasswordInput label={t('tenants.password')} description={t('tenants.passwordHint')} value={password} required
          autoComplete="new-password" error={errors['admin.password'] ?? errors.password}
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          onChange={(e) => setPassword(e.currentTarget.value)} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending} disabled={!ready}>{t('tenants.register')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
