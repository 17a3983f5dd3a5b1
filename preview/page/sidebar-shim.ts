// Apps Script's client API inside the preview's sidebar iframe: google.script.run calls the
// preview server (POST /run/NAME), and google.script.host talks to the page around the iframe.
// The server injects this bundle as the sidebar's first <script>.

type SuccessHandler = (value: unknown, userObject?: unknown) => void;
type FailureHandler = (error: Error, userObject?: unknown) => void;

interface Handlers {
  success?: SuccessHandler;
  failure?: FailureHandler;
  userObject?: unknown;
}

/** What the page around the iframe listens for (preview/page/main.ts). */
function tellPage(
  message: { type: 'server-call'; name: string } | { type: 'sidebar-close' },
): void {
  try {
    window.parent.postMessage(message, location.origin);
  } catch {
    // Opened on its own (no page around it): nothing to tell.
  }
}

async function callServer(name: string, args: unknown[]): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/run/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
  } catch {
    throw new Error('NetworkError: the preview server is not reachable.');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const field = (key: string): unknown =>
    body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (response.status === 200) return field('value');
  const error = field('error');
  throw new Error(
    typeof error === 'string' ? error : `The server answered ${response.status} to ${name}.`,
  );
}

function invoke(name: string, args: unknown[], handlers: Handlers): void {
  callServer(name, args).then(
    (value) => {
      try {
        handlers.success?.(value, handlers.userObject);
      } finally {
        tellPage({ type: 'server-call', name });
      }
    },
    (error: Error) => {
      try {
        if (handlers.failure) handlers.failure(error, handlers.userObject);
        else console.error(error);
      } finally {
        tellPage({ type: 'server-call', name });
      }
    },
  );
}

const WITH_METHODS = new Set(['withSuccessHandler', 'withFailureHandler', 'withUserObject']);

/**
 * A runner like google.script.run: the three with* methods return a new runner; any other
 * property is a server function. `then` is left undefined so awaiting a runner by mistake
 * doesn't call a server function named "then".
 */
function runner(handlers: Handlers): Record<string, unknown> {
  const own: Record<string, (argument: never) => unknown> = {
    withSuccessHandler: (success: SuccessHandler) => runner({ ...handlers, success }),
    withFailureHandler: (failure: FailureHandler) => runner({ ...handlers, failure }),
    withUserObject: (userObject: unknown) => runner({ ...handlers, userObject }),
  };
  return new Proxy(own, {
    get(target, property) {
      if (typeof property !== 'string' || property === 'then') return undefined;
      if (WITH_METHODS.has(property)) return target[property];
      return (...args: unknown[]): void => invoke(property, args, handlers);
    },
    has: (_target, property) => typeof property === 'string' && property !== 'then',
  });
}

const host = {
  close(): void {
    fetch('/sidebar/close', { method: 'POST' })
      .catch(() => undefined)
      .then(() => tellPage({ type: 'sidebar-close' }));
  },
  setHeight(_height: number): void {},
  setWidth(_width: number): void {},
  editor: { focus(): void {} },
};

const target = window as unknown as { google?: Record<string, unknown> };
const google = target.google ?? {};
google.script = { run: runner({}), host };
target.google = google;
