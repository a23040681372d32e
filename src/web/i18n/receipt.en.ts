/** English text for the receipt portal and the Satgas inbox (same shape as receipt.id.ts). */
import type { receiptId } from './receipt.id';

export const receiptEn: typeof receiptId = {
  receiptPortal: {
    title: 'Check a report', intro: 'Sign in with the report number and the key from your receipt.',
    number: 'Report number', numberPlaceholder: 'LP-XXXX-XXXX', key: 'Receipt key', keyPlaceholder: 'XXXX-XXXX-XXXX-XXXX-XXXX',
    tenant: 'Agency', submit: 'Sign in', solving: 'Running the anti-spam check on your device…',
    wrongKey: 'Wrong report number or key. Check your receipt. After several wrong attempts you must wait before trying again.',
    logout: 'Sign out', status: 'Status', receivedOn: 'Received', evidence: 'Evidence files: {{count}} of {{max}}',
    thread: 'Messages', noMessages: 'No messages from the Satgas yet.', fromSatgas: 'Satgas', fromYou: 'You',
    reply: 'Write an answer', replyHint: 'Do not write your identity if you reported anonymously.', send: 'Send answer', sent: 'Answer sent.',
    addEvidence: 'Add evidence', upload: 'Upload', uploaded: 'Evidence added.', newReport: 'Make a new report',
  },
  inbox: {
    nav: 'Reports', title: 'Report inbox', enter: 'Record a report from another channel', empty: 'No reports.',
    filters: {
      status: 'Status', channel: 'Channel', identityMode: 'Reporting as', actKind: 'Kind of act',
      from: 'Received from', to: 'Received until', q: 'Search', qPlaceholder: 'Description or reported name', reset: 'Clear filters',
    },
    cols: { number: 'Number', received: 'Received', status: 'Status', channel: 'Channel', mode: 'Mode', reported: 'Reported', act: 'Act', activity: 'Reporter activity' },
    status: { baru: 'New', diverifikasi: 'Being verified', ditindaklanjuti: 'Followed up', ditolak: 'Cannot be followed up', selesai: 'Closed', duplikat: 'Merged with another report' },
    channel: { web_publik: 'Public form', web_internal: 'Internal form (employee)', surat: 'Letter', whatsapp: 'WhatsApp', sp4n_lapor: 'SP4N-LAPOR! disposition', datang_langsung: 'In person' },
    warnings: 'Warnings', reporterActivity: 'Reporter active {{date}}',
    detail: {
      triageTitle: 'Reported employee', triageLabel: 'Match with the employee master', triageHelp: 'Pick the employee the reporter means (search by name or NIP). A case made from this report uses that record and its conflict-of-interest checks.', triageSave: 'Save match', triageSaved: 'Reported person matched with the employee master.', triageClear: 'Remove match',
      back: 'Back to the inbox', facts: 'Facts', reportedPerson: 'Reported person', act: 'Act', actDate: 'Date of the act',
      discovered: 'Found out', place: 'Place', description: 'Description', links: 'Links', received: 'Received', channel: 'Channel',
      duplicateOf: 'Duplicate of {{number}}', handedOver: 'Handed over {{date}}', caseLinked: 'Linked to a case',
      evidence: 'Evidence', noEvidence: 'No evidence files.', downloadClean: 'Download (metadata removed)', cleanProcessing: 'Being processed: the copy without metadata is being made', cleanProcessingHint: 'Reload the page in a moment. The original can be downloaded now (recorded in the audit log).', cleanFailed: 'A clean copy cannot be made — download the original (recorded in the audit log)', cleanFailedHint: 'This image cannot be read to make a copy without metadata. The original is intact with its SHA-256; downloading it is recorded in the audit log.', downloadOriginal: 'Download original',
      originalAudited: 'Downloading an original is recorded in the audit log.', fromReporter: 'from the reporter', fromStaff: 'from staff',
      addEvidence: 'Add evidence', upload: 'Upload',
      messages: 'Messages with the reporter', noMessages: 'No messages yet.', toReporter: 'Satgas → reporter', fromReporterMsg: 'Reporter',
      message: 'Message to the reporter', messageHint: 'The reporter reads it with the receipt number and key. E-mail (if any) only says "there is an update".',
      send: 'Send message', sent: 'Message sent.',
      notes: 'Internal notes', notesHint: 'Not visible to the reporter.', noNotes: 'No notes yet.', note: 'New note', addNote: 'Save note',
      actions: 'Actions', status: 'Change status', statusNote: 'Note (optional)', applyStatus: 'Save status',
      duplicate: 'Mark as duplicate', duplicateNumber: 'Number of the main report', duplicateHint: 'This report is merged into the report with that number.',
      markDuplicate: 'Mark duplicate', handover: 'Hand over for handling', handoverNote: 'Hand-over note (optional)', handoverDone: 'Report handed over.',
      done: 'Saved.',
    },
    identity: {
      title: 'Reporter identity', anonim: 'The reporter chose anonymous: no identity is stored.',
      sealed: 'Identity withheld', sealedHint: 'The confidential reporter’s identity is locked. To open it, request with a reason; a custodian must approve.',
      request: 'Request identity', reason: 'Reason (at least 20 characters)', sendRequest: 'Send request', requested: 'Request sent; waiting for the custodian.',
      pending: 'Pending approval', approved: 'Approved', rejected: 'Rejected', view: 'View identity',
      viewAudited: 'Every view of the identity is recorded in the audit log under your name.', hide: 'Hide',
      open: 'Open identity', contact: 'The reporter gave an e-mail address for notices.',
      name: 'Name', nik: 'NIK', address: 'Address', occupation: 'Occupation', phone: 'Phone', email: 'E-mail',
    },
    reveals: {
      nav: 'Reporter identity requests', title: 'Requests to reveal a reporter’s identity',
      intro: 'As custodian you decide on Satgas requests to open a confidential reporter’s identity. You do not read reports.',
      empty: 'No requests.', report: 'Report', requestedBy: 'Requested by', reason: 'Reason', status: 'Status', decidedBy: 'Decided by',
      note: 'Decision note (optional)', approve: 'Approve', reject: 'Reject', decided: 'Decision saved.',
    },
    entry: {
      title: 'Record a report from another channel', intro: 'Reports received by letter, WhatsApp, SP4N-LAPOR! disposition or in person.',
      channel: 'Channel', receivedOn: 'Date received', submit: 'Save report', saved: 'Report {{number}} recorded.',
      receiptHint: 'Give this number and key to the reporter so they can follow the report.',
    },
  },
};
