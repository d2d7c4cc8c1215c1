import { expect } from '@playwright/test';

// The e-mails the platform sent, as their recipient reads them: the backend test that starts the platform serves
// the last one sent to each address (PASSERELLE_E2E_MAILBOX). Against the demo platform, they are files in
// data/mail instead, and the specs that need one are skipped.

const mailbox = process.env.PASSERELLE_E2E_MAILBOX;

export const hasMailbox = mailbox !== undefined;

/** The link to this page of the staff app in the last e-mail sent to this address, once it has arrived. */
export async function linkInMail(to: string, page: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${mailbox}?to=${encodeURIComponent(to)}`);
        const text = response.ok ? await response.text() : '';
        link = new RegExp(`https?://\\S+/app/${page}#[A-Za-z0-9_-]{43}`).exec(text)?.[0];
        return link !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return new URL(link!).hash;
}
