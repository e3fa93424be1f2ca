package io.spinekit.benchmarks.ldap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factory JNDI loads by class name ({@code java.naming.ldap.factory.socket}): JNDI calls
 * the static {@code getDefault()}, so the benchmark sets the delegate (the test PKI's client
 * certificate context) before it runs. Benchmark-only; never do this in library code.
 */
public final class JndiSocketFactory extends SocketFactory {
    private static volatile SSLSocketFactory delegate;

    static void use(SSLSocketFactory factory) {
        delegate = factory;
    }

    /**
     * Called by JNDI.
     *
     * @return a factory over the configured delegate
     */
    public static SocketFactory getDefault() {
        return new JndiSocketFactory();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
