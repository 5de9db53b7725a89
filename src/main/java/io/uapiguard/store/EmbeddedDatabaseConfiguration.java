package io.uapiguard.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url}, the service runs on the embedded PostgreSQL whose data lives in
 * {@code uapiguard.database.data-dir} (default: the user's data directory). Spring Boot's Flyway migrates it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    EmbeddedServer embeddedPostgres(@Value("${uapiguard.database.data-dir:}") String dataDir) {
        return EmbeddedServer.startOwn(StringUtils.hasText(dataDir) ? Path.of(dataDir) : EmbeddedServer.defaultDataDir());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(EmbeddedServer server,
                                @Value("${uapiguard.database.pool-size:10}") int poolSize) {
        return Database.pool(server.jdbcUrl(), server.user(), null, poolSize);
    }

    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
