// A minimal Chromium driver for benchmarks: the DevTools protocol over
// `--remote-debugging-pipe`, with only the Page and Runtime commands a
// benchmark needs. Playwright (which the browser tests use) tracks every
// network request of a page through the protocol's Network domain; on a
// two-core machine that bookkeeping, thousands of events during a scan,
// competes with the page for the CPU and would be counted as the page's own
// cost. This driver never enables the Network domain.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/harness.mjs';

/** Protocol messages over the pipe: JSON, each ended by a NUL byte. */
class PipeConnection {
  #writable;
  #nextId = 1;
  #pending = new Map();
  #listeners = new Set();
  #buffer = '';
  #error;

  constructor(writable, readable) {
    this.#writable = writable;
    readable.setEncoding('utf8');
    readable.on('data', chunk => {
      const parts = (this.#buffer + chunk).split('\0');
      this.#buffer = parts.pop();
      for (const part of parts) this.#receive(JSON.parse(part));
    });
  }

  send(method, params = {}, sessionId) {
    if (this.#error) return Promise.reject(this.#error);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, method });
      this.#writable.write(
        `${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`,
      );
    });
  }

  onEvent(listener) {
    this.#listeners.add(listener);
  }

  offEvent(listener) {
    this.#listeners.delete(listener);
  }

  closed(error) {
    this.#error = error;
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }

  #receive(message) {
    if (message.id === undefined) {
      for (const listener of this.#listeners) listener(message);
      return;
    }
    const call = this.#pending.get(message.id);
    if (!call) return;
    this.#pending.delete(message.id);
    if (message.error)
      call.reject(new Error(`${call.method}: ${message.error.message}`));
    else call.resolve(message.result);
  }
}

/** One page: scripts to run before the app, navigation, evaluation, waiting. */
class BenchPage {
  #connection;
  #sessionId;

  constructor(connection, sessionId) {
    this.#connection = connection;
    this.#sessionId = sessionId;
    // The dev portal's guest sign-in asks through confirm(); accept any dialog.
    connection.onEvent(message => {
      if (
        message.sessionId === sessionId &&
        message.method === 'Page.javascriptDialogOpening'
      ) {
        this.send('Page.handleJavaScriptDialog', { accept: true }).catch(
          () => {},
        );
      }
    });
  }

  send(method, params) {
    return this.#connection.send(method, params, this.#sessionId);
  }

  /** Runs `fn` (a function without closures) in every document before its own scripts. */
  async addInitScript(fn) {
    await this.send('Page.addScriptToEvaluateOnNewDocument', {
      source: `(${fn})();`,
    });
  }

  /**
   * Opens `url` and resolves once its document has loaded. The page's own
   * load event is awaited: polling the document from here could still see
   * the previous one, or hit it as it goes away.
   */
  async goto(url, { timeout = 60_000 } = {}) {
    let listener;
    const loaded = new Promise(resolve => {
      listener = message => {
        if (
          message.sessionId === this.#sessionId &&
          message.method === 'Page.domContentEventFired'
        )
          resolve();
      };
      this.#connection.onEvent(listener);
    });
    try {
      const { errorText } = await this.send('Page.navigate', { url });
      if (errorText) throw new Error(`Could not open ${url}: ${errorText}`);
      const timedOut = await Promise.race([
        loaded.then(() => false),
        delay(timeout, true, { ref: false }),
      ]);
      if (timedOut) throw new Error(`${url} did not load within ${timeout} ms`);
    } finally {
      this.#connection.offEvent(listener);
    }
  }

  /** The value of `fn(arg)` in the page, awaited; `fn` and `arg` must survive JSON. */
  async evaluate(fn, arg) {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', {
      expression: `(${fn})(${JSON.stringify(arg)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) {
      throw new Error(
        exceptionDetails.exception?.description ?? exceptionDetails.text,
      );
    }
    return result.value;
  }

  /** Polls `fn(arg)` until it is truthy, then returns its value. */
  async waitFor(fn, arg, { timeout = 60_000, interval = 250 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (value) return value;
      if (Date.now() > deadline)
        throw new Error(`Timed out after ${timeout} ms waiting for ${fn}`);
      await delay(interval);
    }
  }

  /** Clicks the first element matching `selector`, once it exists. */
  async click(selector, options) {
    await this.waitFor(s => !!document.querySelector(s), selector, options);
    await this.evaluate(s => document.querySelector(s).click(), selector);
  }
}

/**
 * Launches Debian's Chromium with a fresh profile and attaches to its page.
 *
 * @param {{ width: number, height: number }} viewport
 * @returns {Promise<{ page: BenchPage, close: () => Promise<void> }>}
 */
export async function launchBenchBrowser(viewport) {
  const userDataDir = await mkdtemp(
    path.join(os.tmpdir(), 'architecture-docs-bench-browser-'),
  );
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      `--user-data-dir=${userDataDir}`,
      `--window-size=${viewport.width},${viewport.height}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise(resolve => child.once('exit', resolve));
  const connection = new PipeConnection(child.stdio[3], child.stdio[4]);
  exited.then(() => connection.closed(new Error('Chromium exited')));
  let closing;
  const close = () => {
    closing ??= (async () => {
      await connection.send('Browser.close').catch(() => {});
      const gone = await Promise.race([
        exited.then(() => true),
        delay(10_000, false),
      ]);
      if (!gone) child.kill('SIGKILL');
      await rm(userDataDir, { recursive: true, force: true });
    })();
    return closing;
  };
  try {
    const started = Date.now();
    let target;
    while (!target) {
      const { targetInfos } = await connection.send('Target.getTargets');
      target = targetInfos.find(info => info.type === 'page');
      if (!target) {
        if (Date.now() - started > 30_000)
          throw new Error('Chromium opened no page');
        await delay(100);
      }
    }
    const { sessionId } = await connection.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: true,
    });
    const page = new BenchPage(connection, sessionId);
    await page.send('Page.enable');
    return { page, close };
  } catch (error) {
    await close();
    throw new Error(
      `Could not drive Chromium at ${CHROMIUM_PATH}: ${error.message}`,
    );
  }
}
