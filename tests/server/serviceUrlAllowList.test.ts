/**
 * isServiceUrlAllowed (src/channels/botframework/serviceUrlAllowList.ts) remembers each list's
 * verdicts: asked again, the same answer; a verdict of one list never answers for another.
 */
import { isServiceUrlAllowed } from '../../src/channels/botframework/serviceUrlAllowList';

it('gives the same verdict when asked again, and each list its own', () => {
  const loopback = ['http://localhost', 'not a url'];
  const teams = ['https://smba.trafficmanager.net'];
  for (let i = 0; i < 3; i++) {
    expect(isServiceUrlAllowed('http://localhost:3978', loopback)).toBe(true);
    expect(isServiceUrlAllowed('http://localhost:3978', teams)).toBe(false);
    expect(isServiceUrlAllowed('https://smba.trafficmanager.net/emea/', teams)).toBe(true);
    expect(isServiceUrlAllowed('https://smba.trafficmanager.net/emea/', loopback)).toBe(false);
    expect(isServiceUrlAllowed('https://evil.example', loopback)).toBe(false);
    expect(isServiceUrlAllowed('file:///etc/passwd', loopback)).toBe(false);
  }
});

it('stays right past its bound', () => {
  const list = ['http://localhost:9'];
  for (let port = 1; port <= 600; port++) expect(isServiceUrlAllowed(`http://localhost:${port}`, list)).toBe(port === 9);
  expect(isServiceUrlAllowed('http://localhost:9', list)).toBe(true);
});
