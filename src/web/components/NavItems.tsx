import { NavLink, Text } from '@mantine/core';
import {
  IconHome,
  IconHierarchy2,
  IconUsers,
  IconFileImport,
  IconShieldCheck,
  IconMail,
  IconLock,
  IconBuildingCommunity,
  IconSignature,
  IconCalendarEvent,
  IconUserExclamation,
  IconSpeakerphone,
  IconChecklist,
  IconInbox,
  IconMessageReport,
  IconUserShield,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth, type Permission } from './auth';

interface Item {
  to: string;
  label: string;
  icon: typeof IconHome;
  permission?: Permission;
  show?: boolean;
  /** Section heading the item sits under (the menu is long for BKPSDM admins). */
  group?: 'data' | 'neutrality' | 'reports' | 'system';
}

export function NavItems({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { session, user, can } = useAuth();
  const { pathname } = useLocation();
  const items: Item[] = [
    { to: '/', label: t('nav.home'), icon: IconHome },
    { to: '/units', label: t('nav.units'), icon: IconHierarchy2, permission: 'unit.read', group: 'data' },
    { to: '/employees', label: t('nav.employees'), icon: IconUsers, permission: 'employee.read', group: 'data' },
    { to: '/import', label: t('nav.import'), icon: IconFileImport, permission: 'employee.import', group: 'data' },
    { to: '/koreksi-data', label: t('nav.corrections'), icon: IconUserExclamation, permission: 'employee.write', group: 'data' },
    { to: '/pemilihan', label: t('nav.elections'), icon: IconCalendarEvent, permission: 'election.read', group: 'neutrality' },
    { to: '/kampanye', label: t('nav.campaigns'), icon: IconSignature, permission: 'campaign.read', group: 'neutrality' },
    { to: '/apel', label: t('apel.nav'), icon: IconSpeakerphone, show: can('apel.report') || can('apel.review'), group: 'neutrality' },
    { to: '/kepatuhan', label: t('compliance.nav'), icon: IconChecklist, permission: 'compliance.read', group: 'neutrality' },
    { to: '/pengaduan', label: t('inbox.nav'), icon: IconInbox, permission: 'report.read', group: 'reports' },
    { to: '/buka-identitas', label: t('inbox.reveals.nav'), icon: IconUserShield, show: can('report.reveal.approve') || can('report.reveal.request'), group: 'reports' },
    { to: '/laporkan', label: t('reports.nav'), icon: IconMessageReport, permission: 'report.submit_internal', group: 'reports' },
    { to: '/tenants', label: t('nav.tenants'), icon: IconBuildingCommunity, permission: 'tenant.manage', group: 'system' },
    { to: '/audit', label: t('nav.audit'), icon: IconShieldCheck, permission: 'audit.read', group: 'system' },
    {
      to: '/dev/outbox',
      label: t('nav.outbox'),
      icon: IconMail,
      permission: 'outbox.read',
      show: session?.devOutbox === true,
      group: 'system',
    },
    { to: '/account/security', label: t('nav.security'), icon: IconLock, show: Boolean(user?.username), group: 'system' },
  ];
  const visible = items.filter((item) => (item.permission ? can(item.permission) : true) && item.show !== false);
  // Headings only when the menu is long enough to need them (a pegawai sees two or three items).
  const withHeadings = visible.length > 6;
  return (
    <nav aria-label="Menu">
      {visible.map((item, i) => {
        const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
        const heading = withHeadings && item.group && item.group !== visible[i - 1]?.group;
        return (
          <div key={item.to}>
            {heading ? (
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                {t(`nav.groups.${item.group}`)}
              </Text>
            ) : null}
            <NavLink
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={18} stroke={1.6} />}
              active={active}
              onClick={onNavigate}
              variant="light"
            />
          </div>
        );
      })}
    </nav>
  );
}
