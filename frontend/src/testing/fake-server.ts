import { vi } from 'vitest';

type Reply = { status: number; body?: unknown };
type Handler = Reply | ((request: RecordedRequest) => Reply);

export type RecordedRequest = { method: string; path: string; headers: Record<string, string>; body: string };

/**
 * Stands in for the backend in component tests: answers `fetch` from a table of `METHOD /path` replies (problems
 * as the backend writes them) and records every request, so that tests can assert what the app sent.
 */
export function fakeServer(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = String(input);
    const request: RecordedRequest = {
      method,
      path,
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body === undefined ? '' : String(init.body),
    };
    requests.push(request);
    const handler = routes[`${method} ${path}`];
    const reply: Reply = typeof handler === 'function' ? handler(request) : (handler ?? { status: 404 });
    const problem = reply.status >= 400;
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests };
}

export function problem(status: number, detail: string, code?: string) {
  return { status, body: { status, title: 'Problème', detail, code } };
}

/** A refusal about one field of a form, as the API answers it: the reason, and the field it is about. */
export function fieldProblem(status: number, field: string, message: string, code?: string) {
  return { status, body: { status, title: 'Problème', detail: message, code, fields: [{ field, message }] } };
}
