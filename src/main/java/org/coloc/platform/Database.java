package org.coloc.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's database; see {@link ColocDataSource} for how it is chosen (embedded Derby in
 * {@code ${coloc.data.dir}/coloc-db} by default, outside target/ so that {@code mvn clean} never deletes mail).
 */
@DataSourceDefinition(
        name = "java:app/jdbc/coloc",
        className = "org.coloc.platform.ColocDataSource",
        minPoolSize = 1,
        maxPoolSize = 20)
@ApplicationScoped
public class Database {
}
