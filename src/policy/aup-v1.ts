import type { PolicyDocument } from './document.ts';

/**
 * Version 1 of Xpecto's Acceptable Use Policy: the seed text (shared/seed), structured by section and clause so
 * that every check can name the clause it enforces. The wording is the seed's; only list markers were dropped.
 */
export const AUP_V1: PolicyDocument = {
  title: 'Acceptable Use Policy (AUP)',
  sections: [
    {
      id: '1', title: 'Introduction',
      text: [
        'This Acceptable Use Policy ("AUP") governs the use of the Xpecto WhatsApp Business API platform ("Platform", "API") and is part of the Terms of Service. By using the Platform, you agree to comply with this AUP.',
        'Xpecto may modify this AUP at any time. Violations may result in account suspension or termination.',
      ],
    },
    {
      id: '2', title: 'Permitted Use',
      text: ['Users may use the Platform to:'],
      items: [
        'Send messages via WhatsApp API to contacts with explicit consent',
        'Manage templates and message flows for business communication',
        'Analyze engagement metrics for legitimate business purposes',
        'Integrate WhatsApp messaging into business workflows',
      ],
      after: ['All usage must comply with WhatsApp Business Policies, local laws, and Xpecto Terms of Service.'],
    },
    {
      id: '3', title: 'Prohibited Activities',
      text: ['Users must not engage in any of the following:'],
      clauses: [
        { id: '3.1', title: 'Spam & Unsolicited Messages', items: ['Sending bulk unsolicited messages without consent', 'Using the API to promote unrelated products or services'] },
        { id: '3.2', title: 'Illegal Activities', items: ['Messages that violate local, national, or international laws', 'Fraud, phishing, harassment, or threatening communications'] },
        { id: '3.3', title: 'Violation of WhatsApp Policies', items: ['Circumventing WhatsApp restrictions, limitations, or security mechanisms', 'Using unauthorized tools or scripts to send messages'] },
        { id: '3.4', title: 'Security & System Abuse', items: ['Unauthorized access or attempts to breach Xpecto servers or API', 'Introducing malware, viruses, or harmful code', 'Tampering with platform functionality or security measures'] },
        { id: '3.5', title: 'Intellectual Property Violation', items: ['Copying, distributing, or using content that infringes copyright or trademarks'] },
        { id: '3.6', title: 'Misuse of Platform Resources', items: ['Exceeding message limits, abusing API throttling, or attempting denial-of-service attacks', 'Sharing API credentials with unauthorized third parties'] },
      ],
    },
    {
      id: '4', title: 'Monitoring and Enforcement',
      items: [
        'Xpecto reserves the right to monitor API usage to ensure compliance.',
        'Suspicious or abusive activity may result in: temporary suspension; permanent termination of account; legal action if necessary.',
        'Users are responsible for their own message content, compliance, and outcomes.',
      ],
    },
    {
      id: '5', title: 'Reporting Violations',
      text: ['If you become aware of misuse of the Platform or violations of this AUP:'],
      items: [
        'Contact support@xpectoitsolutions.com immediately',
        'Provide relevant details (account info, message logs, screenshots)',
        'Xpecto will investigate and take appropriate action',
      ],
    },
    {
      id: '6', title: 'Disclaimer',
      items: [
        'The Platform is provided "as is." Xpecto is not responsible for the content of messages sent by users.',
        'Users are fully responsible for compliance with local laws, WhatsApp Business Policies, and recipient consent.',
        'Xpecto does not guarantee message delivery or engagement metrics.',
      ],
    },
    {
      id: '7', title: 'Updates to AUP',
      items: [
        'Xpecto may revise this AUP periodically to reflect regulatory changes or operational requirements.',
        'Updates will be posted on the Platform with the effective date.',
        'Continued use of the Platform constitutes acceptance of updated terms.',
      ],
    },
  ],
};

/** Version 1 is in force from the platform's first day. */
export const AUP_V1_EFFECTIVE_AT = '2026-01-01T00:00:00.000Z';
