package io.bridgehead.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Points spring.mail at the test SMTP server; registered for every test context in spring.factories. */
public class TestMailProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
                context, "spring.mail.host=127.0.0.1", "spring.mail.port=" + TestMail.port());
    }
}
