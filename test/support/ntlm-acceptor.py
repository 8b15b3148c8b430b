#!/usr/bin/python3
"""An independent NTLM acceptor for our NTLM client: GSSAPI with the NTLMSSP mechanism
(Debian gss-ntlmssp + python3-gssapi), users from NTLM_USER_FILE, behind a small HTTP/1.1
server with keep-alive (NTLM authenticates a connection). Our code has no part in judging.

Usage: ntlm-acceptor.py PORT_FILE [--tls CERT KEY] [--channel-binding require]
Writes the port it listens on to PORT_FILE. A POST that authenticates is answered 200 with a
`<ok user="USER" connection="N" request="M"/>`; one that fails, 401 naming gssapi's error.
With --channel-binding require, the acceptor is given the tls-server-end-point bindings of its
own certificate, so that a client that sends none (or wrong ones) is refused.
"""
import base64
import hashlib
import http.server
import socket
import ssl
import sys

import gssapi

NTLMSSP = gssapi.OID.from_int_seq('1.3.6.1.4.1.311.2.2.10')


def main():
    port_file = sys.argv[1]
    tls = '--tls' in sys.argv
    require_cb = '--channel-binding' in sys.argv
    bindings = None
    if tls:
        cert, key = sys.argv[sys.argv.index('--tls') + 1:sys.argv.index('--tls') + 3]
        if require_cb:
            der = ssl.PEM_cert_to_DER_cert(open(cert).read())
            bindings = gssapi.raw.ChannelBindings(
                application_data=b'tls-server-end-point:' + hashlib.sha256(der).digest())
    connections = [0]

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'

        def setup(self):
            super().setup()
            connections[0] += 1
            self.connection_no = connections[0]
            self.requests = 0
            self.ctx = None
            self.user = None

        def log_message(self, *args):
            pass

        def reply(self, status, text, headers=()):
            body = text.encode()
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header('Content-Type', 'text/xml' if status == 200 else 'text/plain')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def ok(self):
            self.reply(200, '<ok user="%s" connection="%d" request="%d"/>' % (self.user, self.connection_no, self.requests))

        def do_POST(self):
            self.rfile.read(int(self.headers.get('Content-Length', '0')))
            self.requests += 1
            auth = self.headers.get('Authorization')
            if self.user and not auth:
                return self.ok()
            if not auth or not auth.startswith('NTLM '):
                return self.reply(401, 'no NTLM\n', [('WWW-Authenticate', 'NTLM')])
            token = base64.b64decode(auth[5:])
            if token[8:12] == b'\x01\x00\x00\x00':
                creds = gssapi.Credentials(usage='accept', mechs=[NTLMSSP])
                self.ctx = gssapi.SecurityContext(creds=creds, usage='accept', channel_bindings=bindings)
            if self.ctx is None:
                return self.reply(401, 'AUTHENTICATE without NEGOTIATE\n', [('WWW-Authenticate', 'NTLM')])
            try:
                out = self.ctx.step(token)
            except gssapi.exceptions.GSSError as e:
                self.ctx = None
                return self.reply(401, 'refused: %s\n' % ' '.join(str(e).split()), [('WWW-Authenticate', 'NTLM')])
            if not self.ctx.complete:
                return self.reply(401, 'challenge\n', [('WWW-Authenticate', 'NTLM ' + base64.b64encode(out).decode())])
            # gss-ntlmssp verifies bindings that are sent and accepts all-zero ones without setting
            # GSS_C_CHANNEL_BOUND_FLAG: "Require" is that flag (as Extended Protection requires).
            if require_cb and not (int(self.ctx.actual_flags) & 0x800):
                self.ctx = None
                return self.reply(401, 'refused: no channel binding\n', [('WWW-Authenticate', 'NTLM')])
            self.user = str(self.ctx.initiator_name).strip('\x00 ')
            self.ok()

    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    with open(port_file + '.tmp', 'w') as f:
        f.write(str(server.server_address[1]))
    import os
    os.rename(port_file + '.tmp', port_file)
    server.serve_forever()


if __name__ == '__main__':
    main()
