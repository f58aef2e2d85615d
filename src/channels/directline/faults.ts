/**
 * When the channel cannot work (Redis away, a bug), a web-chat resident must still get the
 * apology with the crisis numbers, not a bare HTTP 500. The answer is 503 JSON whose message is
 * the apology in the resident's language (the page can show it), and, when the resident's
 * WebSocket is open in this process, the same apology is pushed straight onto it: that path needs
 * no Redis at all. The error itself is logged without request data.
 */
import type { NextFunction, Request, Response } from 'express';
import { langFromLocale, Lang } from '../../lang';
import { serviceUnavailableText } from '../../bot/serviceUnavailable';
import type { Logger } from '../../logging/logger';
import type { DirectLineAuth } from './auth';
import type { DirectLineChannel } from './channel';

function residentLang(req: Request): Lang {
  const locale = (req.body as { locale?: unknown } | undefined)?.locale;
  if (typeof locale === 'string' && langFromLocale(locale)) return langFromLocale(locale)!;
  const accept = req.headers['accept-language'];
  const first = typeof accept === 'string' ? accept.split(',')[0]?.trim() : undefined;
  return langFromLocale(first) ?? 'fi';
}

export function directLineFaults(channel: DirectLineChannel) {
  const log: Logger = channel.log;
  return function channelUnavailable(err: unknown, req: Request, res: Response, _next: NextFunction): void {
    log.error({ event: 'dl_unavailable', err, path: req.route?.path ?? null }, 'Direct Line request failed');
    if (res.headersSent) return;
    const text = serviceUnavailableText(residentLang(req));
    const claims = (res.locals.dl as DirectLineAuth | undefined)?.claims;
    const conversationId = claims?.conv ?? (typeof req.params?.conversationId === 'string' ? req.params.conversationId : null);
    if (conversationId && (!claims || claims.conv === conversationId)) channel.apologiseLocally(conversationId, text);
    res.status(503).set('Retry-After', '5').json({ error: { code: 'ServiceUnavailable', message: text } });
  };
}
