/** English text of the national/provincial roll-up (merged into en.ts). */
import type { nationalId } from './national.id';

export const nationalEn: typeof nationalId = {
  national: {
    nav: 'National overview',
    title: 'National and provincial overview',
    intro: 'Aggregates per agency: active employees, pledge signing for the selected election’s campaigns, assembly reports, cases by stage, proven, sanctioned, and PPK follow-up. No names, units or individual cases.',
    scopePlatform: 'You see every agency as the platform operator.',
    scopeGranted: 'You see the {{count}} agencies granted to your agency (oversight access).',
    suppressed: 'Case counts below {{threshold}} per agency are hidden ("<{{threshold}}"), and where needed another count too ("×"), so that no individual case can be recognised; the totals are published so that a hidden count cannot be worked back out.',
    freshness: 'Daily figures, recomputed every hour and after an employee import. Last computed: {{oldest}} – {{newest}}.',
    notRefreshed: 'not computed yet',
    filters: { election: 'Election', allElections: 'All elections (running campaigns)', province: 'Province', allProvinces: 'All provinces', asOf: 'Figures as of', search: 'Search agencies', reset: 'Clear filters', xlsx: 'Download XLSX' },
    electionOption: '{{name}} — {{count}} agencies',
    tiles: { tenants: 'Agencies', employees: 'Active employees', signed: 'Signed', cases: 'Cases', followUp: 'PPK follow-up' },
    charts: {
      signedByProvince: 'Share signed by province', signedByTenant: 'Share signed by agency (lowest)',
      allHidden: 'Every count by stage is below 5 or hidden — see the table.', casesByStatus: 'Cases by stage (all agencies shown)', hint: 'Computed from the targets and signatures of the agencies shown.',
    },
    cols: {
      code: 'Code', tenant: 'Agency', employees: 'Employees', signed: 'Signed', signedPct: '%', apel: 'Assemblies reported / required',
      cases: 'Cases', proven: 'Proven', sanctioned: 'Sanctioned', followUp: 'PPK follow-up', waiting: 'Awaiting the PPK', waitingDays: 'Average days waiting', asOf: 'As of',
    },
    status: { received: 'Received/verification', in_process: 'Under examination', awaiting_ppk: 'Awaiting the PPK', follow_up: 'Sanction follow-up', closed: 'Closed' },
    total: 'Total ({{count}} agencies)',
    noElection: 'This agency has not recorded this election.',
    empty: 'No agency for these filters.',
    shown: '{{shown}} of {{total}} agencies',
    grants: {
      title: 'Oversight access between agencies', intro: 'An oversight agency (a province, BKN, KASN) may see another agency’s aggregates. Every grant and revocation is written to the audit log of each agency concerned.',
      overseer: 'Oversight agency', overseen: 'Agency overseen', allTenants: 'All agencies', basis: 'Basis (e.g. regulation)', add: 'Grant access', added: 'Oversight access granted.',
      revoke: 'Revoke', revoked: 'Access revoked.', revokedAt: 'revoked {{date}}', empty: 'No oversight access yet.', refresh: 'Recompute every agency now', refreshed: 'Recomputing {{count}} agencies.',
    },
  },
};
