/** English text of sosialisasi (same shape as sosialisasi.id.ts). */
import type { sosialisasiId } from './sosialisasi.id';

export const sosialisasiEn: typeof sosialisasiId = {
  sosialisasi: {
    nav: 'Awareness', title: 'Awareness and announcements',
    intro: 'Send circulars or neutrality material to employees by unit, then follow who has read and acknowledged them, beside pledge compliance.',
    create: 'Publish an announcement', titleField: 'Title', reference: 'Letter number (optional)', referencePlaceholder: 'Regent’s Circular No. 800.1/123/2026',
    body: 'Text', bodyHint: 'Separate paragraphs with a blank line.', targets: 'Receiving units', targetsHint: 'Each unit with everything below it. Leave empty for all employees.',
    hasQuiz: 'Ask a 3-question quiz before employees acknowledge', publish: 'Publish', published: 'Announcement published.',
    notifyByEmail: 'E-mail a notice to the receiving employees', notifyHint: 'Sent in batches to every employee with an e-mail address; it holds the title and a link to read it.',
    noticesDone: 'E-mail notices: {{sent}} sent, {{without}} employees without an e-mail address.', noticesSending: 'E-mail notices being sent: {{sent}} so far.',
    list: 'Announcements', empty: 'No announcements yet.', everyone: 'All employees', quiz: 'With quiz',
    cols: { unit: 'Unit', target: 'Recipients', read: 'Read', acknowledged: 'Acknowledged', ackPct: '% acknowledged', signedPct: '% pledge' },
    counts: '{{read}} read · {{ack}} acknowledged of {{target}} employees', detail: 'Per unit', back: 'Back to the list',
    campaignNote: '% pledge: campaign "{{name}}".', noCampaign: 'No pledge campaign is running.', allUnits: 'Show all units', topUnits: 'Show agencies only',
    mine: { title: 'Announcements for you', empty: 'No announcements.', unread: 'Unread', read: 'Read', acknowledged: 'Acknowledged', open: 'Read' },
    read: {
      back: 'Back to home', acknowledge: 'I have read and understood this announcement', acknowledgeButton: 'Acknowledge',
      acknowledged: 'You acknowledged it on {{date}}.', quizTitle: 'Short quiz', quizIntro: 'Answer these three questions before acknowledging.',
      wrong: 'Not quite right', done: 'Thank you. Your acknowledgement is recorded.',
    },
  },
  rules: {
    title: 'Civil-service neutrality rules', intro: 'What civil servants (ASN) may not do during elections, offline or on social media, according to {{catalogue}}.',
    online: 'On social and online media', offline: 'Offline', stage: { bakal_calon: 'Before candidates are confirmed (ethics)', calon: 'From candidate confirmation (discipline)', any: 'At any time' },
    evidence: 'Helpful evidence', sanctions: 'Sanctions', sanctionsIntro: 'Ethics breaches lead to a moral sanction; disciplinary breaches to a penalty under Government Regulation 94/2021.',
    may: 'Allowed', mayList: ['Voting in secret at the polling station.', 'Following news, debates and election information without showing support.', 'Reporting a suspected neutrality breach.'],
    faqTitle: 'Frequently asked questions',
    faq: [
      { q: 'Is liking a candidate’s post from a personal account a breach?', a: 'Yes. Posting, commenting, sharing, liking or following a campaign account is a breach, even from a personal account and outside working hours.' },
      { q: 'May a civil servant attend a campaign event?', a: 'Not to take part or show support. One present on official duty may not wear attributes or show a preference.' },
      { q: 'What if my spouse runs as a candidate?', a: 'A civil servant accompanying a spouse in the campaign must take unpaid leave outside state responsibility.' },
      { q: 'Must non-civil-servant staff (PPNPN, honorary) be neutral too?', a: 'Yes, under their employment agreement and integrity pact; breaches are handled under the agreement.' },
      { q: 'Is a reporter’s identity safe?', a: 'You may report anonymously. A protected reporter’s identity can only be revealed with the custodian’s approval and is never told to the reported person.' },
    ],
    report: 'Report a suspected breach', transparency: 'See the handling figures',
  },
};
