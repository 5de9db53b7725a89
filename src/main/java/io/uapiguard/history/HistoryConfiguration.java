package io.uapiguard.history;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** The write side of the history for the service: clones go to {@code uapiguard.history.cache-dir}. */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    @Bean
    Ingester historyAdmin(DataSource dataSource, @Value("${uapiguard.history.cache-dir:}") String cacheDir) {
        return new Ingester(dataSource, StringUtils.hasText(cacheDir) ? Path.of(cacheDir) : null);
    }
}
