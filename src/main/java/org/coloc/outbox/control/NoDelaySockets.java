package org.coloc.outbox.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * The SMTP client's sockets, with TCP_NODELAY. Angus Mail writes a mail through an 8 KiB buffer: for a mail a
 * little over 8 KiB (a notice with its invitation) the last short write waits on Nagle's algorithm for the ACK of
 * the previous one, which the server delays (~40 ms): about 22 mails/s at best, whatever else is fast. Given to
 * Angus as {@code mail.<protocol>.socketFactory}: it makes the plain socket, which STARTTLS and SMTPS then wrap,
 * so the option holds in every TLS mode.
 */
public final class NoDelaySockets extends SocketFactory {

    public static final NoDelaySockets INSTANCE = new NoDelaySockets();

    private NoDelaySockets() {
    }

    private static Socket noDelay(Socket s) throws SocketException {
        s.setTcpNoDelay(true);
        return s;
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }
}
