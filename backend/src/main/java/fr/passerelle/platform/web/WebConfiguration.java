package fr.passerelle.platform.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import fr.passerelle.platform.PublicPaths;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * French first, English when the browser asks for it; JSON, never XML; the staff
 * single-page app under {@code /app/}, where any path that is not a file is one of the
 * app's own routes.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setDefaultLocale(Locale.FRENCH);
		resolver.setSupportedLocales(List.of(Locale.FRENCH, Locale.ENGLISH));
		return resolver;
	}

	/**
	 * Before the security filters, which read the sign-in's parameters, and after the
	 * character encoding, which they must be read with.
	 */
	@Bean
	FilterRegistrationBean<FormBodyLimit> formBodyLimit(MessageSource messages) {
		FilterRegistrationBean<FormBodyLimit> registration = new FilterRegistrationBean<>(new FormBodyLimit(messages));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<JsonBodyLimit> jsonBodyLimit() {
		FilterRegistrationBean<JsonBodyLimit> registration = new FilterRegistrationBean<>(new JsonBodyLimit());
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	PublicPaths platformPublicPaths() {
		return PublicPaths.of("/error", "/app", "/app/**", "/actuator/health", "/actuator/health/**", "/v3/api-docs",
				"/v3/api-docs/**");
	}

	/**
	 * JSON only: the Twilio SDK brings an XML library, with which Spring MVC would answer
	 * XML to every browser (they all accept {@code application/xml}). TwiML is written by
	 * the SDK's builders and returned as text.
	 */
	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList(
				(converters) -> converters.removeIf((converter) -> converter.getSupportedMediaTypes()
					.stream()
					.anyMatch((type) -> "xml".equals(type.getSubtype()) || "xml".equals(type.getSubtypeSuffix()))));
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/app", "/app/");
		registry.addViewController("/app/").setViewName("forward:/app/index.html");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/app/assets/**")
			.addResourceLocations("classpath:/static/app/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		registry.addResourceHandler("/app/**")
			.addResourceLocations("classpath:/static/app/")
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new SinglePageAppResolver());
	}

	/**
	 * Serves the file when it exists, and the app's {@code index.html} for any other path
	 * without an extension.
	 */
	static class SinglePageAppResolver extends PathResourceResolver {

		@Override
		protected Resource getResource(String resourcePath, Resource location) throws IOException {
			Resource resource = super.getResource(resourcePath, location);
			if (resource != null || resourcePath.substring(resourcePath.lastIndexOf('/') + 1).contains(".")) {
				return resource;
			}
			return super.getResource("index.html", location);
		}

	}

}
