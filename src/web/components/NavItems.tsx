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
  IconBriefcase,
  IconGavel,
  IconBook2,
  IconUsersGroup,
  IconAdjustmentsHorizontal,
  IconListSearch,
  IconCamera,
  IconUpload,
  IconFilter,
  IconAt,
  IconChartBar,
  IconReportAnalytics,
  IconBook,
  IconMap2,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isEmployeeOnly, useAuth, type Permission } from './auth';
import { useNationalScope } from '../api/national';

interface Item {
  to: string;
  label: string;
  icon: typeof IconHome;
  permission?: Permission;
  show?: boolean;
  /** Section heading the item sits under (the menu is long for BKPSDM admins). */
  group?: 'data' | 'neutrality' | 'reports' | 'monitoring' | 'handling' | 'system';
}

export function NavItems({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { session, user, can } = useAuth();
  const { pathname } = useLocation();
  // The national overview: only for the platform operator or a tenant that was granted oversight.
  const nationalScope = useNationalScope(can('dashboard.national'));
  const items: Item[] = [
    { to: '/', label: t('nav.home'), icon: IconHome },
    { to: '/units', label: t('nav.units'), icon: IconHierarchy2, permission: 'unit.read', group: 'data' },
    // employee.read is also granted to pegawai for their own record ('self'); the list is for staff only.
    { to: '/employees', label: t('nav.employees'), icon: IconUsers, permission: 'employee.read', show: !isEmployeeOnly(session), group: 'data' },
    { to: '/import', label: t('nav.import'), icon: IconFileImport, permission: 'employee.import', group: 'data' },
    { to: '/koreksi-data', label: t('nav.corrections'), icon: IconUserExclamation, permission: 'employee.write', group: 'data' },
    { to: '/pemilihan', label: t('nav.elections'), icon: IconCalendarEvent, permission: 'election.read', group: 'neutrality' },
    { to: '/kampanye', label: t('nav.campaigns'), icon: IconSignature, permission: 'campaign.read', group: 'neutrality' },
    { to: '/apel', label: t('apel.nav'), icon: IconSpeakerphone, show: can('apel.report') || can('apel.review'), group: 'neutrality' },
    { to: '/kepatuhan', label: t('compliance.nav'), icon: IconChecklist, permission: 'compliance.read', group: 'neutrality' },
    { to: '/sosialisasi', label: t('sosialisasi.nav'), icon: IconBook, permission: 'sosialisasi.read', group: 'neutrality' },
    { to: '/pengaduan', label: t('inbox.nav'), icon: IconInbox, permission: 'report.read', group: 'reports' },
    { to: '/buka-identitas', label: t('inbox.reveals.nav'), icon: IconUserShield, show: can('report.reveal.approve') || can('report.reveal.request'), group: 'reports' },
    { to: '/laporkan', label: t('reports.nav'), icon: IconMessageReport, permission: 'report.submit_internal', group: 'reports' },
    { to: '/pengawasan', label: t('monitoring.nav.queue'), icon: IconFilter, permission: 'monitoring.read', group: 'monitoring' },
    { to: '/pengawasan/tangkap', label: t('monitoring.nav.capture'), icon: IconCamera, permission: 'monitoring.capture', group: 'monitoring' },
    { to: '/pengawasan/impor', label: t('monitoring.nav.import'), icon: IconUpload, permission: 'monitoring.capture', group: 'monitoring' },
    { to: '/pengawasan/watchlist', label: t('monitoring.nav.watchlist'), icon: IconListSearch, permission: 'monitoring.watchlist', group: 'monitoring' },
    { to: '/pengawasan/akun', label: t('monitoring.nav.accounts'), icon: IconAt, permission: 'monitoring.read', group: 'monitoring' },
    { to: '/kasus', label: t('cases.nav.inbox'), icon: IconBriefcase, permission: 'case.read', group: 'handling' },
    { to: '/kasus/ppk', label: t('cases.nav.ppk'), icon: IconGavel, permission: 'case.read', group: 'handling' },
    { to: '/dashboard/penanganan', label: t('insights.nav'), icon: IconChartBar, permission: 'dashboard.read', group: 'handling' },
    { to: '/dashboard/nasional', label: t('national.nav'), icon: IconMap2, permission: 'dashboard.national', show: (nationalScope.data?.scope ?? 'none') !== 'none', group: 'handling' },
    { to: '/rekap', label: t('recaps.nav'), icon: IconReportAnalytics, permission: 'recap.read', group: 'handling' },
    { to: '/satgas', label: t('handling.nav.satgas'), icon: IconUsersGroup, permission: 'satgas.read', group: 'handling' },
    { to: '/katalog', label: t('handling.nav.catalogue'), icon: IconBook2, permission: 'catalogue.read', group: 'handling' },
    { to: '/pengaturan-penanganan', label: t('handling.nav.settings'), icon: IconAdjustmentsHorizontal, permission: 'case.settings', group: 'handling' },
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
  // The longest matching entry is the active one (/kasus/ppk, not also /kasus).
  const activeTo = visible
    .filter((item) => (item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`)))
    .reduce<string | null>((best, item) => (best === null || item.to.length > best.length ? item.to : best), null);
  return (
    <nav aria-label="Menu">
      {visible.map((item, i) => {
        const active = item.to === activeTo;
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
