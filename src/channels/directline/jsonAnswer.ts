/**
 * The JSON answer of a Direct Line POST (a post's id, a started conversation, a token), written
 * as it is. express's `res.json` also hashes every answer for an ETag (SHA-1) and checks the
 * request's freshness against it, which no POST answer uses; a conversation's start answers three
 * POSTs and each turn one. GET answers keep `res.json`: a client's cache may revalidate those.
 */
import type { Response } from 'express';

export function sendJson(res: Response, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  // res.end with the whole body sets Content-Length itself.
  res.end(JSON.stringify(body));
}
