package org.coloc.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;

/** A random key the application made for itself once, kept in the database so every instance shares it. */
@Entity
@Table(name = "APP_SECRET")
@Getter
public class AppSecret {

    @Getter(AccessLevel.NONE)
    @Id
    private String name;

    @Column(name = "SECRET_VALUE")
    private String value;

    protected AppSecret() {
        // for JPA
    }

    public AppSecret(String name, String value) {
        this.name = name;
        this.value = value;
    }
}
