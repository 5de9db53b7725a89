package io.uapiguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The service: REST API, web report and scheduled ingest, started by {@code uapiguard serve}. */
@SpringBootApplication
public class UapiguardApplication {

    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(UapiguardApplication.class, args);
    }
}
