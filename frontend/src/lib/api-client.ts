// The one way the staff app talks to the backend: same-origin cookies, the CSRF token echoed from its cookie on
// every state-changing request, and RFC 9457 problems turned into errors that carry the server's own message.

export type Problem = {
  status: number;
  title?: string;
  detail?: string;
  code?: string;
  fields?: { field: string; message: string }[];
};

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.status = problem.status;
    this.problem = problem;
  }
}

export class NetworkError extends Error {}

// production names it __Host-XSRF-TOKEN (kept to this very host); development, XSRF-TOKEN
const CSRF_COOKIES = ['__Host-XSRF-TOKEN', 'XSRF-TOKEN'];
export const CSRF_HEADER = 'X-XSRF-TOKEN';

export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  return cookies
    .split(';')
    .map((cookie) => cookie.trim())
    .find((cookie) => cookie.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** The CSRF token the backend set in its cookie, to echo in {@link CSRF_HEADER}. */
export function csrfToken(cookies: string = document.cookie): string | undefined {
  for (const name of CSRF_COOKIES) {
    const token = readCookie(name, cookies);
    if (token) return decodeURIComponent(token);
  }
  return undefined;
}

type Body = { json: unknown } | { form: Record<string, string> } | { file: Blob; type: string } | undefined;

export async function api<T>(
  method: string,
  path: string,
  body?: Body,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  const token = csrfToken();
  if (method !== 'GET' && token) {
    headers[CSRF_HEADER] = token;
  }
  let payload: string | URLSearchParams | Blob | undefined;
  if (body && 'json' in body) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body && 'form' in body) {
    payload = new URLSearchParams(body.form);
  } else if (body && 'file' in body) {
    headers['Content-Type'] = body.type;
    payload = body.file;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (cause) {
    throw new NetworkError(String(cause));
  }
  if (!response.ok) {
    throw new ApiError(await problemOf(response));
  }
  if (response.status === 204 || response.headers.get('Content-Length') === '0') {
    return undefined as T;
  }
  // an answer without a body (202 Accepted, say) is no answer to parse
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return { status: response.status, ...((await response.json()) as Omit<Problem, 'status'>) };
    } catch {
      // fall through: a body that is not the JSON it claims to be
    }
  }
  return { status: response.status };
}
