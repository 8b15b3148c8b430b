/**
 * A child of npm run bench:runtime (bench/runtime.ts): `node request-body.js MODE MB` makes a
 * CreateAttachment request whose file is MB megabytes (its base64 a third more), turns it into
 * the bytes a transport sends, and prints its peak RSS. It loads the SDK and nothing else:
 * - `body`: through EwsRequest.toBody(), each chunk taken and dropped as a socket would;
 * - `envelope`: the envelope's string, then its UTF-8 bytes (how requests went before toBody);
 * - `value`: only the base64 value made (what any way of sending it starts from).
 */
import { CreateAttachmentRequest } from '../generated/ews/operations.js';

const [mode, mb] = process.argv.slice(2);
const bytes = new Uint8Array(Number(mb) * 1024 * 1024);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
const content = Buffer.from(bytes.buffer).toString('base64');
const request = new CreateAttachmentRequest({
  ParentItemId: { Id: 'AAMkAGI2TG93AAA=' },
  Attachments: { $items: [{ $element: 'FileAttachment', Name: 'backup.zip', Content: content }] },
});
let sent = 0;
if (mode === 'body') {
  const body = request.toBody();
  for (const chunk of body.chunks()) sent += chunk.length;
  if (sent !== body.byteLength) throw new Error(`sent ${sent} of ${body.byteLength} bytes`);
} else if (mode === 'envelope') {
  sent = Buffer.from(request.toEnvelope(), 'utf8').length;
}
console.log(JSON.stringify({ peakRss: process.resourceUsage().maxRSS * 1024, sent }));
