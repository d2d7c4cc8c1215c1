package fr.passerelle.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} (environment: {@code SPRING_DATASOURCE_URL}), the
 * application starts a real MariaDB itself and connects to it; with a URL, this
 * configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "release")
	EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
		return EmbeddedMariaDb.acquire(properties);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedMariaDb server, EmbeddedDatabaseProperties embedded) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(server.jdbcUrl(embedded.database()))
			.username("root")
			.password("")
			.build();
	}

}
