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

    @Bean
    CheckRecords checkRecords(DataSource dataSource, ChecksProperties properties) {
        return new CheckRecords(new CheckStore(dataSource), properties.retention(), Clock.systemUTC());
    }
}
