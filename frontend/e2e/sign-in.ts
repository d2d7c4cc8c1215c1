import { createHmac } from 'node:crypto';

import { expect, type Page } from '@playwright/test';

// Signing in as the specs' staff members do, with the code an authenticator app would show where the account has
// two-factor authentication. The backend test that starts the platform enrols its coordinators and administrators
// with one secret and passes it, with the instant its (test) clock shows; against the demo platform, the demo's
// published secret and the real time are used.

const DEMO_SECRET = 'PASSERELLEDEMOTOTPSECRETKEY23456';
export const TOTP_SECRET = process.env.PASSERELLE_E2E_TOTP_SECRET ?? DEMO_SECRET;
const serverClock = process.env.PASSERELLE_E2E_CLOCK;

/** What the platform's clock shows now: the test clock stands still, the demo's runs. */
function serverNow() {
  return serverClock === undefined ? Date.now() : Number(serverClock);
}

function base32Decode(text: string) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const letter of text.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(letter);
    if (value < 0) {
      throw new Error(`Not base 32: ${letter}`);
    }
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) {
    bytes.push(parseInt(bits.slice(i, i + 8), 2));
  }
  return Buffer.from(bytes);
}

/** RFC 6238: six digits from HMAC-SHA1 of the 30-second step, `offset` steps away from the platform's now. */
export function totp(secret: string, offset = 0) {
  const step = Math.floor(serverNow() / 30_000) + offset;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const at = hmac[hmac.length - 1]! & 0x0f;
  const value = (hmac.readUInt32BE(at) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

// A code is accepted a step either side of the platform's time, and once only: the next sign-in of the same account
// takes the next step.
const nextOffset = new Map<string, number>();

/**
 * Signs in to the staff app and waits for `landing` (the home screen's greeting by default); when the sign-in asks
 * for a code, types the authenticator's code.
 */
export async function signIn(page: Page, email: string, password: string, landing: RegExp = /^Bonjour /) {
  await page.goto('/app/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.keyboard.press('Enter');
  await answerCodeIfAsked(page, email, landing);
}

/** Once the password is sent: types the code if the sign-in asks for one, and waits for `landing`. */
export async function answerCodeIfAsked(page: Page, email: string, landing: RegExp = /^Bonjour /) {
  const heading = page.getByRole('heading', { level: 1 });
  const code = page.getByLabel(/Code de vérification/);
  await expect(heading.filter({ hasText: landing }).or(code)).toBeVisible();
  if (await code.isVisible()) {
    await enterCode(page, email);
  }
  await expect(heading).toHaveText(landing);
}

/** Types the next unused step's code, and the one after if the platform says it has served already. */
async function enterCode(page: Page, email: string) {
  const code = page.getByLabel(/Code de vérification/);
  const signedIn = page.getByRole('button', { name: 'Se déconnecter' });
  for (let offset = nextOffset.get(email) ?? -1; offset <= 1; offset++) {
    await code.fill(totp(TOTP_SECRET, offset));
    await code.press('Enter');
    nextOffset.set(email, offset + 1);
    // refused, the field is emptied for another code; accepted, the staff app opens
    await expect
      .poll(async () =>
        (await signedIn.isVisible()) ? 'signed in' : await code.inputValue({ timeout: 200 }).catch(() => '?'),
      )
      .toMatch(/^(signed in|)$/);
    if (await signedIn.isVisible()) {
      return;
    }
  }
  throw new Error(`No code left for ${email} at the platform's time`);
}
