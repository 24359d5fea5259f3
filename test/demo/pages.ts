/** The demo pages: fixture HTML served at each site's real address, so the content scripts run. */
export interface DemoPage {
  name: string;
  /** Requests under this pattern get the fixture. */
  pattern: string;
  url: string;
  fixture: string;
}

export const DEMO_PAGES: DemoPage[] = [
  {
    name: 'Gmail',
    pattern: 'https://mail.google.com/**',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrLwnnFhXqZcSHQHtjKVQbGg',
    fixture: 'gmail/thread-skeleton.html',
  },
  {
    name: 'Outlook',
    pattern: 'https://outlook.office.com/**',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TESTCONVID0001',
    fixture: 'outlook/reading-pane-skeleton.html',
  },
  {
    name: 'Slack',
    pattern: 'https://app.slack.com/**',
    url: 'https://app.slack.com/client/T0DEMO0001/C0PLAN0001',
    fixture: 'slack/thread-pane-hand.html',
  },
  {
    name: 'Teams',
    pattern: 'https://teams.microsoft.com/**',
    url: 'https://teams.microsoft.com/v2/',
    fixture: 'teams/chat-skeleton.html',
  },
  {
    name: 'Google Chat',
    pattern: 'https://chat.google.com/**',
    url: 'https://chat.google.com/room/AAAAtestSpace',
    fixture: 'google-chat/space-skeleton.html',
  },
];
