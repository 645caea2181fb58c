package dev.tcpkeepalive.httpcomponents;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.function.Consumer;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Identifiable;
import org.apache.hc.core5.util.Timeout;

/**
 * A classic connection that reports its plain socket once connected and otherwise
 * delegates every call.
 * <p>
 * Plain delegation rather than a dynamic proxy: these calls are on every request's path,
 * where reflection would cost more than the one read-back per connection it serves.
 */
final class ObservingConnection implements ManagedHttpClientConnection, Identifiable {

	private final ManagedHttpClientConnection delegate;

	private final Consumer<Socket> onConnected;

	ObservingConnection(ManagedHttpClientConnection delegate, Consumer<Socket> onConnected) {
		this.delegate = delegate;
		this.onConnected = onConnected;
	}

	@Override
	public void bind(Socket socket) throws IOException {
		this.delegate.bind(socket);
		// HttpClient binds the plain socket once before its options are set and once
		// after connect()
		if (socket.isConnected()) {
			this.onConnected.accept(socket);
		}
	}

	@Override
	public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
		this.delegate.bind(sslSocket, socket);
	}

	@Override
	public Socket getSocket() {
		return this.delegate.getSocket();
	}

	@Override
	public SSLSession getSSLSession() {
		return this.delegate.getSSLSession();
	}

	@Override
	public void passivate() {
		this.delegate.passivate();
	}

	@Override
	public void activate() {
		this.delegate.activate();
	}

	@Override
	public boolean isConsistent() {
		return this.delegate.isConsistent();
	}

	@Override
	public void sendRequestHeader(ClassicHttpRequest request) throws HttpException, IOException {
		this.delegate.sendRequestHeader(request);
	}

	@Override
	public void terminateRequest(ClassicHttpRequest request) throws HttpException, IOException {
		this.delegate.terminateRequest(request);
	}

	@Override
	public void sendRequestEntity(ClassicHttpRequest request) throws HttpException, IOException {
		this.delegate.sendRequestEntity(request);
	}

	@Override
	public ClassicHttpResponse receiveResponseHeader() throws HttpException, IOException {
		return this.delegate.receiveResponseHeader();
	}

	@Override
	public void receiveResponseEntity(ClassicHttpResponse response) throws HttpException, IOException {
		this.delegate.receiveResponseEntity(response);
	}

	@Override
	public boolean isDataAvailable(Timeout timeout) throws IOException {
		return this.delegate.isDataAvailable(timeout);
	}

	@Override
	public boolean isStale() throws IOException {
		return this.delegate.isStale();
	}

	@Override
	public void flush() throws IOException {
		this.delegate.flush();
	}

	@Override
	public void close() throws IOException {
		this.delegate.close();
	}

	@Override
	public void close(CloseMode closeMode) {
		this.delegate.close(closeMode);
	}

	@Override
	public EndpointDetails getEndpointDetails() {
		return this.delegate.getEndpointDetails();
	}

	@Override
	public SocketAddress getLocalAddress() {
		return this.delegate.getLocalAddress();
	}

	@Override
	public SocketAddress getRemoteAddress() {
		return this.delegate.getRemoteAddress();
	}

	@Override
	public ProtocolVersion getProtocolVersion() {
		return this.delegate.getProtocolVersion();
	}

	@Override
	public boolean isOpen() {
		return this.delegate.isOpen();
	}

	@Override
	public Timeout getSocketTimeout() {
		return this.delegate.getSocketTimeout();
	}

	@Override
	public void setSocketTimeout(Timeout timeout) {
		this.delegate.setSocketTimeout(timeout);
	}

	@Override
	public String getId() {
		// HttpClient's logs and pool name connections by this id
		return (this.delegate instanceof Identifiable identifiable) ? identifiable.getId()
				: Integer.toHexString(System.identityHashCode(this.delegate));
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
