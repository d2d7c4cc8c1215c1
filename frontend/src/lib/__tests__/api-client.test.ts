import { api, ApiError, csrfToken, NetworkError, readCookie } from '../api-client';
import { fakeServer, problem } from '../../testing/fake-server';

describe('api client', () => {
  it('echoes the CSRF cookie in a header on state-changing requests only', async () => {
    document.cookie = 'XSRF-TOKEN=abc%3D123; path=/';
    const server = fakeServer({ 'GET /api/x': { status: 200, body: {} }, 'PUT /api/x': { status: 204 } });

    await api('GET', '/api/x');
    await api('PUT', '/api/x', { json: { a: 1 } });

    expect(server.requests[0]!.headers['X-XSRF-TOKEN']).toBeUndefined();
    expect(server.requests[1]!.headers['X-XSRF-TOKEN']).toBe('abc=123');
    expect(server.requests[1]!.headers['Content-Type']).toBe('application/json');
    expect(server.requests[1]!.body).toBe('{"a":1}');
  });

  it('sends forms url-encoded', async () => {
    const server = fakeServer({ 'POST /api/auth/login': { status: 200, body: { ok: true } } });

    await api('POST', '/api/auth/login', { form: { email: 'a@b.fr', password: 'p w' } });

    expect(server.requests[0]!.body).toBe('email=a%40b.fr&password=p+w');
  });

  it('turns a problem into an error carrying the server message', async () => {
    fakeServer({
      'GET /api/x': problem(400, 'Le code postal 99999 n’existe pas.', 'territory.postcode.unknown'),
    });

    const error = await api('GET', '/api/x').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe('Le code postal 99999 n’existe pas.');
    expect((error as ApiError).problem.code).toBe('territory.postcode.unknown');
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    await expect(api('GET', '/api/x')).rejects.toBeInstanceOf(NetworkError);
  });

  it('finds the CSRF token under its production name first', () => {
    expect(csrfToken('a=1; __Host-XSRF-TOKEN=h0st%3D; XSRF-TOKEN=old')).toBe('h0st=');
    expect(csrfToken('XSRF-TOKEN=dev')).toBe('dev');
    expect(csrfToken('a=1')).toBeUndefined();
  });

  it('reads one cookie among several', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=t0k; b=2')).toBe('t0k');
    expect(readCookie('XSRF-TOKEN', 'a=1')).toBeUndefined();
  });
});
