import createClient from 'openapi-fetch';
import type { paths } from './contract';

/** An RFC 9457 problem, as every error of the platform is; a refused body lists what was wrong where (JSON pointers). */
export type Problem = { type?: string; title?: string; status: number; detail?: string; errors?: { pointer?: string; detail?: string }[] };

export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.problem = problem;
  }

  /**
   * What the refusal says about which field: each listed error's pointer ("/admin/password" is admin.password), or
   * else the field the detail quotes, as in "'name' is required".
   */
  get fieldErrors(): { field?: string; message: string }[] {
    const listed = (this.problem.errors ?? []).map((e) => ({
      field: e.pointer ? e.pointer.replace(/^\//, '').split('/').filter((p) => !/^\d+$/.test(p)).join('.') || undefined : undefined,
      message: e.detail ?? this.message,
    }));
    if (listed.length > 0) return listed;
    return [{ field: /'([A-Za-z][\w.]*)'/.exec(this.problem.detail ?? '')?.[1], message: this.message }];
  }
}

let token: string | null = null;
let reauthenticate: (() => Promise<void>) | null = null;

/** The bearer token lives here, in memory only: never in localStorage, so a script elsewhere cannot read it. */
export function useToken(value: string | null): void {
  token = value;
}

export function currentToken(): string | null {
  return token;
}

/** What to do when the token ends mid-work: ask for the password again without leaving the page. */
export function whenExpired(handler: (() => Promise<void>) | null): void {
  reauthenticate = handler;
}

/** The typed client, generated from the platform's contract at build time: a path or field that drifts fails the build. */
export const api = createClient<paths>({ baseUrl: '' });
api.use({
  onRequest({ request }) {
    if (token) {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    return request;
  },
});

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * Runs a call; a 401 of a live session asks for the password again and repeats the call once (never for the sign-in
 * itself: a wrong password there is the answer); a refusal throws its problem.
 */
export async function call<T>(send: () => Promise<Answer<T>>, options: { signIn?: boolean } = {}): Promise<T> {
  let answer = await send();
  if (answer.response.status === 401 && token && reauthenticate && !options.signIn) {
    await reauthenticate();
    answer = await send();
  }
  if (!answer.response.ok) {
    throw new ProblemError(problemOf(answer.error, answer.response));
  }
  return answer.data as T;
}

function problemOf(body: unknown, response: Response): Problem {
  if (body && typeof body === 'object' && 'status' in body) {
    return body as Problem;
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}
