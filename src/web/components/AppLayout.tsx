import { AppShell, Burger, Group, Menu, Button, Text, ScrollArea, Box } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconLock } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/session';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { NavItems } from './NavItems';
import { NotificationBell } from './NotificationBell';
import { PageLoader } from './PageLoader';
import { useAuth } from './auth';
import { notifyError } from './notify';

/** Signed-in shell: header with burger (phones), navbar by permission, content. */
export default function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { t } = useTranslation();
  const { user, session } = useAuth();
  const logout = useLogout();
  const navigate = useNavigate();

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (err) => notifyError(err),
    });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" miw={0} style={{ overflow: 'hidden' }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Box component={Link} to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Brand />
            </Box>
          </Group>
          <Group gap={0} wrap="nowrap" style={{ flexShrink: 0 }}>
            <NotificationBell />
            <LanguageSwitch compact />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="subtle" size="compact-sm" px={4} rightSection={<IconChevronDown size={14} />}
                  title={user?.displayName}>
                  <Text size="sm" truncate="end" maw={{ base: 64, xs: 180 }}>
                    {user?.displayName}
                  </Text>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{session?.tenant?.name}</Menu.Label>
                {user?.username ? (
                  <Menu.Item component={Link} to="/account/security" leftSection={<IconLock size={16} />}>
                    {t('nav.security')}
                  </Menu.Item>
                ) : null}
                <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={onLogout}>
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <NavItems onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section>
          <Button fullWidth variant="subtle" color="red" leftSection={<IconLogout size={16} />} onClick={onLogout}
            loading={logout.isPending}>
            {t('nav.logout')}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
