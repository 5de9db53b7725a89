package io.uapiguard.api;

import io.uapiguard.store.CheckStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The stored checks on the service's database, swept in the background (Spring's scheduler). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ChecksProperties.class)
class CheckStoreConfiguration {

    /** On a pool of its own, whose writes do not wait for the WAL flush (see {@link CheckStore#ownPool}). */
    @Bean(destroyMethod = "close")
    CheckStore checkStore(DataSource dataSource) {
        return CheckStore.ownPool(dataSource);
    }

    @Bean
    CheckRecords checkRecords(CheckStore store, ChecksProperties properties) {
        return new CheckRecords(store, properties.retention(), Clock.systemUTC());
    }
}
