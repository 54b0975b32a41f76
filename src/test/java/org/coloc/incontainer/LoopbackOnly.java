package org.coloc.incontainer;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Keeps the in-container tests' server on loopback, like every server the tests start. The server is started with
 * the shipped pre-boot commands (its HTTP listener on 127.0.0.1, see arquillian.xml), but the Payara Micro
 * connector talks to the host name Payara reports (the machine's name, which resolves to an outside address):
 * after each deployment this points the test runner at 127.0.0.1 instead, same port, same servlets.
 */
public class LoopbackOnly implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(ToLoopback.class);
    }

    public static class ToLoopback {

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> metaData;

        public void afterDeploy(@Observes AfterDeploy event) {
            ProtocolMetaData reported = metaData.get();
            if (reported == null) {
                return;
            }
            ProtocolMetaData onLoopback = new ProtocolMetaData();
            for (Object context : reported.getContexts()) {
                if (context instanceof HTTPContext http) {
                    HTTPContext loopback = new HTTPContext(http.getName(), "127.0.0.1", http.getPort());
                    for (Servlet servlet : http.getServlets()) {
                        loopback.add(new Servlet(servlet.getName(), servlet.getContextRoot()));
                    }
                    onLoopback.addContext(loopback);
                } else {
                    onLoopback.addContext(context);
                }
            }
            metaData.set(onLoopback);
        }
    }
}
