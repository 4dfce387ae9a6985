package org.xinfang.petition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.MutableClock;
import org.xinfang.support.XinfangTest;

/** The stage every lifecycle story plays on: the running platform, its database and a clock to move. */
@XinfangTest
abstract class StoryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Stories story;

    @BeforeEach
    void setUpStory() {
        story = new Stories(port, jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
