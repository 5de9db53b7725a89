package io.uapiguard.store;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read side of the history for the service. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    HistoryQueries historyQueries(DataSource dataSource) {
        return new JdbcHistoryQueries(dataSource);
    }
}
