package fr.passerelle.platform.web;

import java.io.IOException;
import java.util.Locale;

import fr.passerelle.platform.RejectedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps JSON bodies small: no form of the API needs more than {@value #LIMIT_KB} KB, and
 * a larger body, declared or sent in chunks, is refused (413) once that much has been
 * read, before Jackson builds anything from it. Pictures and tutorial bundles are not
 * JSON and have limits of their own.
 */
class JsonBodyLimit extends OncePerRequestFilter {

	static final int LIMIT_KB = 64;

	private static final long LIMIT = LIMIT_KB * 1024L;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = (request.getContentType() != null) ? request.getContentType().toLowerCase(Locale.ROOT) : "";
		return !(type.startsWith("application/json") || type.contains("+json"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new LimitedRequest(request), response);
	}

	private static RejectedRequest tooLarge() {
		return new RejectedRequest(HttpStatus.CONTENT_TOO_LARGE, "request.too-large", LIMIT_KB);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		LimitedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (getContentLengthLong() > LIMIT) {
				throw tooLarge();
			}
			if (this.limited == null) {
				this.limited = new LimitedStream(super.getInputStream());
			}
			return this.limited;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long read;

		LimitedStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int value = this.delegate.read();
			if (value >= 0) {
				count(1);
			}
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = this.delegate.read(buffer, offset, length);
			if (count > 0) {
				count(count);
			}
			return count;
		}

		private void count(int bytes) {
			this.read += bytes;
			if (this.read > LIMIT) {
				throw tooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
