/** English text of the dashboards and recaps (merged into en.ts). */
import type { insightsId } from './insights.id';

export const insightsEn: typeof insightsId = {
  recaps: {
    nav: 'Official recaps',
    title: 'Official recaps',
    intro: 'The Regent’s recap, the periodic report for BKN and Bawaslu, and the pledge compliance recap: generated in the background (PDF in the official letter format, and XLSX), kept, and downloadable later.',
    create: 'New recap', kind: 'Kind of recap', event: 'Election', latestEvent: 'Latest election', campaign: 'Pledge campaign',
    from: 'From', to: 'Until', periodHint: 'Leave empty for the default: the last 7 days (Regent’s recap) or from the start (periodic report).',
    submit: 'Generate', queued: 'The recap is being generated. Its progress shows in the list.',
    kinds: { bupati_weekly: 'Weekly recap for the Regent', bkn_bawaslu_periodic: 'Periodic report for BKN and Bawaslu', compliance: 'Pledge and assembly compliance recap' },
    list: 'Recaps generated', empty: 'No recap yet.',
    status: { queued: 'Queued', running: 'Generating', done: 'Done', failed: 'Failed' },
    by: 'by {{name}}', scheduled: 'Scheduled', pdf: 'PDF', xlsx: 'XLSX',
    settings: 'Scheduled weekly recap', weekly: 'Generate the Regent’s recap every week of a campaign period',
    weeklyHint: 'Generated every Monday for the week before, once per election and week.',
    recipients: 'Recipients told (one e-mail per line)', recipientsHint: 'Recipients only get a link to this page; the figures are never sent by e-mail.',
    save: 'Save settings', saved: 'Recap settings saved.',
  },
  insights: {
    nav: 'Case dashboard',
    title: 'Case dashboard',
    intro: 'Figures on suspected neutrality breaches: cases by step, origin and month; reported persons by breach, unit, position class and category; time per step; PPK follow-up; and pledge compliance.',
    suppressed: 'You see aggregate figures for {{unit}}. Counts below 5 are hidden ("<5"), and where needed another count too ("×"), so that no individual case can be recognised.',
    filters: {
      event: 'Election', allEvents: 'All elections', from: 'Received from', to: 'Received until', unit: 'Unit', allUnits: 'Your whole scope',
      reset: 'Clear filters', xlsxAll: 'Download all (XLSX)',
    },
    tiles: { cases: 'Cases', subjects: 'Reported persons', followUp: 'PPK follow-up', waiting: 'Awaiting the PPK', overdue: 'Overdue steps' },
    panels: {
      byState: 'Cases by step', byOrigin: 'Cases by origin', byMonth: 'Cases by month received',
      byItem: 'Reported persons by breach', byUnit: 'Reported persons by unit', byJabatanClass: 'Reported persons by position class', byCategory: 'Reported persons by employee category',
      steps: 'Time per step', ppk: 'PPK follow-up', compliance: 'Pledge and assembly compliance',
    },
    hints: {
      cases: 'Counted per case.',
      subjects: 'Counted per reported person (a case may concern several).',
      steps: 'Average duration of each finished passage through a step (from the change into it to the next change), and the cases in that step now and past their due date.',
      ppk: 'Task-force recommendations to the PPK and how many are decided, as on the PPK board.',
      compliance: 'Pledge and pact signing and assembly reports for the same units.',
    },
    cols: {
      label: 'Item', count: 'Count', share: 'Share', state: 'Step', completed: 'Passages finished', avgCalendar: 'Average calendar days',
      avgWorking: 'Average working days', open: 'In this step now', overdue: 'Overdue', maxOverdue: 'Longest overdue (working days)',
      ppk: 'PPK', recommended: 'Recommended', decided: 'Decided', rate: 'Follow-up', avgDecide: 'Average days to decision',
      campaign: 'Campaign', target: 'Target', signed: 'Signed', signedPct: '% signed', apel: 'Assemblies reported / required', overdueUnits: 'Overdue units',
      waitingAvg: 'Average wait (working days)', waitingMax: 'Longest wait (working days)',
    },
    none: 'Not recorded', self: '{{unit}} (directly)', total: 'Total',
    hiddenCount: '{{count}} counts hidden — see the table.',
    empty: 'No data for these filters yet.',
    noCampaign: 'No pledge campaign for these filters.',
    xlsx: 'XLSX', chart: 'Chart', table: 'Table', view: 'View',
    legend: { small: '<5: fewer than 5', complementary: '×: hidden so a "<5" cannot be worked out from the totals' },
    days: '{{count}} days',
    openDashboard: 'Open the case dashboard',
  },
};
