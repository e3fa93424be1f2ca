package io.spinekit.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Wrappers that apply the strict protocol and cipher-suite lists to every socket and engine, so
 * that code given only the {@code SSLContext} (or a socket factory) cannot fall back to weaker JDK
 * defaults.
 */
final class StrictSockets {
    private StrictSockets() {
    }

    static SSLContext strictContext(SSLContext delegate, List<String> protocols, List<String> suites) {
        return new StrictContext(new Spi(delegate, protocols.toArray(new String[0]), suites.toArray(new String[0])),
                delegate);
    }

    private static final class StrictContext extends SSLContext {
        StrictContext(SSLContextSpi spi, SSLContext delegate) {
            super(spi, delegate.getProvider(), delegate.getProtocol());
        }
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;
        private final String[] protocols;
        private final String[] suites;

        Spi(SSLContext delegate, String[] protocols, String[] suites) {
            this.delegate = delegate;
            this.protocols = protocols;
            this.suites = suites;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("This SSLContext is already initialised by SpineTlsContext; build a new"
                    + " SpineTlsContext to change its trust or identity");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new StrictSocketFactory(delegate.getSocketFactory(), protocols, suites, null);
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return new StrictServerSocketFactory(delegate.getServerSocketFactory(), protocols, suites);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return configure(delegate.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return configure(delegate.createSSLEngine(host, port));
        }

        private SSLEngine configure(SSLEngine e) {
            e.setEnabledProtocols(protocols.clone());
            e.setEnabledCipherSuites(suites.clone());
            return e;
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            SSLParameters p = delegate.getDefaultSSLParameters();
            p.setProtocols(protocols.clone());
            p.setCipherSuites(suites.clone());
            return p;
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }

    /** Client socket factory applying the lists and, when set, an endpoint identification algorithm. */
    static final class StrictSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;
        private final String[] protocols;
        private final String[] suites;
        private final String endpointIdentification;

        StrictSocketFactory(SSLSocketFactory delegate, String[] protocols, String[] suites, String endpointIdentification) {
            this.delegate = delegate;
            this.protocols = protocols;
            this.suites = suites;
            this.endpointIdentification = endpointIdentification;
        }

        private Socket configure(Socket s) {
            if (s instanceof SSLSocket ssl) {
                ssl.setEnabledProtocols(protocols.clone());
                ssl.setEnabledCipherSuites(suites.clone());
                if (endpointIdentification != null) {
                    SSLParameters p = ssl.getSSLParameters();
                    p.setEndpointIdentificationAlgorithm(endpointIdentification);
                    ssl.setSSLParameters(p);
                }
            }
            return s;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return suites.clone();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return configure(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return configure(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return configure(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return configure(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return configure(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return configure(delegate.createSocket(address, port, localAddress, localPort));
        }
    }

    private static final class StrictServerSocketFactory extends SSLServerSocketFactory {
        private final SSLServerSocketFactory delegate;
        private final String[] protocols;
        private final String[] suites;

        StrictServerSocketFactory(SSLServerSocketFactory delegate, String[] protocols, String[] suites) {
            this.delegate = delegate;
            this.protocols = protocols;
            this.suites = suites;
        }

        private ServerSocket configure(ServerSocket s) {
            if (s instanceof SSLServerSocket ssl) {
                ssl.setEnabledProtocols(protocols.clone());
                ssl.setEnabledCipherSuites(suites.clone());
            }
            return s;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return suites.clone();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return configure(delegate.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return configure(delegate.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return configure(delegate.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress) throws IOException {
            return configure(delegate.createServerSocket(port, backlog, ifAddress));
        }
    }
}
