package io.spinekit.tls;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** What {@link TlsProbe} records during one handshake: the server chain, the client key choice, the first bytes read. */
final class ProbeRecorders {
    private ProbeRecorders() {
    }

    /** A plain socket that keeps the first bytes the server sends, to tell a non-TLS reply from a TLS one. */
    static final class FirstBytesSocket extends Socket {
        private final byte[] first = new byte[64];
        private volatile int count;
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        if (b >= 0) {
                            keep(new byte[] {(byte) b}, 0, 1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = super.read(buf, off, len);
                        if (n > 0) {
                            keep(buf, off, n);
                        }
                        return n;
                    }
                };
            }
            return in;
        }

        private synchronized void keep(byte[] buf, int off, int n) {
            int room = first.length - count;
            if (room > 0) {
                System.arraycopy(buf, off, first, count, Math.min(room, n));
                count += Math.min(room, n);
            }
        }

        /** True when the server sent something that does not start like a TLS record (type 20-24, version 3.x). */
        synchronized boolean answeredInPlainText() {
            if (count == 0) {
                return false;
            }
            boolean recordType = first[0] >= 20 && first[0] <= 24;
            return !recordType || count > 1 && first[1] != 3;
        }

        /** How many bytes the server sent (up to 64 are counted). */
        synchronized int received() {
            return count;
        }

        /** The first line the server sent, for a message. */
        synchronized String firstLine() {
            String text = new String(Arrays.copyOf(first, count), StandardCharsets.ISO_8859_1);
            int eol = text.indexOf('\r') >= 0 ? text.indexOf('\r') : text.indexOf('\n');
            return eol >= 0 ? text.substring(0, eol) : text;
        }
    }

    /** Records the server chain and whether and how its check failed. */
    static final class RecordingTrust extends X509ExtendedTrustManager {
        private final SpineTrustManager delegate;
        volatile List<X509Certificate> chain;
        volatile CertificateException failure;
        volatile boolean verified;

        RecordingTrust(SpineTrustManager delegate) {
            this.delegate = delegate;
        }

        private void record(X509Certificate[] c, CheckedRunnable check) throws CertificateException {
            chain = List.of(c);
            try {
                check.run();
                verified = true;
            } catch (CertificateException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, a, s));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, a, e));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, a));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            delegate.checkClientTrusted(c, a, s);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            delegate.checkClientTrusted(c, a, e);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
            delegate.checkClientTrusted(c, a);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    @FunctionalInterface
    interface CheckedRunnable {
        void run() throws CertificateException;
    }

    /** Records whether the server asked for a client certificate and which one was sent. */
    static final class RecordingKeys extends X509ExtendedKeyManager {
        private final ReloadingKeyManager delegate;
        volatile boolean requested;
        volatile String alias;

        RecordingKeys(ReloadingKeyManager delegate) {
            this.delegate = delegate;
        }

        Optional<X509Certificate> sent() {
            String a = alias;
            if (a == null || delegate == null) {
                return Optional.empty();
            }
            X509Certificate[] chain = delegate.getCertificateChain(a);
            return chain == null || chain.length == 0 ? Optional.empty() : Optional.of(chain[0]);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            requested = true;
            alias = delegate == null ? null : delegate.chooseClientAlias(keyType, issuers, socket);
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            requested = true;
            alias = delegate == null ? null : delegate.chooseEngineClientAlias(keyType, issuers, engine);
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String a) {
            return delegate == null ? null : delegate.getCertificateChain(a);
        }

        @Override
        public PrivateKey getPrivateKey(String a) {
            return delegate == null ? null : delegate.getPrivateKey(a);
        }
    }
}
