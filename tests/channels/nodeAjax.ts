/**
 * botframework-directlinejs calls the network through `services.ajax` (rxjs 5's Observable.ajax,
 * which needs XMLHttpRequest). Node 20 has no XMLHttpRequest, so the tests pass this fetch-based
 * stand-in through the client's own `ajax` option; the client code itself runs unchanged.
 */
import { Observable } from 'rxjs/Observable';

interface AjaxRequest {
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeout?: number;
}

export function nodeAjax(request: AjaxRequest | string): Observable<unknown> {
  const req: AjaxRequest = typeof request === 'string' ? { url: request } : request;
  return new Observable((subscriber) => {
    const controller = new AbortController();
    const headers = { ...(req.headers ?? {}) };
    let body: string | undefined;
    if (req.body !== undefined) body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    fetch(req.url, { method: req.method ?? 'GET', headers, body, signal: controller.signal })
      .then(async (res) => {
        const text = await res.text();
        let response: unknown = text;
        try {
          response = text ? JSON.parse(text) : null;
        } catch {
          // not JSON: keep the text
        }
        const xhr = { getResponseHeader: (name: string) => res.headers.get(name) };
        if (res.status >= 200 && res.status < 300) {
          subscriber.next({ response, status: res.status, xhr, request: req });
          subscriber.complete();
        } else {
          subscriber.error(Object.assign(new Error(`ajax error ${res.status}`), { status: res.status, response, xhr, request: req }));
        }
      })
      .catch((err: Error) => {
        if (!controller.signal.aborted) subscriber.error(Object.assign(err, { status: 0 }));
      });
    return () => controller.abort();
  });
}
